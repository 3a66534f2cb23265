// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import dev.rime.engine.config.Range;
import dev.rime.engine.tests.Param;
import java.util.Locale;

/**
 * Parameters the correlation and mutual information tests share, with their ranges (the
 * significance parameters are {@link dev.rime.engine.tests.SignificanceParams}).
 */
public final class DependenceParams {

  /** {@code max_pairwise_tests}: at most this many pairs are tested (one case each). */
  public static final Param MAX_PAIRWISE_TESTS =
      Param.integer("max_pairwise_tests", 200, Range.closed(1, 100_000));

  /** {@code correlation_drift_thresholds}: on {@code |r_ref − r_eval|}, which is at most 2. */
  public static final Param CORRELATION_DRIFT_THRESHOLDS =
      Param.thresholds("correlation_drift_thresholds", Range.closed(0, 2), 0.3, 0.5, 0.7);

  /** {@code mutual_information_thresholds}: on the change of a normalised MI, in [0, 1]. */
  public static final Param MUTUAL_INFORMATION_THRESHOLDS =
      Param.thresholds("mutual_information_thresholds", Range.UNIT, 0.1, 0.2, 0.3);

  private DependenceParams() {}

  /** A number for a description: 4 significant digits, or "undefined". */
  static String fmt(Double v) {
    return v == null ? "undefined" : String.format(Locale.ROOT, "%.4g", v);
  }

  /** A p-value for a description: 3 significant digits. */
  static String p(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
