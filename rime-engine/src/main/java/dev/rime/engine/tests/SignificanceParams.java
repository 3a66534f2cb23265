// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.Range;
import java.util.Locale;

/**
 * The parameters every test with a p-value shares ({@code p_value_threshold}, {@code
 * num_null_simulations}), the check that they leave the test able to fail, and the seed of a null
 * simulation ({@link dev.rime.engine.stats.NullSimulation}).
 */
public final class SignificanceParams {

  /** {@code p_value_threshold}: a finding counts only with a p-value below it. */
  public static final Param P_VALUE_THRESHOLD =
      Param.number("p_value_threshold", 0.05, new Range(0, true, 1, false));

  /** {@code num_null_simulations}: S, the draws of a null simulation. */
  public static final Param NUM_NULL_SIMULATIONS =
      Param.integer("num_null_simulations", 500, Range.closed(1, 100_000));

  private SignificanceParams() {}

  /** {@code p_value_threshold} of a test. */
  public static double alpha(TestParams params) {
    return params.number(P_VALUE_THRESHOLD.key());
  }

  /** {@code num_null_simulations} of a test. */
  public static int simulations(TestParams params) {
    return params.integer(NUM_NULL_SIMULATIONS.key());
  }

  /**
   * Rejects {@code num_null_simulations} too small for any p-value to fall below {@code
   * p_value_threshold} (the smallest simulated p-value is {@code 1 / (1 + S)}), which would
   * silently turn the test off.
   *
   * @throws ConfigException naming {@code num_null_simulations}
   */
  public static void checkSimulations(TestParams params) {
    int s = simulations(params);
    double alpha = alpha(params);
    if (1.0 / (1 + s) >= alpha) {
      throw new ConfigException(
          params.key(NUM_NULL_SIMULATIONS.key()),
          String.format(
              Locale.ROOT,
              "must be at least %d with p_value_threshold %s: the smallest p-value of %d"
                  + " simulations is 1/%d, so the test could never fail",
              (long) Math.floor(1 / alpha),
              alpha,
              s,
              s + 1));
    }
  }

  /**
   * The seed of one simulation: from {@code random_seed}, the test and what is tested (a feature, a
   * pair), so a result does not depend on what else runs.
   */
  public static long seed(TestContext ctx, StressTest test, String what) {
    return ctx.config().randomSeed() * 0x9E3779B97F4A7C15L + (test.id() + "/" + what).hashCode();
  }
}
