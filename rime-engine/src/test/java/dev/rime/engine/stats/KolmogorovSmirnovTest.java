// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.Reference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two-sample KS p-value against scipy 1.14.1 ({@code drift_methods.py}): {@code kstwo.sf} on a
 * grid covering each of scipy's methods, and {@code ks_2samp} on exact and asymptotic examples.
 */
class KolmogorovSmirnovTest {

  private static double num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void oneSampleDistributionMatchesScipysKstwoOnEveryMethodsRegion() {
    List<Map<String, Object>> grid = (List<Map<String, Object>>) Reference.methods("kstwo_sf");
    assertThat(grid).hasSizeGreaterThan(150);
    for (Map<String, Object> point : grid) {
      long n = ((Number) point.get("n")).longValue();
      double x = num(point, "x");
      double expected = num(point, "sf");
      double actual = KolmogorovSmirnov.kstwoSf(x, n);
      // Relative 1e-10 (scipy's Durbin matrix runs in extended precision, its Smirnov sum in
      // double-double; values below 1e-300 are compared absolutely).
      assertThat(actual)
          .as("kstwo.sf(%s, %d)", x, n)
          .isCloseTo(expected, within(1e-10 * expected + 1e-300));
    }
  }

  @Test
  void twoSampleExactAndAsymptoticPValuesMatchKs2samp() {
    for (String example :
        List.of("reference", "square", "ties", "large_0.3", "large_1.5", "large_3.0")) {
      Map<String, Object> e = Reference.methods("ks", example);
      long n1 = ((Number) e.get("n1")).longValue();
      long n2 = ((Number) e.get("n2")).longValue();
      KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(num(e, "statistic"), n1, n2);
      assertThat(r.statistic()).as(example).isCloseTo(num(e, "statistic"), within(1e-15));
      assertThat(r.pValue())
          .as(example)
          .isCloseTo(num(e, "p_value"), within(1e-9 * num(e, "p_value")));
      assertThat(r.exact()).as(example).isEqualTo(Math.max(n1, n2) <= 10000);
    }
  }

  @Test
  void tinySamplesByHand() {
    // x = {1, 2}, y = {3, 4}: D = 1; of the binom(4, 2) = 6 orderings only xxyy and yyxx reach
    // D = 1, so P(D >= 1) = 2/6.
    KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(1.0, 2, 2);
    assertThat(r.pValue()).isCloseTo(1.0 / 3, within(1e-15));
    // n = 2, m = 1: D takes 1/2 (orderings xyx) or 1 (yxx, xxy): P(D >= 1) = 2/3.
    assertThat(KolmogorovSmirnov.test(1.0, 2, 1).pValue()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(KolmogorovSmirnov.test(0.5, 2, 1).pValue()).isEqualTo(1.0);
    // D = 0 (identical samples): p = 1.
    assertThat(KolmogorovSmirnov.test(0.0, 500, 700).pValue()).isEqualTo(1.0);
    assertThat(KolmogorovSmirnov.test(0.0, 50_000, 70_000).pValue()).isEqualTo(1.0);
  }

  @Test
  void hugeSamplesFarApartGiveZero() {
    // 1.5M a side (effective n 750000), D = 0.05: n D^2 = 1875 >= 370, so P = 0 (as scipy).
    assertThat(KolmogorovSmirnov.test(0.05, 1_500_000, 1_500_000).pValue()).isEqualTo(0.0);
  }

  @Test
  void rejectsWhatIsNoTest() {
    assertThatThrownBy(() -> KolmogorovSmirnov.test(0.1, 0, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KolmogorovSmirnov.test(Double.NaN, 5, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
