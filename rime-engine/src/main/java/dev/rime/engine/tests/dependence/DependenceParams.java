// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.Range;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.Locale;

/** Parameters the correlation and mutual information tests share, with their ranges. */
public final class DependenceParams {

  /** {@code max_pairwise_tests}: at most this many pairs are tested (one case each). */
  public static final Param MAX_PAIRWISE_TESTS =
      Param.integer("max_pairwise_tests", 200, Range.closed(1, 100_000));

  /** {@code p_value_threshold}: a change (or a level) counts only with a p-value below it. */
  public static final Param P_VALUE_THRESHOLD =
      Param.number("p_value_threshold", 0.05, new Range(0, true, 1, false));

  /** {@code num_null_simulations}: S, the draws of a mutual information null simulation. */
  public static final Param NUM_NULL_SIMULATIONS =
      Param.integer("num_null_simulations", 500, Range.closed(1, 100_000));

  /** {@code correlation_drift_thresholds}: on {@code |r_ref − r_eval|}, which is at most 2. */
  public static final Param CORRELATION_DRIFT_THRESHOLDS =
      Param.thresholds("correlation_drift_thresholds", Range.closed(0, 2), 0.3, 0.5, 0.7);

  /** {@code mutual_information_thresholds}: on the change of a normalised MI, in [0, 1]. */
  public static final Param MUTUAL_INFORMATION_THRESHOLDS =
      Param.thresholds("mutual_information_thresholds", Range.UNIT, 0.1, 0.2, 0.3);

  private DependenceParams() {}

  /**
   * Rejects {@code num_null_simulations} too small for any p-value to fall below {@code
   * p_value_threshold} (the smallest is {@code 1 / (1 + S)}), which would silently turn the test
   * off.
   */
  public static void checkSimulations(TestParams params) {
    int s = params.integer(NUM_NULL_SIMULATIONS.key());
    double alpha = params.number(P_VALUE_THRESHOLD.key());
    if (1.0 / (1 + s) >= alpha) {
      throw new ConfigException(
          params.key(NUM_NULL_SIMULATIONS.key()),
          String.format(
              Locale.ROOT,
              "must be at least %d with p_value_threshold %s: the smallest p-value of %d"
                  + " simulations is 1/%d, so nothing could ever be found",
              (long) Math.floor(1 / alpha),
              alpha,
              s,
              s + 1));
    }
  }

  /**
   * The seed of one simulation: from {@code random_seed}, the test and what is tested, so a result
   * does not depend on what else runs.
   */
  public static long seed(TestContext ctx, StressTest test, String what) {
    return ctx.config().randomSeed() * 0x9E3779B97F4A7C15L + (test.id() + "/" + what).hashCode();
  }

  /** A number for a description: 4 significant digits, or "undefined". */
  static String fmt(Double v) {
    return v == null ? "undefined" : String.format(Locale.ROOT, "%.4g", v);
  }

  /** A p-value for a description: 3 significant digits. */
  static String p(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** "Low", "Medium" or "High". */
  static String level(dev.rime.api.Severity s) {
    return s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT);
  }
}
