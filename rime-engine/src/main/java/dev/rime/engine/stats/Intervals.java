// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Normal-approximation confidence intervals. */
public final class Intervals {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  private Intervals() {}

  /** The two-sided z value of a confidence level, e.g. 1.959963984540054 for 0.95. */
  public static double z(double confidenceLevel) {
    return STANDARD.inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
  }

  /** Half-width of a proportion's interval: {@code z sqrt(p (1 − p) / n)}. */
  public static double proportionMargin(double p, long n, double z) {
    return z * Math.sqrt(p * (1 - p) / n);
  }
}
