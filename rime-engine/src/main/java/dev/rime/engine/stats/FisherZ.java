// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Fisher's z test of whether two Pearson correlations from independent samples differ: {@code z_k =
 * atanh(r_k)}, {@code Z = (z_1 − z_2) / sqrt(1 / (n_1 − 3) + 1 / (n_2 − 3))}, two-sided {@code p =
 * 2 (1 − Φ(|Z|))}. Correlations are clamped to [−1, 1] (rounding can put them a hair outside);
 * equal correlations give p = 1 (also both ±1), a correlation of exactly ±1 against any other p =
 * 0.
 */
public final class FisherZ {

  /** The fewest rows a correlation needs for the test: its standard error is 1 / sqrt(n − 3). */
  public static final long MIN_ROWS = 4;

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  private FisherZ() {}

  /**
   * The two-sided p-value of {@code r1 = r2}.
   *
   * @throws IllegalArgumentException when a sample has fewer than {@link #MIN_ROWS} rows or a
   *     correlation is not a number
   */
  public static double pValue(double r1, long n1, double r2, long n2) {
    if (n1 < MIN_ROWS || n2 < MIN_ROWS || Double.isNaN(r1) || Double.isNaN(r2)) {
      throw new IllegalArgumentException(
          "Fisher's z test needs correlations of at least 4 rows, got r "
              + r1
              + " (n "
              + n1
              + ") and r "
              + r2
              + " (n "
              + n2
              + ")");
    }
    double a = clamp(r1);
    double b = clamp(r2);
    if (a == b) {
      return 1;
    }
    double z = (atanh(a) - atanh(b)) / Math.sqrt(1.0 / (n1 - 3) + 1.0 / (n2 - 3));
    return Math.min(1, 2 * STANDARD.survivalProbability(Math.abs(z)));
  }

  /** {@code atanh(r) = ln((1 + r) / (1 − r)) / 2}, infinite at ±1. */
  static double atanh(double r) {
    return 0.5 * (Math.log1p(r) - Math.log1p(-r));
  }

  private static double clamp(double r) {
    return Math.max(-1, Math.min(1, r));
  }
}
