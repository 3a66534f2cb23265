// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.tests.dependence.DependenceReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Draws against scipy's hypergeometric pmf and moments ({@code dependence.py}). */
class HypergeometricTest {

  @Test
  void smallDrawsFollowTheExactPmf() {
    // N 50, K 20, n 10 (mean 4: inversion); each frequency within 4.5 standard errors.
    @SuppressWarnings("unchecked")
    Map<String, Object> small =
        (Map<String, Object>) DependenceReference.section("hypergeometric").get("small");
    @SuppressWarnings("unchecked")
    List<Number> pmf = (List<Number>) small.get("pmf");
    Hypergeometric h = new Hypergeometric(1);
    int draws = 100_000;
    long[] counts = new long[11];
    for (int i = 0; i < draws; i++) {
      counts[(int) h.next(50, 20, 10)]++;
    }
    for (int k = 0; k <= 10; k++) {
      double p = pmf.get(k).doubleValue();
      assertThat((double) counts[k] / draws)
          .as("P(X = %d)", k)
          .isCloseTo(p, within(4.5 * Math.sqrt(p * (1 - p) / draws) + 1e-5));
    }
  }

  @Test
  void largeDrawsHaveTheExactMeanAndVariance() {
    // N 3000000, K 1000000, n 500000: mean 166666.7, variance 92592.6 (normal approximation).
    @SuppressWarnings("unchecked")
    Map<String, Object> large =
        (Map<String, Object>) DependenceReference.section("hypergeometric").get("large");
    double mean = DependenceReference.number(large, "mean");
    double var = DependenceReference.number(large, "var");
    Hypergeometric h = new Hypergeometric(2);
    int draws = 20_000;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < draws; i++) {
      double x = h.next(3_000_000, 1_000_000, 500_000);
      sum += x;
      sumSq += x * x;
    }
    double m = sum / draws;
    double v = sumSq / draws - m * m;
    assertThat(m).isCloseTo(mean, within(4.5 * Math.sqrt(var / draws)));
    // The variance of a sample variance of a near-normal variable: 2 var^2 / draws.
    assertThat(v).isCloseTo(var, within(4.5 * var * Math.sqrt(2.0 / draws)));
  }

  @Test
  void symmetriesAndEdges() {
    Hypergeometric h = new Hypergeometric(3);
    // Every success drawn, none, or all items.
    assertThat(h.next(10, 10, 4)).isEqualTo(4);
    assertThat(h.next(10, 0, 4)).isZero();
    assertThat(h.next(10, 3, 10)).isEqualTo(3);
    assertThat(h.next(0, 0, 0)).isZero();
    for (int i = 0; i < 1000; i++) {
      // Support: max(0, n - (N - K)) .. min(n, K).
      long x = h.next(12, 9, 7);
      assertThat(x).isBetween(4L, 7L);
    }
    assertThatThrownBy(() -> h.next(5, 6, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Hypergeometric(4).next(1000, 300, 200))
        .isEqualTo(new Hypergeometric(4).next(1000, 300, 200));
  }
}
