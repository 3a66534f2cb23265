// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.Sql;
import dev.rime.engine.stats.Edges;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The protected features a Bias and Fairness test looks at, and the groups of each (ADR 0010):
 *
 * <ul>
 *   <li>the features are {@code data_info.protected_features} in the order given, less the test's
 *       excluded columns; with none the test SKIPs, saying so;
 *   <li>a categorical, boolean or text-like feature's groups are its values, numbers compared by
 *       value ({@link Column#catExpr()});
 *   <li>a numeric feature's groups are the bins between its reference quantiles at {@code k /
 *       num_subsets} ({@code subset_profiling_config.num_subsets}, de-duplicated, bins {@code
 *       (-inf, e1], …, (eK, inf)}), as the subset performance tests split it;
 *   <li>missing values (null, NaN) are a group of their own, named {@code null}.
 * </ul>
 *
 * @param column the protected feature
 * @param keyExpr SQL of a row's group over either table, a VARCHAR, null for a missing value
 * @param bins the bin names of a numeric feature in order, or null for a categorical one
 */
record ProtectedGroups(Column column, String keyExpr, List<String> bins) {

  /** The name of the group of missing values. */
  static final String NULL_GROUP = "null";

  /** The protected features of the run a test looks at, in the order given. */
  static List<Column> features(TestContext ctx, TestParams params) {
    List<String> names = ctx.config().dataInfo().protectedFeatures();
    if (names.isEmpty()) {
      throw new SkipTest("no protected features: data_info.protected_features is not set");
    }
    List<Column> out = new ArrayList<>();
    for (String name : names) {
      if (params.excludeColumns().contains(name)) {
        continue;
      }
      ctx.columns().stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(out::add);
    }
    if (out.isEmpty()) {
      throw new SkipTest("every protected feature is excluded: " + String.join(", ", names));
    }
    return out;
  }

  /**
   * The groups of a protected feature.
   *
   * @throws SkipTest when it is the label or prediction column or is missing from a dataset
   */
  static ProtectedGroups of(TestContext ctx, Column c) {
    if (!c.isFeature()) {
      throw new SkipTest(
          "'" + c.name() + "' is the " + c.type().wireName() + " column, not a feature");
    }
    if (!c.inBoth()) {
      throw new SkipTest(
          "'"
              + c.name()
              + "' is not a column of the "
              + (c.refType() == null ? "reference" : "evaluation")
              + " data");
    }
    if (!c.isNumeric()) {
      return new ProtectedGroups(c, c.catExpr(), null);
    }
    List<Double> edges = ctx.quantileEdges(c.numExpr(), ctx.config().numSubsets());
    List<String> bins = new ArrayList<>();
    StringBuilder names = new StringBuilder("[");
    for (int i = 0; i <= edges.size(); i++) {
      String lo = i == 0 ? "-inf" : num(edges.get(i - 1));
      String hi = i == edges.size() ? "inf)" : num(edges.get(i)) + "]";
      bins.add("(" + lo + ", " + hi);
      names.append(i == 0 ? "" : ", ").append(Sql.str(bins.get(i)));
    }
    names.append("]::VARCHAR[]");
    // The bin is the number of edges below the value (Edges.binSql, -1 for a missing value).
    String x = c.numExpr();
    String key =
        "(CASE WHEN "
            + x
            + " IS NULL THEN NULL ELSE list_extract("
            + names
            + ", "
            + Edges.binSql(x, edges)
            + " + 1) END)";
    return new ProtectedGroups(c, key, List.copyOf(bins));
  }

  /**
   * Evaluation rows per group and label class ({@link Column#catExpr()} of the label; null for rows
   * without a label, and for every row when the run has no labels), groups in {@link #order()}: one
   * {@code GROUP BY}, kept for the run (Class Imbalance and Feature Independence read it).
   */
  Map<String, Map<String, Long>> labelCounts(TestContext ctx) {
    return ctx.shared(
        ProtectedGroups.class.getName() + "/" + keyExpr,
        () -> {
          Map<String, Map<String, Long>> out = new TreeMap<>(order());
          String y = ctx.hasLabels() ? ctx.labelColumn().catExpr() : "NULL::VARCHAR";
          ctx.db()
              .query(
                  "SELECT g, y, count(*) FROM (SELECT "
                      + keyExpr
                      + " AS g, "
                      + y
                      + " AS y FROM "
                      + ctx.evalTable()
                      + ") GROUP BY ALL",
                  rs ->
                      out.computeIfAbsent(
                              rs.getString(1),
                              k -> new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder())))
                          .put(rs.getString(2), rs.getLong(3)));
          return out;
        });
  }

  /** The name of a group key: the key, or {@code null} for missing values. */
  static String name(String key) {
    return key == null ? NULL_GROUP : key;
  }

  /** How the groups were formed, for test case details. */
  String description() {
    return bins == null
        ? "one group per value (numbers by value), missing values a group of their own"
        : bins.size()
            + " bins between reference quantiles at k/num_subsets, missing values a group of"
            + " their own";
  }

  /**
   * Orders group keys for tables: numeric bins in order, categories by name; the missing-value
   * group last.
   */
  Comparator<String> order() {
    Comparator<String> byKey =
        bins == null
            ? Comparator.<String>naturalOrder()
            : Comparator.comparingInt((String k) -> bins.indexOf(k));
    return Comparator.nullsLast(byKey);
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}
