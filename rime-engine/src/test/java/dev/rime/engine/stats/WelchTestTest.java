// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values: scipy 1.14.1 {@code ttest_ind_from_stats(..., equal_var=False,
 * alternative='greater')}, from {@code src/test/resources/reference/subset/welch.py} (output {@code
 * welch.txt}).
 */
class WelchTestTest {

  private static void check(
      double m1,
      double se1,
      long n1,
      double m2,
      double se2,
      long n2,
      double t,
      double df,
      double p) {
    WelchTest w = WelchTest.greater(m1, se1, n1, m2, se2, n2);
    assertThat(w.t()).isCloseTo(t, within(1e-12 * Math.abs(t)));
    assertThat(w.df()).isCloseTo(df, within(1e-9 * df));
    assertThat(w.pValue()).isCloseTo(p, within(1e-10 * p));
  }

  @Test
  void matchesScipy() {
    check(
        1.3,
        0.2598076211353316,
        12,
        1.0,
        0.07302967433402215,
        30,
        1.1116195124697268,
        12.7766886626626,
        0.14339104521025958);
    check(
        0.52,
        0.043840620433565944,
        50,
        0.55,
        0.0049497474683058325,
        5000,
        -0.6799767300834051,
        50.25710150499405,
        0.7501802111316034);
    check(
        10.0,
        2.1213203435596424,
        2,
        2.0,
        0.5773502691896258,
        3,
        3.6388706091787366,
        1.1504787961696303,
        0.07227414494209859);
    check(
        5.0,
        0.001,
        1000000,
        4.99,
        0.000848528137423857,
        2000000,
        7.624928516630071,
        2349426.100766975,
        1.2213024478412093e-14);
  }

  @Test
  void constantSamplesAreDecidedByTheirMeans() {
    assertThat(WelchTest.greater(2, 0, 10, 1, 0, 10).pValue()).isZero();
    assertThat(WelchTest.greater(1, 0, 10, 1, 0, 10).pValue()).isEqualTo(1.0);
    assertThat(WelchTest.greater(1, 0, 10, 2, 0, 10).t()).isNull();
  }

  @Test
  void needsTwoValuesASide() {
    assertThatThrownBy(() -> WelchTest.greater(1, 0.1, 1, 0, 0.1, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
