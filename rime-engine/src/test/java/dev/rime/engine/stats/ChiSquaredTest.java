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

  @Test
  void independenceOfATwoByThreeTableByHand() {
    // [[10, 20, 30], [20, 10, 10]], given by its cells: n = 100, rows (60, 40), columns (30, 30,
    // 40). sum n_ij^2 / (a_i b_j) = 100/1800 + 400/1800 + 900/2400 + 400/1200 + 100/1200 +
    // 100/1600 = 1.131944; chi2 = 100 (1.131944 - 1) = 13.1944; dof (2 - 1)(3 - 1) = 2, so p =
    // exp(-chi2 / 2) = 0.0013642; V = sqrt(13.1944 / (100 (2 - 1))) = 0.36324 (scipy 1.14.1's
    // chi2_contingency(correction=False) and association(method="cramer") agree).
    ChiSquared c =
        ChiSquared.independence(
            new int[] {0, 0, 0, 1, 1, 1},
            new int[] {0, 1, 2, 0, 1, 2},
            new long[] {10, 20, 30, 20, 10, 10});
    assertThat(c.statistic()).isCloseTo(13.194444444444445, within(1e-12));
    assertThat(c.degreesOfFreedom()).isEqualTo(2);
    assertThat(c.pValue()).isCloseTo(0.001364152090848616, within(1e-15));
    assertThat(c.cramersV()).isCloseTo(0.36324157862838946, within(1e-14));
  }

  @Test
  void independenceNeedsTwoCodesOnEachSide() {
    // Empty cells are left out; one row code only: no test.
    ChiSquared c = ChiSquared.independence(new int[] {0, 0}, new int[] {0, 3}, new long[] {5, 7});
    assertThat(c.cramersV()).isNull();
    assertThat(c.pValue()).isEqualTo(1.0);
  }
}
