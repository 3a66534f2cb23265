// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import dev.rime.engine.data.Db;
import dev.rime.engine.stats.Edges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reference quantile edges of numeric expressions, as numpy's default {@code quantile} computes
 * them: linear interpolation ({@link Edges#lerp}) between order statistics of the finite values,
 * the order statistics exact and from SQL.
 *
 * <p>Order statistics are fetched in batches and kept for the run: the first request for one of the
 * {@code batched} expressions (the numeric features) fetches what its levels need for all of them,
 * with one query per about {@link #VALUES_PER_QUERY} values ({@code quantile_disc}, a selection per
 * column instead of a sort), after one query counting the finite values of all. Levels {@code k/10}
 * are levels {@code 10k/100} (the same doubles), so the deciles of mutual information and subsets
 * reuse the order statistics of the drift tests' percentiles.
 */
final class ReferenceQuantiles {

  /**
   * Values one query selects from at most: DuckDB keeps them in memory (8 bytes each) while it
   * selects, outside its memory limit.
   */
  static final long VALUES_PER_QUERY = 8_000_000;

  private final Db db;
  private final String table;
  private final Set<String> batched;
  private final Map<String, Long> counts = new HashMap<>();
  private final Map<String, Map<Long, Double>> order = new HashMap<>();
  private final Map<String, List<Double>> edges = new HashMap<>();

  /**
   * @param table the quoted reference table
   * @param batched the expressions whose order statistics are fetched together
   */
  ReferenceQuantiles(Db db, String table, List<String> batched) {
    this.db = db;
    this.table = table;
    this.batched = new LinkedHashSet<>(batched);
  }

  /**
   * The edges of {@code expr} at levels {@code k / n}, {@code k = 1 … n − 1}, over its finite
   * reference values, de-duplicated (none when it has no finite value).
   */
  List<Double> edges(String expr, int n) {
    String key = expr + "#" + n;
    List<Double> cached = edges.get(key);
    if (cached != null) {
      return cached;
    }
    List<Double> levels = Edges.levels(n);
    List<String> group = batched.contains(expr) ? List.copyOf(batched) : List.of(expr);
    count(group);
    fetch(group, levels);
    long count = counts.get(expr);
    List<Double> raw = new ArrayList<>();
    if (!levels.isEmpty() && count > 0) {
      long[][] positions = Edges.positions(levels, count);
      Map<Long, Double> values = order.get(expr);
      for (int i = 0; i < levels.size(); i++) {
        raw.add(
            Edges.lerp(
                values.get(positions[i][0]), values.get(positions[i][1]), levels.get(i), count));
      }
    }
    List<Double> out = Edges.dedupe(raw);
    edges.put(key, out);
    return out;
  }

  /** Counts the finite values of the expressions not counted yet, in one scan. */
  private void count(List<String> exprs) {
    List<String> todo = exprs.stream().filter(e -> !counts.containsKey(e)).toList();
    if (todo.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < todo.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("count(CASE WHEN isfinite(x" + i + ") THEN 1 END)");
    }
    sql.append(" FROM ").append(project(todo));
    db.queryOne(
        sql.toString(),
        rs -> {
          for (int i = 0; i < todo.size(); i++) {
            counts.put(todo.get(i), rs.getLong(i + 1));
          }
          return null;
        });
  }

  /**
   * Fetches the order statistics that {@code levels} need of each expression and are not known yet,
   * in batches of at most {@link #VALUES_PER_QUERY} values (an expression with more gets a query of
   * its own).
   */
  private void fetch(List<String> exprs, List<Double> levels) {
    Map<String, List<Long>> missing = new HashMap<>();
    List<String> todo = new ArrayList<>();
    for (String e : exprs) {
      long n = counts.get(e);
      if (n == 0 || levels.isEmpty()) {
        continue;
      }
      Map<Long, Double> known = order.computeIfAbsent(e, k -> new HashMap<>());
      TreeSet<Long> needed = new TreeSet<>();
      for (long[] p : Edges.positions(levels, n)) {
        needed.add(p[0]);
        needed.add(p[1]);
      }
      needed.removeAll(known.keySet());
      if (!needed.isEmpty()) {
        missing.put(e, new ArrayList<>(needed));
        todo.add(e);
      }
    }
    List<String> batch = new ArrayList<>();
    long values = 0;
    for (String e : todo) {
      if (!batch.isEmpty() && values + counts.get(e) > VALUES_PER_QUERY) {
        select(batch, missing);
        batch.clear();
        values = 0;
      }
      batch.add(e);
      values += counts.get(e);
    }
    if (!batch.isEmpty()) {
      select(batch, missing);
    }
  }

  /**
   * One query for the order statistics at {@code missing} positions of each expression of {@code
   * batch}: {@code quantile_disc} at level {@code (i + 0.5) / n} is the order statistic {@code i}
   * (0-based) of n values (its position is {@code ceil(n q) − 1}; the half keeps {@code n q} clear
   * of rounding; checked for every position in {@code ReferenceQuantilesTest}).
   */
  private void select(List<String> batch, Map<String, List<Long>> missing) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < batch.size(); i++) {
      long n = counts.get(batch.get(i));
      String levels =
          missing.get(batch.get(i)).stream()
              .map(p -> Double.toString((p + 0.5) / n))
              .collect(Collectors.joining(", "));
      sql.append(i == 0 ? "" : ", ")
          .append("quantile_disc(CASE WHEN isfinite(x")
          .append(i)
          .append(") THEN x")
          .append(i)
          .append(" END, [")
          .append(levels)
          .append("]::DOUBLE[])");
    }
    sql.append(" FROM ").append(project(batch));
    db.queryOne(
        sql.toString(),
        rs -> {
          for (int i = 0; i < batch.size(); i++) {
            Object[] got = (Object[]) rs.getArray(i + 1).getArray();
            List<Long> positions = missing.get(batch.get(i));
            Map<Long, Double> known = order.get(batch.get(i));
            for (int k = 0; k < positions.size(); k++) {
              known.put(positions.get(k), ((Number) got[k]).doubleValue());
            }
          }
          return null;
        });
  }

  /** {@code (SELECT e0 AS x0, e1 AS x1, … FROM table)}. */
  private String project(List<String> exprs) {
    StringBuilder sql = new StringBuilder("(SELECT ");
    for (int i = 0; i < exprs.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(exprs.get(i)).append(" AS x").append(i);
    }
    return sql.append(" FROM ").append(table).append(")").toString();
  }
}
