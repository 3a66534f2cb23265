// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgesTest {

  @Test
  void levelsAreKOverN() {
    assertThat(Edges.levels(4)).containsExactly(0.25, 0.5, 0.75);
    assertThat(Edges.levels(1)).isEmpty();
  }

  @Test
  void dedupeKeepsSortedDistinctFiniteEdges() {
    assertThat(Edges.dedupe(Arrays.asList(1.0, 1.0, 2.0, Double.NaN, 2.0, 3.0)))
        .containsExactly(1.0, 2.0, 3.0);
  }

  @Test
  void linearQuantileOfFourValues() {
    // Sorted 10, 20, 30, 40 (n = 4): q = 0.5 -> virtual index 1.5 -> 20 + 10 * 0.5 = 25;
    // q = 0.25 -> 0.75 -> 10 + 10 * 0.75 = 17.5.
    long[][] pos = Edges.positions(List.of(0.25, 0.5), 4);
    assertThat(pos[0]).containsExactly(0, 1);
    assertThat(pos[1]).containsExactly(1, 2);
    assertThat(Edges.lerp(10, 20, 0.25, 4)).isEqualTo(17.5);
    assertThat(Edges.lerp(20, 30, 0.5, 4)).isEqualTo(25.0);
  }

  @Test
  void cumulativeCountsBecomeBinCounts() {
    // Edges e1 < e2, cumulative #(v <= e1) = 2, #(v <= e2) = 5, total 6 -> bins 2, 3, 1.
    assertThat(Edges.binCounts(new long[] {2, 5}, 6)).containsExactly(2, 3, 1);
  }
}
