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
 * <p>What is fetched is kept for the run: the finite values of all the {@code batched} expressions
 * (the numeric features) are counted in one scan on first use, and an expression's order statistics
 * in one sort, for the levels asked and the percentiles {@code k/100} at once. Levels {@code k/10}
 * are levels {@code 10k/100} (the same doubles, so the same positions), so the deciles of mutual
 * information and subsets reuse the sort of the drift tests' percentiles instead of sorting again.
 * (DuckDB's {@code quantile_disc} with a list of levels was slower than the sort: about 0.5 s per
 * 1M values for 2 levels, 2.5 s for 200.)
 */
final class ReferenceQuantiles {

  /** Levels {@code k / COMMON_BINS} are fetched with any others (every divisor reuses them). */
  static final int COMMON_BINS = 100;

  private final Db db;
  private final String table;
  private final Set<String> batched;
  private final Map<String, Long> counts = new HashMap<>();
  private final Map<String, Map<Long, Double>> order = new HashMap<>();
  private final Map<String, List<Double>> edges = new HashMap<>();

  /**
   * @param table the quoted reference table
   * @param batched the expressions whose finite values are counted together
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
    count(batched.contains(expr) ? List.copyOf(batched) : List.of(expr));
    long count = counts.get(expr);
    fetch(expr, count, levels);
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
   * Fetches the order statistics of {@code expr} (with {@code count} finite values) that {@code
   * levels} need and are not known yet, with those of the common levels, in one sort.
   */
  private void fetch(String expr, long count, List<Double> levels) {
    Map<Long, Double> known = order.computeIfAbsent(expr, k -> new HashMap<>());
    if (count == 0 || levels.isEmpty() || known.keySet().containsAll(positions(levels, count))) {
      return;
    }
    TreeSet<Long> needed = positions(levels, count);
    needed.addAll(positions(Edges.levels(COMMON_BINS), count));
    needed.removeAll(known.keySet());
    db.query(
            "SELECT i, x FROM (SELECT x, row_number() OVER (ORDER BY x) - 1 AS i FROM (SELECT x0"
                + " AS x FROM "
                + project(List.of(expr))
                + " WHERE isfinite(x0))) WHERE i IN ("
                + needed.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ")",
            rs -> Map.entry(rs.getLong(1), rs.getDouble(2)))
        .forEach(e -> known.put(e.getKey(), e.getValue()));
  }

  /** The positions of the order statistics that {@code levels} need of {@code count} values. */
  private static TreeSet<Long> positions(List<Double> levels, long count) {
    TreeSet<Long> out = new TreeSet<>();
    for (long[] p : Edges.positions(levels, count)) {
      out.add(p[0]);
      out.add(p[1]);
    }
    return out;
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
