// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinomialTest {

  /** C(n, k) p^k (1 - p)^(n - k), by the textbook formula. */
  private static double pmf(int n, int k, double p) {
    double c = 1;
    for (int i = 0; i < k; i++) {
      c = c * (n - i) / (i + 1);
    }
    return c * Math.pow(p, k) * Math.pow(1 - p, n - k);
  }

  @Test
  void exactRegimeFollowsThePmf() {
    // n = 10, p = 0.3 (n p = 3 < 30: inversion). 200000 draws: each frequency within 4.5
    // standard errors sqrt(f (1 - f) / N) of the pmf.
    Binomial b = new Binomial(11);
    int draws = 200_000;
    int[] freq = new int[11];
    for (int i = 0; i < draws; i++) {
      freq[(int) b.next(10, 0.3)]++;
    }
    for (int k = 0; k <= 10; k++) {
      double f = pmf(10, k, 0.3);
      double se = Math.sqrt(f * (1 - f) / draws);
      assertThat(freq[k] / (double) draws).as("P(X = %d)", k).isCloseTo(f, within(4.5 * se + 1e-9));
    }
  }

  @Test
  void bothRegimesHaveTheBinomialMeanAndVariance() {
    // (n, p): exact (n p < 30), exact by symmetry (p > 1/2, n (1 - p) < 30), normal (n p >= 30),
    // huge n with tiny p (exact, P(X = 0) = e^-5 needs no underflow care).
    long[][] cases = {{50, 20}, {50, 90}, {10_000, 30}, {1_000_000_000, 0}};
    double[] ps = {0.2, 0.9, 0.3, 5e-9};
    int draws = 100_000;
    for (int c = 0; c < ps.length; c++) {
      long n = cases[c][0];
      double p = ps[c];
      Binomial b = new Binomial(c);
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < draws; i++) {
        long x = b.next(n, p);
        assertThat(x).isBetween(0L, n);
        sum += x;
        sumSq += (double) x * x;
      }
      double mean = sum / draws;
      double var = sumSq / draws - mean * mean;
      double v = n * p * (1 - p);
      // Mean within 4.5 standard errors sqrt(v / N). Variance within 4.5 standard errors of a
      // sample variance, v sqrt((2 + (1 - 6 p q) / v) / N) (from the binomial's fourth central
      // moment v^2 (3 + (1 - 6 p q) / v)), plus the normal regime's rounding, at most 1/12.
      double pq = p * (1 - p);
      assertThat(mean)
          .as("mean, n=%d p=%s", n, p)
          .isCloseTo(n * p, within(4.5 * Math.sqrt(v / draws)));
      assertThat(var)
          .as("variance, n=%d p=%s", n, p)
          .isCloseTo(v, within(4.5 * v * Math.sqrt((2 + (1 - 6 * pq) / v) / draws) + 1.0 / 12));
    }
  }

  @Test
  void edgeProbabilitiesAndCounts() {
    Binomial b = new Binomial(3);
    assertThat(b.next(0, 0.5)).isZero();
    assertThat(b.next(7, 0)).isZero();
    assertThat(b.next(7, 1)).isEqualTo(7);
    assertThat(b.next(7, -0.1)).isZero();
    assertThat(b.next(7, 1.5)).isEqualTo(7);
  }

  @Test
  void aSeedGivesTheSameDraws() {
    Binomial a = new Binomial(42);
    Binomial b = new Binomial(42);
    for (int i = 0; i < 1000; i++) {
      assertThat(a.next(1000, 0.37)).isEqualTo(b.next(1000, 0.37));
    }
  }

  @Test
  void normalDrawsAreStandard() {
    Binomial b = new Binomial(5);
    int draws = 200_000;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < draws; i++) {
      double z = b.normal();
      sum += z;
      sumSq += z * z;
    }
    // Mean 0 (se 1/sqrt(N)), variance 1 (se sqrt(2/N)).
    assertThat(sum / draws).isCloseTo(0, within(4.5 / Math.sqrt(draws)));
    assertThat(sumSq / draws).isCloseTo(1, within(4.5 * Math.sqrt(2.0 / draws)));
  }
}
