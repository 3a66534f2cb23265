// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.engine.data.Db;
import dev.rime.engine.stats.Edges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Row counts per bin (or category) of one table, with the count and sum of predictions in each bin
 * (for the drift impact), computed in one SQL scan.
 *
 * @param labels bin labels, e.g. {@code (-inf, 1.5]} or a category
 * @param counts rows per bin
 * @param predCounts rows with a prediction per bin
 * @param predSums sum of predictions per bin
 */
record Histogram(List<String> labels, long[] counts, long[] predCounts, double[] predSums) {

  /** The counts of one category of one table. */
  record Category(long count, long predCount, double predSum) {}

  /** The label of the missing-value category. */
  static final String NULL_CATEGORY = "\u0000null";

  /** Total rows counted. */
  long total() {
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    return t;
  }

  /**
   * Numeric bins {@code (-inf, e1], (e1, e2], …, (eK, inf)} of {@code x} over {@code table}; when
   * {@code withNulls}, a last bin {@code null} for missing values.
   *
   * @param pred SQL of the prediction, or null
   */
  static Histogram numeric(
      Db db, String table, String x, List<Double> edges, String pred, boolean withNulls) {
    String p = pred == null ? "NULL::DOUBLE" : pred;
    int k = edges.size();
    String sql =
        "SELECT "
            + Edges.binSql("x", edges)
            + " AS b, count(*), count(p), sum(p) FROM (SELECT "
            + x
            + " AS x, "
            + p
            + " AS p FROM "
            + table
            + ") GROUP BY b";
    long[] counts = new long[k + 2];
    long[] predCounts = new long[k + 2];
    double[] predSums = new double[k + 2];
    for (Object[] row :
        db.query(
            sql,
            rs -> new Object[] {rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4)})) {
      int b = (Integer) row[0];
      int i = b < 0 ? k + 1 : b;
      counts[i] = (Long) row[1];
      predCounts[i] = (Long) row[2];
      predSums[i] = (Double) row[3];
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i <= k; i++) {
      String lo = i == 0 ? "-inf" : Double.toString(edges.get(i - 1));
      String hi = i == k ? "inf)" : edges.get(i) + "]";
      labels.add("(" + lo + ", " + hi);
    }
    int n = withNulls ? k + 2 : k + 1;
    if (withNulls) {
      labels.add("null");
    }
    return new Histogram(
        labels, Arrays.copyOf(counts, n), Arrays.copyOf(predCounts, n), Arrays.copyOf(predSums, n));
  }

  /**
   * Category counts of {@code category} (SQL that is null exactly for a missing value, see {@link
   * dev.rime.engine.data.Column#catExpr()}) over {@code table}; missing values dropped or (when
   * {@code withNulls}) counted as the category {@link #NULL_CATEGORY}.
   *
   * @param pred SQL of the prediction, or null
   */
  static Map<String, Category> categories(
      Db db, String table, String category, String pred, boolean withNulls) {
    String p = pred == null ? "NULL::DOUBLE" : pred;
    String sql =
        "SELECT c, count(*), count(p), sum(p) FROM (SELECT "
            + category
            + " AS c, "
            + p
            + " AS p FROM "
            + table
            + ")"
            + (withNulls ? "" : " WHERE c IS NOT NULL")
            + " GROUP BY c";
    Map<String, Category> out = new TreeMap<>();
    for (Object[] row :
        db.query(
            sql,
            rs ->
                new Object[] {
                  rs.getString(1), rs.getLong(2), rs.getLong(3), Db.getDouble(rs, 4)
                })) {
      String key = row[0] == null ? NULL_CATEGORY : (String) row[0];
      double sum = row[3] == null ? 0 : (Double) row[3];
      out.put(key, new Category((Long) row[1], (Long) row[2], sum));
    }
    return out;
  }

  /** Aligns two category maps into histograms over the union of categories, sorted. */
  static Histogram[] align(Map<String, Category> ref, Map<String, Category> eval) {
    TreeSet<String> union = new TreeSet<>(ref.keySet());
    union.addAll(eval.keySet());
    List<String> labels = new ArrayList<>();
    for (String k : union) {
      labels.add(k.equals(NULL_CATEGORY) ? "null" : k);
    }
    return new Histogram[] {of(labels, union, ref), of(labels, union, eval)};
  }

  private static Histogram of(List<String> labels, TreeSet<String> union, Map<String, Category> m) {
    int n = union.size();
    long[] counts = new long[n];
    long[] predCounts = new long[n];
    double[] predSums = new double[n];
    int i = 0;
    for (String k : union) {
      Category v = m.get(k);
      if (v != null) {
        counts[i] = v.count();
        predCounts[i] = v.predCount();
        predSums[i] = v.predSum();
      }
      i++;
    }
    return new Histogram(labels, counts, predCounts, predSums);
  }
}
