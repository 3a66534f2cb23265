// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.engine.data.Db;
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
  void binSqlCountsTheEdgesBelowEachValue() {
    // Edges 1, 2, 3 (bins (-inf, 1], (1, 2], (2, 3], (3, inf)): numpy searchsorted(side='left').
    // 0.5 -> 0; 1 -> 0 (an edge belongs to the bin it closes); 1.5 -> 1; 2 -> 1; 3 -> 2;
    // 3.5 -> 3; -inf -> 0; inf -> 3; null -> -1.
    String values =
        "(VALUES (0, 0.5), (1, 1.0), (2, 1.5), (3, 2.0), (4, 3.0), (5, 3.5),"
            + " (6, '-Infinity'::DOUBLE), (7, 'Infinity'::DOUBLE), (8, NULL::DOUBLE)) t(i, x)";
    try (Db db = Db.open()) {
      for (List<Double> edges : List.of(List.of(1.0, 2.0, 3.0))) {
        List<Integer> bins =
            db.query(
                "SELECT " + Edges.binSql("x", edges) + " FROM " + values + " ORDER BY i",
                rs -> rs.getInt(1));
        assertThat(bins).containsExactly(0, 0, 1, 1, 2, 3, 0, 3, -1);
      }
      // No edges: one bin, 0, for every non-null value.
      assertThat(
              db.query(
                  "SELECT " + Edges.binSql("x", List.of()) + " FROM " + values + " ORDER BY i",
                  rs -> rs.getInt(1)))
          .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, -1);
    }
  }

  @Test
  void binSqlMatchesALinearScanForEveryEdgeCount() {
    // The binary search must agree with "first edge >= x" for 1..9 edges, at and between edges.
    try (Db db = Db.open()) {
      for (int k = 1; k <= 9; k++) {
        List<Double> edges = new java.util.ArrayList<>();
        for (int i = 1; i <= k; i++) {
          edges.add((double) i);
        }
        for (int t = 0; t <= 2 * k + 2; t++) {
          double x = t / 2.0;
          int expected = 0;
          while (expected < k && edges.get(expected) < x) {
            expected++;
          }
          int got =
              db.queryOne(
                  "SELECT " + Edges.binSql("x", edges) + " FROM (SELECT " + x + "::DOUBLE AS x)",
                  rs -> rs.getInt(1));
          assertThat(got).as("x = %s, %d edges", x, k).isEqualTo(expected);
        }
      }
    }
  }
}
