// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        "SELECT CASE WHEN x IS NULL THEN -1 ELSE "
            + binOf("x", edges, 0, k)
            + " END AS b, count(*), count(p), sum(p) FROM (SELECT "
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
        labels,
        java.util.Arrays.copyOf(counts, n),
        java.util.Arrays.copyOf(predCounts, n),
        java.util.Arrays.copyOf(predSums, n));
  }

  /**
   * SQL for the bin of {@code x} among bins {@code lo … hi} (bin b = number of edges below x): a
   * binary search as nested CASE, about log2(K) comparisons per row.
   */
  static String binOf(String x, List<Double> edges, int lo, int hi) {
    if (lo == hi) {
      return Integer.toString(lo);
    }
    int mid = (lo + hi) / 2;
    return "(CASE WHEN "
        + x
        + " <= "
        + Sql.dbl(edges.get(mid))
        + " THEN "
        + binOf(x, edges, lo, mid)
        + " ELSE "
        + binOf(x, edges, mid + 1, hi)
        + " END)";
  }

  /**
   * Category counts of {@code category} over {@code table}, rows where {@code missing} is true
   * dropped or (when {@code withNulls}) counted as the category {@code null}.
   */
  static Map<String, long[]> categories(
      Db db, String table, String category, String missing, String pred, boolean withNulls) {
    String p = pred == null ? "NULL::DOUBLE" : pred;
    String sql =
        "SELECT CASE WHEN m THEN NULL ELSE v END AS c, count(*), count(p), sum(p) FROM (SELECT "
            + category
            + " AS v, "
            + missing
            + " AS m, "
            + p
            + " AS p FROM "
            + table
            + ")"
            + (withNulls ? "" : " WHERE NOT m")
            + " GROUP BY c";
    Map<String, long[]> out = new TreeMap<>();
    for (Object[] row :
        db.query(
            sql,
            rs ->
                new Object[] {
                  rs.getString(1), rs.getLong(2), rs.getLong(3), Db.getDouble(rs, 4)
                })) {
      String key = row[0] == null ? NULL_CATEGORY : (String) row[0];
      double sum = row[3] == null ? 0 : (Double) row[3];
      out.put(key, new long[] {(Long) row[1], (Long) row[2], Double.doubleToRawLongBits(sum)});
    }
    return out;
  }

  /** The label of the missing-value category. */
  static final String NULL_CATEGORY = "\u0000null";

  /** Aligns two category maps into histograms over the union of categories, sorted. */
  static Histogram[] align(Map<String, long[]> ref, Map<String, long[]> eval) {
    TreeMap<String, Boolean> union = new TreeMap<>();
    ref.keySet().forEach(k -> union.put(k, true));
    eval.keySet().forEach(k -> union.put(k, true));
    List<String> labels = new ArrayList<>();
    for (String k : union.keySet()) {
      labels.add(k.equals(NULL_CATEGORY) ? "null" : k);
    }
    return new Histogram[] {of(labels, union, ref), of(labels, union, eval)};
  }

  private static Histogram of(
      List<String> labels, TreeMap<String, Boolean> union, Map<String, long[]> m) {
    int n = union.size();
    long[] counts = new long[n];
    long[] predCounts = new long[n];
    double[] predSums = new double[n];
    int i = 0;
    for (String k : union.keySet()) {
      long[] v = m.get(k);
      if (v != null) {
        counts[i] = v[0];
        predCounts[i] = v[1];
        predSums[i] = Double.longBitsToDouble(v[2]);
      }
      i++;
    }
    return new Histogram(labels, counts, predCounts, predSums);
  }

  private static long[] append(long[] a, long v) {
    long[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }

  private static double[] append(double[] a, double v) {
    double[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }
}
