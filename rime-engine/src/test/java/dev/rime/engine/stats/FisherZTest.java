// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.tests.dependence.DependenceReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FisherZTest {

  @Test
  void matchesScipyOnTheReferencePairs() {
    // dependence.py: 2 * scipy.stats.norm.sf(|atanh r1 - atanh r2| / sqrt(1/(n1-3) + 1/(n2-3))).
    Map<String, Object> pearson = DependenceReference.section("pearson");
    int checked = 0;
    for (String key : pearson.keySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) pearson.get(key);
      double expected = DependenceReference.number(e, "fisher_p");
      double p =
          FisherZ.pValue(
              DependenceReference.number(e, "ref.r"),
              (long) DependenceReference.number(e, "ref.n"),
              DependenceReference.number(e, "eval.r"),
              (long) DependenceReference.number(e, "eval.n"));
      // Relative: the sign flips have p-values near 1e-285.
      assertThat(p).as(key).isCloseTo(expected, within(1e-9 * expected + 1e-300));
      checked++;
    }
    assertThat(checked).isEqualTo(10);
  }

  @Test
  void byHand() {
    // r 0.5 and 0 on 28 rows each: Z = atanh(0.5) / sqrt(2/25) = 0.549306 / 0.282843 = 1.942089;
    // p = 2 (1 - Phi(1.942089)) = 0.052130.
    assertThat(FisherZ.pValue(0.5, 28, 0, 28)).isCloseTo(0.05213, within(1e-5));
    assertThat(FisherZ.pValue(0, 28, 0.5, 28)).isEqualTo(FisherZ.pValue(0.5, 28, 0, 28));
  }

  @Test
  void theWidthOfAChangeOfTheMarginOnTheFisherScaleByHand() {
    // c = 0, margin 0.3: x = e^w solves 0.85 x^2 - 0.3 x - 1.15 = 0, x = (0.3 + sqrt(0.09 + 3.91))
    // / 1.7 = 2.3 / 1.7 = 23/17, so w = ln(23/17) = 0.302281 (the pair -0.15, 0.15: 2 atanh 0.15).
    assertThat(FisherZ.zWidth(0, 0.3)).isCloseTo(Math.log(23.0 / 17), within(1e-15));
    assertThat(FisherZ.zWidth(0, 0.3)).isCloseTo(2 * FisherZ.atanh(0.15), within(1e-15));
    assertThat(FisherZ.zWidth(0.7, 0)).isZero();
    // Against scipy's brentq on tanh(c + w/2) - tanh(c - w/2) = margin (correlation_drift.py):
    // the width grows towards |r| = 1, where a change of 0.3 is a long way on the z scale.
    Map<String, Object> e = DependenceReference.correlationDrift("by_hand");
    assertThat(FisherZ.zWidth(1.0, 0.3))
        .isCloseTo(DependenceReference.number(e, "width_c1_low0.3"), within(1e-13));
    assertThat(FisherZ.zWidth(-2.0, 0.5))
        .isCloseTo(DependenceReference.number(e, "width_cminus2_low0.5"), within(1e-13));
    assertThat(FisherZ.zWidth(0.5, 1.9))
        .isCloseTo(DependenceReference.number(e, "width_c0.5_low1.9"), within(1e-13));
  }

  @Test
  void theMinimumEffectPValueMatchesScipy() {
    // correlation_drift.py: min(1, 2 norm.sf((|z1 - z2| - w) / se)) for the reference pairs with
    // margin 0.3, and the 12-row example of CorrelationDriftTest (r 0.9108 and 0.5904: Fisher's
    // p 0.070, but the change 0.320 is barely past 0.3, p 0.915).
    int checked = 0;
    for (String group : List.of("features", "label")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> expected =
          (Map<String, Object>) DependenceReference.correlationDrift("dependence").get(group);
      for (String key : expected.keySet()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> want = (Map<String, Object>) expected.get(key);
        Map<String, Object> r = DependenceReference.entry("pearson", key);
        double p =
            FisherZ.minimumEffectPValue(
                DependenceReference.number(r, "ref.r"),
                (long) DependenceReference.number(r, "ref.n"),
                DependenceReference.number(r, "eval.r"),
                (long) DependenceReference.number(r, "eval.n"),
                0.3);
        double q = DependenceReference.number(want, "p_value");
        // Relative: the sign flips have p-values near 1e-213.
        assertThat(p).as(key).isCloseTo(q, within(1e-9 * q + 1e-300));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(7);
    Map<String, Object> twelve = DependenceReference.correlationDrift("twelve_rows");
    double r1 = DependenceReference.number(twelve, "ref_r");
    double r2 = DependenceReference.number(twelve, "eval_r");
    assertThat(FisherZ.minimumEffectPValue(r1, 12, r2, 12, 0.3))
        .isCloseTo(DependenceReference.number(twelve, "p_value"), within(1e-12));
    assertThat(FisherZ.minimumEffectPValue(r1, 12, r2, 12, 0))
        .isEqualTo(FisherZ.pValue(r1, 12, r2, 12))
        .isCloseTo(DependenceReference.number(twelve, "fisher_p"), within(1e-12));
  }

  @Test
  void aChangeWithinTheMarginHasPValueOne() {
    // By hand: r 0.5 and 0.25 on 28 rows: a change of 0.25 <= 0.3, so p = 1 without a test; the
    // same change is Fisher-significant on 1000 rows a side (Z = 0.293 / 0.0448 = 6.5).
    assertThat(FisherZ.minimumEffectPValue(0.5, 1000, 0.25, 1000, 0.3)).isEqualTo(1.0);
    assertThat(FisherZ.pValue(0.5, 1000, 0.25, 1000)).isLessThan(1e-9);
    // Exactly at the margin: still within.
    assertThat(FisherZ.minimumEffectPValue(0.75, 50, 0.25, 50, 0.5)).isEqualTo(1.0);
    // r 0 against 0.6 on 28 rows a side, margin 0.3, by hand: z 0 and atanh 0.6 = ln 2 =
    // 0.693147, c = ln 2 / 2, cosh(2c) = cosh(ln 2) = 1.25; x = (0.375 + sqrt(0.375^2 + 3.91)) /
    // 1.7 = (0.375 + 2.012616) / 1.7 = 1.404480, w = ln x = 0.339667; SE = sqrt(2/25) =
    // 0.282843; Z = (0.693147 - 0.339667) / 0.282843 = 1.24974; p = 2 (1 - Phi(1.24974)) =
    // 0.2114. Fisher's plain test: Z = 2.4507, p = 0.01426. A change of 0.6 on 28 rows is
    // evidence of a change, not of one beyond 0.3.
    assertThat(FisherZ.zWidth(Math.log(2) / 2, 0.3)).isCloseTo(0.339667, within(1e-6));
    assertThat(FisherZ.minimumEffectPValue(0, 28, 0.6, 28, 0.3)).isCloseTo(0.2114, within(2e-4));
    assertThat(FisherZ.pValue(0, 28, 0.6, 28)).isCloseTo(0.01426, within(1e-5));
  }

  @Test
  void edgeCases() {
    assertThat(FisherZ.pValue(0.3, 10, 0.3, 1000)).isEqualTo(1.0);
    assertThat(FisherZ.pValue(1, 10, 1, 50)).isEqualTo(1.0);
    assertThat(FisherZ.pValue(1, 10, 0.99, 10)).isZero();
    assertThat(FisherZ.pValue(-1, 10, 1, 10)).isZero();
    // Rounding just past 1 is clamped.
    assertThat(FisherZ.pValue(1.0000000000000002, 10, 1, 10)).isEqualTo(1.0);
    assertThatThrownBy(() -> FisherZ.pValue(0.5, 3, 0.1, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 4 rows");
    assertThatThrownBy(() -> FisherZ.pValue(Double.NaN, 30, 0.1, 100))
        .isInstanceOf(IllegalArgumentException.class);
    // A correlation of exactly 1 against one more than the margin away: no noise explains it.
    assertThat(FisherZ.minimumEffectPValue(1, 10, 0.5, 10, 0.3)).isZero();
    assertThat(FisherZ.minimumEffectPValue(-1, 10, 1, 10, 0.3)).isZero();
    assertThatThrownBy(() -> FisherZ.minimumEffectPValue(0.5, 30, 0.1, 30, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("margin");
    assertThatThrownBy(() -> FisherZ.minimumEffectPValue(0.5, 30, 0.1, 30, -0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
