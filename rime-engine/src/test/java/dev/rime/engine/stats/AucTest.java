// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.Reference;
import org.junit.jupiter.api.Test;

class AucTest {

  @Test
  void perfectAndReversedRanking() {
    assertThat(Auc.of(new double[] {0, 0, 1, 1}, new double[] {0.1, 0.2, 0.8, 0.9})).isEqualTo(1.0);
    assertThat(Auc.of(new double[] {1, 1, 0, 0}, new double[] {0.1, 0.2, 0.8, 0.9})).isEqualTo(0.0);
  }

  @Test
  void tiesCountOneHalf() {
    // Pairs (pos, neg): (0.5 vs 0.5) tie = 1/2, (0.5 vs 0.2) win = 1, (0.9 vs 0.5) win, (0.9 vs
    // 0.2)
    // win: (0.5 + 1 + 1 + 1) / 4 = 0.875.
    assertThat(Auc.of(new double[] {1, 0, 1, 0}, new double[] {0.5, 0.5, 0.9, 0.2}))
        .isEqualTo(0.875);
  }

  @Test
  void undefinedWithOneClass() {
    assertThat(Auc.of(new double[] {1, 1}, new double[] {0.3, 0.4})).isNull();
    assertThat(Auc.fromRankSum(3, 0, 2)).isNull();
  }

  @Test
  void hanleyMcNeilMatchesReference() {
    assertThat(Auc.hanleyMcNeilSe(0.8, 30, 50))
        .isCloseTo(Reference.number("hanley_mcneil_se_0.8_30_50"), within(1e-15));
  }
}
