// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.TestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pearson correlations of every pair of numeric features (and of each with the label), on both
 * datasets, computed once per run in SQL: one scan per dataset (per 400 pairs) with DuckDB's {@code
 * corr} and {@code regr_count} aggregates, which use the rows where both values are present. A
 * value counts as present when it is finite: null, NaN (read as null) and ±infinity are left out,
 * as pandas' {@code DataFrame.corr()} leaves out missing values pairwise.
 *
 * <p>A correlation is undefined (null) with fewer than 2 such rows or when either column is
 * constant on them.
 */
public final class PearsonMatrix {

  /** Pairs per query: two aggregates each keeps a query's width in the hundreds. */
  static final int PAIRS_PER_QUERY = 400;

  /** The correlation of one pair on one dataset. */
  public record Value(Double r, long rows) {}

  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();
  private final long[][] present;
  private final boolean[][] constant;
  private final Value[][][] values;

  private PearsonMatrix(
      List<String> names, long[][] present, boolean[][] constant, Value[][][] values) {
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    this.present = present;
    this.constant = constant;
    this.values = values;
  }

  /**
   * The matrix of this run's numeric features (in both datasets, used by the model, whatever a test
   * excludes) and the label, computed on first use and shared by the tests.
   */
  public static PearsonMatrix of(TestContext ctx) {
    return ctx.shared(PearsonMatrix.class.getName(), () -> compute(ctx));
  }

  private static PearsonMatrix compute(TestContext ctx) {
    List<String> names = new ArrayList<>();
    List<String> exprs = new ArrayList<>();
    for (Column c : ctx.columns()) {
      if (c.isFeature() && c.inBoth() && c.inModel() && c.isNumeric()) {
        names.add(c.name());
        exprs.add(c.numExpr());
      }
    }
    if (ctx.hasLabels()) {
      names.add(ctx.labelColumn().name());
      exprs.add(ctx.labelExpr());
    }
    int k = names.size();
    long[][] present = new long[2][k];
    boolean[][] constant = new boolean[2][k];
    Value[][][] values = new Value[2][k][k];
    for (int side = 0; side < 2; side++) {
      measure(ctx.db(), ctx.table(side == 1), exprs, present[side], constant[side], values[side]);
    }
    return new PearsonMatrix(names, present, constant, values);
  }

  private static void measure(
      Db db,
      String table,
      List<String> exprs,
      long[] present,
      boolean[] constant,
      Value[][] values) {
    int k = exprs.size();
    if (k == 0) {
      return;
    }
    StringBuilder from = new StringBuilder("(SELECT ");
    for (int i = 0; i < k; i++) {
      String x = "x" + i;
      from.append(i == 0 ? "" : ", ")
          .append("(CASE WHEN isfinite(")
          .append(exprs.get(i))
          .append(") THEN ")
          .append(exprs.get(i))
          .append(" END)")
          .append(" AS ")
          .append(x);
    }
    from.append(" FROM ").append(table).append(")");
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        pairs.add(new int[] {i, j});
      }
    }
    // Counts of present values and whether they are all equal first, then the pairs, at most
    // PAIRS_PER_QUERY per query.
    StringBuilder counts = new StringBuilder("SELECT ");
    for (int i = 0; i < k; i++) {
      String x = "x" + i;
      counts.append(i == 0 ? "" : ", ").append("count(" + x + "), min(" + x + ") = max(" + x + ")");
    }
    db.queryOne(
        counts + " FROM " + from,
        rs -> {
          for (int i = 0; i < k; i++) {
            present[i] = rs.getLong(2 * i + 1);
            constant[i] = present[i] == 0 || rs.getBoolean(2 * i + 2);
          }
          return null;
        });
    for (int start = 0; start < pairs.size(); start += PAIRS_PER_QUERY) {
      List<int[]> chunk = pairs.subList(start, Math.min(pairs.size(), start + PAIRS_PER_QUERY));
      StringBuilder sql = new StringBuilder("SELECT ");
      for (int p = 0; p < chunk.size(); p++) {
        int[] ij = chunk.get(p);
        String args = "x" + ij[0] + ", x" + ij[1];
        sql.append(p == 0 ? "" : ", ")
            .append("corr(")
            .append(args)
            .append("), regr_count(")
            .append(args)
            .append(")");
      }
      db.queryOne(
          sql + " FROM " + from,
          rs -> {
            for (int p = 0; p < chunk.size(); p++) {
              Double r = Db.getDouble(rs, 2 * p + 1);
              long n = rs.getLong(2 * p + 2);
              Value v = new Value(r == null || !Double.isFinite(r) ? null : clamp(r), n);
              int[] ij = chunk.get(p);
              values[ij[0]][ij[1]] = v;
              values[ij[1]][ij[0]] = v;
            }
            return null;
          });
    }
  }

  private static double clamp(double r) {
    return Math.max(-1, Math.min(1, r));
  }

  /** The correlation of two distinct columns of the matrix on one dataset. */
  public Value value(boolean evaluation, String a, String b) {
    Value v = values[evaluation ? 1 : 0][indexOf(a)][indexOf(b)];
    if (v == null) {
      throw new IllegalArgumentException("no correlation of a column with itself: " + a);
    }
    return v;
  }

  /** Rows where the column has a finite value, on one dataset. */
  public long present(boolean evaluation, String column) {
    return present[evaluation ? 1 : 0][indexOf(column)];
  }

  /** Whether the column has no two different finite values on one dataset (or none at all). */
  public boolean constant(boolean evaluation, String column) {
    return constant[evaluation ? 1 : 0][indexOf(column)];
  }

  /** The columns of the matrix, numeric features in file order, then the label. */
  public List<String> names() {
    return names;
  }

  private int indexOf(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("not a numeric column of the run: " + name);
    }
    return i;
  }
}
