// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Two-sample z-test of proportions with the pooled variance (statsmodels' {@code
 * proportions_ztest(count, nobs)}): {@code z = (p2 − p1) / sqrt(π (1 − π)(1/n1 + 1/n2))}, π = (k1 +
 * k2) / (n1 + n2), two-sided p-value {@code 2 Φ(−|z|)}. When π is 0 or 1 both samples are all one
 * kind: z is undefined (null) and the p-value is 1 (no evidence of a difference).
 *
 * @param p1 k1 / n1
 * @param p2 k2 / n2
 * @param z the z statistic, or null when undefined
 * @param pValue two-sided p-value
 */
public record ProportionZTest(double p1, double p2, Double z, double pValue) {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  /** Tests k1 of n1 against k2 of n2 (n1, n2 at least 1). */
  public static ProportionZTest of(long k1, long n1, long k2, long n2) {
    if (n1 < 1 || n2 < 1 || k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2) {
      throw new IllegalArgumentException(
          "counts must satisfy 0 <= k <= n, n >= 1: " + k1 + "/" + n1 + ", " + k2 + "/" + n2);
    }
    double p1 = (double) k1 / n1;
    double p2 = (double) k2 / n2;
    double pooled = (double) (k1 + k2) / (n1 + n2);
    if (pooled <= 0 || pooled >= 1) {
      return new ProportionZTest(p1, p2, null, 1.0);
    }
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    double z = (p2 - p1) / se;
    return new ProportionZTest(p1, p2, z, 2 * STANDARD.survivalProbability(Math.abs(z)));
  }
}
