// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Results as tables, the one way RIME turns them into rows and CSV (the SDK's result tables and
 * {@code rime run}'s {@code test_cases.csv} both use it, so both give the same file).
 *
 * <ul>
 *   <li>{@link #flatten}: a JSON object into one row as pandas {@code json_normalize(sep=".")}
 *       does: nested objects become {@code a.b.c} keys (an empty object yields no key), arrays stay
 *       whole as one cell, keys keep their order.
 *   <li>{@link #columns}: the union of the rows' keys in order of first appearance.
 *   <li>{@link #writeCsv}: RFC 4180 with CRLF line ends; a field is quoted when it holds a comma, a
 *       quote, CR or LF. Null is empty, lists and maps are their JSON text, numbers and booleans
 *       their Java text ({@code 0.25}, {@code 1234.0}, {@code true}).
 * </ul>
 */
public final class Tabular {

  private static final String EOL = "\r\n";

  private Tabular() {}

  /** One row from a JSON object; cells are deep, unmodifiable copies. */
  public static Map<String, Object> flatten(Map<String, ?> record) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten("", record, out);
    return out;
  }

  private static void flatten(String prefix, Map<?, ?> object, Map<String, Object> out) {
    for (Map.Entry<?, ?> e : object.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof Map) {
        flatten(key + ".", (Map<?, ?>) e.getValue(), out);
      } else {
        out.put(key, frozen(e.getValue()));
      }
    }
  }

  /** A deep, unmodifiable copy of a JSON value (lists and maps may hold nulls). */
  public static Object frozen(Object value) {
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object v : (List<?>) value) {
        copy.add(frozen(v));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        copy.put(String.valueOf(e.getKey()), frozen(e.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    return value;
  }

  /** Every key of the rows, in order of first appearance. */
  public static List<String> columns(List<? extends Map<String, ?>> rows) {
    Set<String> columns = new LinkedHashSet<>();
    for (Map<String, ?> row : rows) {
      columns.addAll(row.keySet());
    }
    return List.copyOf(columns);
  }

  /** A header of {@code columns}, then one record per row (missing cells empty). */
  public static void writeCsv(Writer out, List<String> columns, List<? extends Map<String, ?>> rows)
      throws IOException {
    writeCsvRecord(out, columns);
    List<Object> values = new ArrayList<>(columns.size());
    for (Map<String, ?> row : rows) {
      values.clear();
      for (String c : columns) {
        values.add(row.get(c));
      }
      writeCsvRecord(out, values);
    }
  }

  /** One CSV record and its line end. */
  public static void writeCsvRecord(Writer out, List<?> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String text = cellText(values.get(i));
      if (text != null) {
        out.write(quote(text));
      }
    }
    out.write(EOL);
  }

  /** The text of a cell, unquoted; null stays null. */
  public static String cellText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof List || value instanceof Map) {
      return Json.lenient().writeValueAsString(value);
    }
    return String.valueOf(value);
  }

  static String quote(String text) {
    boolean needs =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\r') >= 0
            || text.indexOf('\n') >= 0;
    return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
