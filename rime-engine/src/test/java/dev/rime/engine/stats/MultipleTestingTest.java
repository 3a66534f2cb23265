// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.tests.dependence.DependenceReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipleTestingTest {

  @Test
  void benjaminiHochbergByHand() {
    // m = 4, sorted 0.01, 0.02, 0.03, 0.5: p m / rank = 0.04, 0.04, 0.04, 0.5; the running minimum
    // from the largest down keeps them. Given unsorted, the result follows the input order.
    assertThat(MultipleTesting.benjaminiHochberg(new double[] {0.03, 0.5, 0.01, 0.02}))
        .containsExactly(0.04, 0.5, 0.04, 0.04);
    // 0.04, 0.045 of m = 2: 0.08 and 0.045, so the first takes the second's 0.045 (step-up).
    assertThat(MultipleTesting.benjaminiHochberg(new double[] {0.04, 0.045}))
        .containsExactly(0.045, 0.045);
    assertThat(MultipleTesting.benjaminiHochberg(new double[] {0.3})).containsExactly(0.3);
    assertThat(MultipleTesting.benjaminiHochberg(new double[0])).isEmpty();
  }

  @Test
  void matchesStatsmodels() {
    // correlation_drift.py: multipletests(p, method='fdr_bh')[1], ties and ones included.
    Map<String, Object> e = DependenceReference.correlationDrift("bh");
    @SuppressWarnings("unchecked")
    double[] p = ((List<Number>) e.get("p")).stream().mapToDouble(Number::doubleValue).toArray();
    @SuppressWarnings("unchecked")
    List<Number> expected = (List<Number>) e.get("adjusted");
    double[] adjusted = MultipleTesting.benjaminiHochberg(p);
    assertThat(adjusted).hasSize(expected.size());
    for (int i = 0; i < adjusted.length; i++) {
      assertThat(adjusted[i])
          .as("p " + p[i])
          .isCloseTo(expected.get(i).doubleValue(), within(1e-15));
    }
  }
}
