// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.tests.dependence.DependenceReference;
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
  }
}
