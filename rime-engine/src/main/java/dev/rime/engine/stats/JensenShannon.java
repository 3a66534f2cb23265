// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

/**
 * Jensen-Shannon distance between two count vectors over the same bins, base 2 (so it lies in [0,
 * 1]), as {@code scipy.spatial.distance.jensenshannon(p, q, base=2)} computes it: p and q are the
 * proportions, m = (p + q) / 2, {@code JS = sqrt((KL(p‖m) + KL(q‖m)) / (2 ln 2))}, where a bin with
 * proportion 0 contributes 0 to its side's KL (no smoothing is needed: m is positive wherever p or
 * q is).
 */
public final class JensenShannon {

  private static final double LN2 = Math.log(2);

  private JensenShannon() {}

  /** The distance of two count vectors (0 when either is all zero). */
  public static double distance(long[] ref, long[] eval) {
    double[] p = Psi.proportions(ref);
    double[] q = Psi.proportions(eval);
    double left = 0;
    double right = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      left += relEntr(p[i], m);
      right += relEntr(q[i], m);
    }
    double js = (left + right) / LN2;
    // In [0, 1] mathematically; rounding over thousands of bins can step past either end.
    return Math.min(1.0, Math.sqrt(Math.max(0, js / 2.0)));
  }

  /**
   * One bin's share of the divergence, {@code (p ln(p/m) + q ln(q/m)) / (2 ln 2)}: the squared
   * distance is the sum of these.
   */
  public static double term(double p, double q) {
    double m = (p + q) / 2;
    return (relEntr(p, m) + relEntr(q, m)) / LN2 / 2;
  }

  /** scipy's {@code rel_entr}: {@code x ln(x / y)}, 0 for x = 0. */
  private static double relEntr(double x, double y) {
    return x > 0 ? x * Math.log(x / y) : 0;
  }
}
