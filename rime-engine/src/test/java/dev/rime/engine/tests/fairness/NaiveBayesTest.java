// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.engine.data.Db;
import dev.rime.engine.stats.Contingency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NaiveBayesTest {

  @Test
  void predictsByHand() {
    // Classes 0 and 1 (4 rows each), class 2 never seen. Feature codes: class 0 has 3 x code 0,
    // 1 x code 1; class 1 has 4 x code 1. Log likelihoods (alpha 1, 2 codes): class 0 ln(4/6),
    // ln(2/6); class 1 ln(1/6), ln(5/6); equal priors. Code 0 -> class 0, code 1 -> class 1.
    Contingency t = Contingency.of(new long[][] {{3, 1}, {0, 4}, {0, 0}});
    NaiveBayes nb = NaiveBayes.fit(List.of(t));
    assertThat(nb.classes()).isEqualTo(3);
    assertThat(nb.seen()).containsExactly(0, 1);
    assertThat(nb.predict(new int[] {0})).isZero();
    assertThat(nb.predict(new int[] {1})).isEqualTo(1);
    // A tie (both features as uninformative as each other) goes to the first class.
    Contingency flat = Contingency.of(new long[][] {{2, 2}, {2, 2}});
    assertThat(NaiveBayes.fit(List.of(flat)).predict(new int[] {1})).isZero();
  }

  @Test
  void sqlScoresEveryRowAsJavaDoes() {
    Random r = new Random(11);
    int k = 4;
    int[] codes = {3, 7, 2};
    List<Contingency> tables = new ArrayList<>();
    for (int c : codes) {
      long[][] counts = new long[k][c];
      for (int i = 0; i < k - 1; i++) { // the last class is never seen
        for (int j = 0; j < c; j++) {
          counts[i][j] = r.nextInt(20);
        }
      }
      tables.add(Contingency.of(counts));
    }
    NaiveBayes nb = NaiveBayes.fit(tables);
    try (Db db = Db.open()) {
      db.execute("CREATE TABLE codes (t UTINYINT, a UTINYINT, b UTINYINT, c UTINYINT)");
      Map<List<Integer>, Long> expected = new HashMap<>();
      StringBuilder values = new StringBuilder();
      for (int row = 0; row < 500; row++) {
        int t = r.nextInt(k);
        int[] x = {r.nextInt(codes[0]), r.nextInt(codes[1]), r.nextInt(codes[2])};
        values.append(row == 0 ? "" : ", ").append("(").append(t);
        for (int v : x) {
          values.append(", ").append(v);
        }
        values.append(")");
        expected.merge(List.of(t, nb.predict(x)), 1L, Long::sum);
      }
      db.execute("INSERT INTO codes VALUES " + values);
      Map<List<Integer>, Long> actual = new HashMap<>();
      db.query(
          nb.confusionSql("codes", "t", List.of("a", "b", "c")),
          rs -> actual.put(List.of(rs.getInt(1), nb.classOfPosition(rs.getInt(2))), rs.getLong(3)));
      assertThat(actual).isEqualTo(expected);
    }
  }
}
