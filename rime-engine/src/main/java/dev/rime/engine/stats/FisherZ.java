// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Fisher's z test of whether two Pearson correlations from independent samples differ: {@code z_k =
 * atanh(r_k)}, {@code Z = (z_1 − z_2) / sqrt(1 / (n_1 − 3) + 1 / (n_2 − 3))}, two-sided {@code p =
 * 2 (1 − Φ(|Z|))}. Correlations are clamped to [−1, 1] (rounding can put them a hair outside);
 * equal correlations give p = 1 (also both ±1), a correlation of exactly ±1 against any other p =
 * 0.
 *
 * <p>{@link #minimumEffectPValue} tests "the correlations differ by more than a margin δ" (ADR
 * 0008): a change within the margin has p = 1; otherwise the margin is carried to the Fisher-z
 * scale where the observed pair is, as the width {@code w} of a change of exactly δ centred at the
 * mean {@code c = (z_1 + z_2) / 2} of the two z values ({@code tanh(c + w/2) − tanh(c − w/2) = δ}),
 * and {@code p = min(1, 2 (1 − Φ((|z_1 − z_2| − w) / SE)))}: how often noise alone would exceed the
 * margin by as much. With δ = 0 it is Fisher's test.
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
    return minimumEffectPValue(r1, n1, r2, n2, 0);
  }

  /**
   * The p-value of "{@code |r1 − r2|} is at most {@code margin}": 1 when the change is within the
   * margin, else {@code min(1, 2 (1 − Φ((|z_1 − z_2| − w) / SE)))} with {@code w} the Fisher-z
   * width of a change of exactly {@code margin} centred where the observed pair is ({@link
   * #zWidth}).
   *
   * @param margin in [0, 2)
   * @throws IllegalArgumentException when a sample has fewer than {@link #MIN_ROWS} rows, a
   *     correlation is not a number or the margin is outside [0, 2)
   */
  public static double minimumEffectPValue(double r1, long n1, double r2, long n2, double margin) {
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
    if (!(margin >= 0 && margin < 2)) {
      throw new IllegalArgumentException("margin must be in [0, 2), got " + margin);
    }
    double a = clamp(r1);
    double b = clamp(r2);
    if (Math.abs(a - b) <= margin) {
      return 1;
    }
    double za = atanh(a);
    double zb = atanh(b);
    double distance = Math.abs(za - zb);
    if (Double.isInfinite(distance)) {
      return 0; // a correlation of exactly ±1 against another: no noise explains it
    }
    double excess = distance - zWidth((za + zb) / 2, margin);
    double z = excess / Math.sqrt(1.0 / (n1 - 3) + 1.0 / (n2 - 3));
    return Math.min(1, 2 * STANDARD.survivalProbability(z));
  }

  /**
   * The Fisher-z width {@code w} of a change of correlation of exactly {@code margin} centred at
   * {@code c}: {@code tanh(c + w/2) − tanh(c − w/2) = margin}. As {@code tanh(c + h) − tanh(c − h)
   * = 2 sinh(2h) / (cosh(2c) + cosh(2h))}, {@code x = e^w} solves {@code (1 − δ/2) x² − δ cosh(2c)
   * x − (1 + δ/2) = 0}, whose positive root is taken (δ = margin in [0, 2)).
   */
  static double zWidth(double c, double margin) {
    if (margin == 0) {
      return 0;
    }
    double a = 1 - margin / 2;
    double q = margin * Math.cosh(2 * c);
    return Math.log((q + Math.sqrt(q * q + 4 * a * (1 + margin / 2))) / (2 * a));
  }

  /** {@code atanh(r) = ln((1 + r) / (1 − r)) / 2}, infinite at ±1. */
  static double atanh(double r) {
    return 0.5 * (Math.log1p(r) - Math.log1p(-r));
  }

  private static double clamp(double r) {
    return Math.max(-1, Math.min(1, r));
  }
}
