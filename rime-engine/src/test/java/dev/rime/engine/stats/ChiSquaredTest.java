// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.Reference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChiSquaredTest {

  @Test
  void twoByTwoByHand() {
    // ref (30, 70), eval (50, 50): n = 200, expected ref (40, 60), eval (40, 60).
    // chi2 = 100/40 + 100/60 + 100/40 + 100/60 = 5 + 10/3 = 8.3333; V = sqrt(8.3333 / 200).
    ChiSquared c = ChiSquared.homogeneity(new long[] {30, 70}, new long[] {50, 50});
    assertThat(c.statistic()).isCloseTo(25.0 / 3, within(1e-12));
    assertThat(c.degreesOfFreedom()).isEqualTo(1);
    assertThat(c.cramersV()).isCloseTo(Math.sqrt(25.0 / 3 / 200), within(1e-12));
    // P(chi2_1 >= 8.3333) = erfc(sqrt(8.3333 / 2)) = 0.0038924.
    assertThat(c.pValue()).isCloseTo(0.0038924171227786, within(1e-12));
  }

  @Test
  @SuppressWarnings("unchecked")
  void matchesScipyOnTheReferenceCategories() {
    Map<String, Object> e = Reference.methodsObject("chi2");
    long[] ref =
        ((List<Number>) e.get("ref_counts")).stream().mapToLong(Number::longValue).toArray();
    long[] eval =
        ((List<Number>) e.get("eval_counts")).stream().mapToLong(Number::longValue).toArray();
    ChiSquared c = ChiSquared.homogeneity(ref, eval);
    assertThat(c.statistic()).isCloseTo(((Number) e.get("statistic")).doubleValue(), within(1e-10));
    assertThat(c.degreesOfFreedom()).isEqualTo(((Number) e.get("dof")).intValue());
    double p = ((Number) e.get("p_value")).doubleValue();
    assertThat(c.pValue()).isCloseTo(p, within(1e-9 * p));
    assertThat(c.cramersV()).isCloseTo(((Number) e.get("cramers_v")).doubleValue(), within(1e-12));
  }

  @Test
  void oneCategoryHasNoTest() {
    // A single category (or categories seen on neither side only): no degrees of freedom.
    ChiSquared c = ChiSquared.homogeneity(new long[] {10, 0}, new long[] {4, 0});
    assertThat(c.statistic()).isZero();
    assertThat(c.degreesOfFreedom()).isZero();
    assertThat(c.pValue()).isEqualTo(1.0);
    assertThat(c.cramersV()).isNull();
  }

  @Test
  void categoriesOnOneSideOnly() {
    // ref (10, 0), eval (0, 10): chi2 = n = 20 (perfect association), V = 1.
    ChiSquared c = ChiSquared.homogeneity(new long[] {10, 0}, new long[] {0, 10});
    assertThat(c.statistic()).isCloseTo(20, within(1e-12));
    assertThat(c.cramersV()).isCloseTo(1.0, within(1e-15));
  }
}
