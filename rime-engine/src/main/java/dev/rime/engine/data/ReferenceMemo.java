// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which queries {@link Db#memoizeQueriesOn} keeps, and where their results are. A query is kept
 * when its text names at least one read-only table (the reference's) and nothing that changes: no
 * name beginning with one of the changing prefixes (the evaluation tables, the temporary tables
 * tests make, which may hold evaluation values). Its result depends then only on tables that no
 * longer change, so the same text gives the same rows: the first run stores them in a temporary
 * table, later ones read that table. The key is the whole SQL text, so a query that embeds a value
 * measured on the evaluation side (an edge, a category) is a different query.
 */
final class ReferenceMemo {

  private final List<String> readOnly;
  private final List<String> changing;
  private final Map<String, String> tables = new HashMap<>();
  private final Set<String> refused = new HashSet<>();
  private long hits;
  private long made;

  ReferenceMemo(List<String> readOnly, List<String> changing) {
    this.readOnly = List.copyOf(readOnly);
    this.changing = List.copyOf(changing);
  }

  /** Whether the result of {@code sql} depends only on the read-only tables. */
  boolean covers(String sql) {
    String head = sql.stripLeading().toUpperCase(Locale.ROOT);
    if (!(head.startsWith("SELECT") || head.startsWith("WITH") || head.startsWith("FROM"))) {
      return false;
    }
    if (refused.contains(sql) || readOnly.stream().noneMatch(sql::contains)) {
      return false;
    }
    return changing.stream().noneMatch(sql::contains);
  }

  String table(String sql) {
    return tables.get(sql);
  }

  boolean holds(String table) {
    return tables.containsValue(table);
  }

  void put(String sql, String table) {
    tables.put(sql, table);
  }

  /** A query whose result cannot be stored as a table (it is then always run). */
  void refuse(String sql) {
    refused.add(sql);
  }

  long next() {
    return ++made;
  }

  void hit() {
    hits++;
  }

  long hits() {
    return hits;
  }

  long misses() {
    return made;
  }
}
