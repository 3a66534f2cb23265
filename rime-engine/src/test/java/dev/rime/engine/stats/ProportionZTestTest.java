// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.Reference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProportionZTestTest {

  @Test
  @SuppressWarnings("unchecked")
  void matchesStatsmodels() {
    for (Map<String, Object> e :
        (List<Map<String, Object>>) Reference.methods("proportions_ztest")) {
      ProportionZTest t =
          ProportionZTest.of(n(e, "k_ref"), n(e, "n_ref"), n(e, "k_eval"), n(e, "n_eval"));
      double z = ((Number) e.get("z")).doubleValue();
      double p = ((Number) e.get("p_value")).doubleValue();
      assertThat(t.z()).as(e.toString()).isCloseTo(z, within(1e-12));
      assertThat(t.pValue()).as(e.toString()).isCloseTo(p, within(1e-12));
    }
  }

  @Test
  void byHand() {
    // 10 of 100 vs 20 of 100: pooled 0.15, se = sqrt(0.15 * 0.85 * 0.02) = 0.0504975,
    // z = 0.1 / 0.0504975 = 1.980295.
    ProportionZTest t = ProportionZTest.of(10, 100, 20, 100);
    assertThat(t.z()).isCloseTo(0.1 / Math.sqrt(0.15 * 0.85 * 0.02), within(1e-12));
    assertThat(t.p1()).isEqualTo(0.1);
    assertThat(t.p2()).isEqualTo(0.2);
  }

  @Test
  void noMissingValuesAnywhereIsNoEvidence() {
    ProportionZTest none = ProportionZTest.of(0, 100, 0, 50);
    assertThat(none.z()).isNull();
    assertThat(none.pValue()).isEqualTo(1.0);
    ProportionZTest all = ProportionZTest.of(100, 100, 50, 50);
    assertThat(all.z()).isNull();
    assertThat(all.pValue()).isEqualTo(1.0);
    assertThatThrownBy(() -> ProportionZTest.of(5, 4, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static long n(Map<String, Object> e, String key) {
    return ((Number) e.get(key)).longValue();
  }
}
