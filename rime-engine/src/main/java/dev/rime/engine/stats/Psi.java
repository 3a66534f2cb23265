// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

/**
 * Population stability index as RIME defines it: {@code PSI = Σ (p − q) ln(p / q)}, i.e. KL(P‖Q) +
 * KL(Q‖P), over bins or categories. Empty bins are smoothed: a proportion below {@link #FLOOR} is
 * replaced by {@link #FLOOR} (no renormalisation) so the logarithm stays finite.
 */
public final class Psi {

  /** Smallest proportion used in the logarithm. */
  public static final double FLOOR = 1e-4;

  private Psi() {}

  /** Proportions of counts (all zero when the total is zero). */
  public static double[] proportions(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    double[] p = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      p[i] = total == 0 ? 0 : (double) counts[i] / total;
    }
    return p;
  }

  /** PSI between reference proportions {@code p} and evaluation proportions {@code q}. */
  public static double of(double[] p, double[] q) {
    double psi = 0;
    for (int i = 0; i < p.length; i++) {
      psi += term(p[i], q[i]);
    }
    return psi;
  }

  /** One bin's contribution {@code (p − q) ln(p / q)}, after smoothing. */
  public static double term(double p, double q) {
    double ps = Math.max(p, FLOOR);
    double qs = Math.max(q, FLOOR);
    return (ps - qs) * Math.log(ps / qs);
  }

  /** PSI of two count vectors over the same bins. */
  public static double ofCounts(long[] ref, long[] eval) {
    return of(proportions(ref), proportions(eval));
  }
}
