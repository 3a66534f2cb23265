// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.engine.data.Db;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferenceQuantilesTest {

  private Db db;

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /**
   * numpy's {@code quantile(values[isfinite], k/n)} (method 'linear') with repeats removed,
   * computed here from a Java sort: virtual index {@code (N − 1) q}, and {@code b − (b − a)(1 − γ)}
   * when {@code γ >= 0.5}, as numpy's {@code _lerp}.
   */
  private static List<Double> numpyEdges(double[] values, int n) {
    double[] x = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    List<Double> out = new ArrayList<>();
    if (x.length == 0) {
      return out;
    }
    for (int k = 1; k < n; k++) {
      double v = (x.length - 1) * ((double) k / n);
      int lo = (int) Math.floor(v);
      int hi = Math.min(lo + 1, x.length - 1);
      double g = v - lo;
      double d = x[hi] - x[lo];
      double q = g >= 0.5 ? x[hi] - d * (1 - g) : x[lo] + d * g;
      if (out.isEmpty() || q > out.get(out.size() - 1)) {
        out.add(q);
      }
    }
    return out;
  }

  /** A table {@code t} with columns a, b, c of {@code rows} rows from {@code values}. */
  private double[][] table(int rows, long seed) {
    Random r = new Random(seed);
    double[][] cols = new double[3][rows];
    StringBuilder sql = new StringBuilder("CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES ");
    for (int i = 0; i < rows; i++) {
      // a: continuous; b: few repeated values; c: with NaN, infinities and nulls (NaN stands for
      // null in the Java copy; neither is finite).
      cols[0][i] = Math.round(r.nextGaussian() * 1e6) / 1e3;
      cols[1][i] = r.nextInt(5) * 0.5;
      int kind = r.nextInt(10);
      cols[2][i] =
          kind == 0
              ? Double.NaN
              : kind == 1 ? Double.POSITIVE_INFINITY : kind == 2 ? Double.NEGATIVE_INFINITY : i;
      String c =
          kind == 0
              ? (i % 2 == 0 ? "NULL" : "'nan'::DOUBLE")
              : kind == 1 ? "'inf'::DOUBLE" : kind == 2 ? "'-inf'::DOUBLE" : i + "::DOUBLE";
      sql.append(i == 0 ? "" : ", ")
          .append("(")
          .append(cols[0][i])
          .append("::DOUBLE, ")
          .append(cols[1][i])
          .append("::DOUBLE, ")
          .append(c)
          .append(")");
    }
    db.execute(sql.append(") v(a, b, c)").toString());
    return cols;
  }

  @Test
  void edgesAreNumpysLinearQuantilesOfTheFiniteValuesForEverySizeAndLevel() {
    for (int rows : new int[] {1, 2, 3, 7, 10, 99, 100, 101, 1013}) {
      double[][] cols = table(rows, rows);
      ReferenceQuantiles q = new ReferenceQuantiles(db, "t", List.of("a", "b", "c"));
      for (int n : new int[] {100, 10, 2, 7, 1000}) {
        for (int c = 0; c < 3; c++) {
          String expr = "abc".substring(c, c + 1);
          assertThat(q.edges(expr, n))
              .as("%s, %d rows, %d bins", expr, rows, n)
              .isEqualTo(numpyEdges(cols[c], n));
        }
      }
    }
  }

  @Test
  void decilesReuseThePercentilesOrderStatisticsAndEqualThoseComputedAlone() {
    double[][] cols = table(997, 1);
    ReferenceQuantiles shared = new ReferenceQuantiles(db, "t", List.of("a", "b"));
    shared.edges("a", 100);
    shared.edges("b", 100);
    List<Double> deciles = shared.edges("b", 10); // from the order statistics fetched for k/100
    assertThat(deciles).isEqualTo(new ReferenceQuantiles(db, "t", List.of()).edges("b", 10));
    assertThat(deciles).isEqualTo(numpyEdges(cols[1], 10));
    // An expression outside the batch (e.g. the prediction) is fetched on its own.
    assertThat(shared.edges("a + 1", 10))
        .isEqualTo(numpyEdges(Arrays.stream(cols[0]).map(v -> v + 1).toArray(), 10));
  }

  @Test
  void anExpressionWithoutFiniteValuesHasNoEdges() {
    db.execute("CREATE TABLE e AS SELECT NULL::DOUBLE AS x, 'nan'::DOUBLE AS y FROM range(5)");
    ReferenceQuantiles q = new ReferenceQuantiles(db, "e", List.of("x", "y"));
    assertThat(q.edges("x", 10)).isEmpty();
    assertThat(q.edges("y", 100)).isEmpty();
  }
}
