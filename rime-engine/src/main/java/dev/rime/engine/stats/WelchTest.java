// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Welch's two-sample t-test of means with unequal variances, one-sided, from summary statistics
 * (scipy's {@code ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False,
 * alternative='greater')}): {@code t = (m1 − m2) / sqrt(se1² + se2²)} with {@code se = s / √n},
 * Welch–Satterthwaite degrees of freedom {@code (se1² + se2²)² / (se1⁴ / (n1 − 1) + se2⁴ / (n2 −
 * 1))}, p-value P(T ≥ t). When both standard errors are 0 the samples are constant: the p-value is
 * 0 when m1 &gt; m2 and 1 otherwise (scipy returns NaN).
 *
 * @param t the t statistic, or null when both standard errors are 0
 * @param df degrees of freedom, or null when both standard errors are 0
 * @param pValue one-sided p-value of "mean 1 is greater than mean 2"
 */
public record WelchTest(Double t, Double df, double pValue) {

  /**
   * Tests mean m1 (standard error se1 over n1 values) against m2 (se2 over n2), n1 and n2 at least
   * 2.
   */
  public static WelchTest greater(double m1, double se1, long n1, double m2, double se2, long n2) {
    if (n1 < 2 || n2 < 2 || !(se1 >= 0) || !(se2 >= 0)) {
      throw new IllegalArgumentException(
          "need n >= 2 and standard errors >= 0: " + n1 + ", " + n2 + ", " + se1 + ", " + se2);
    }
    double v1 = se1 * se1;
    double v2 = se2 * se2;
    if (v1 + v2 == 0) {
      return new WelchTest(null, null, m1 > m2 ? 0.0 : 1.0);
    }
    double t = (m1 - m2) / Math.sqrt(v1 + v2);
    double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
    return new WelchTest(t, df, TDistribution.of(df).survivalProbability(t));
  }
}
