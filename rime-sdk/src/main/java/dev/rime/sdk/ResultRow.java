// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Tabular;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a {@link ResultTable}. Cells hold what the JSON held: {@code String}, a {@code Number}
 * ({@code Integer}, {@code Long} or {@code Double}), {@code Boolean}, an unmodifiable {@code List}
 * (JSON arrays stay whole), or null when the value is null or the row lacks the column. Asking for
 * a column the table does not have is an {@link IllegalArgumentException}.
 */
public final class ResultRow {

  private final List<String> columns;
  private final Map<String, Integer> index;
  private final Object[] values;

  ResultRow(List<String> columns, Map<String, Integer> index, Object[] values) {
    this.columns = columns;
    this.index = index;
    this.values = values;
  }

  /** The cell in {@code column}, or null. */
  public Object get(String column) {
    Integer i = index.get(column);
    if (i == null) {
      throw new IllegalArgumentException("no column '" + column + "'; the columns are " + columns);
    }
    return values[i];
  }

  /**
   * The cell as text: a string as is, a number or boolean as its Java text, a list as its JSON
   * text; null stays null.
   */
  public String getString(String column) {
    return Tabular.cellText(get(column));
  }

  /**
   * The cell as a double, or null.
   *
   * @throws IllegalStateException when the cell is not a number
   */
  public Double getDouble(String column) {
    Object v = get(column);
    if (v == null) {
      return null;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    throw notA("number", column, v);
  }

  /**
   * The cell as a long, or null.
   *
   * @throws IllegalStateException when the cell is not a whole number that fits a long
   */
  public Long getLong(String column) {
    Object v = get(column);
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number) {
      try {
        BigDecimal d =
            v instanceof BigInteger
                ? new BigDecimal((BigInteger) v)
                : new BigDecimal(v.toString()).stripTrailingZeros();
        return d.longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw notA("whole number that fits a long", column, v);
      }
    }
    throw notA("number", column, v);
  }

  /**
   * The cell as a list, or null.
   *
   * @throws IllegalStateException when the cell is not a list
   */
  @SuppressWarnings("unchecked")
  public List<Object> getList(String column) {
    Object v = get(column);
    if (v == null) {
      return null;
    }
    if (v instanceof List) {
      return (List<Object>) v;
    }
    throw notA("list", column, v);
  }

  /** The row as an unmodifiable map from column to cell, in column order. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(columns.get(i), values[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  List<Object> values() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  private static IllegalStateException notA(String what, String column, Object v) {
    return new IllegalStateException(
        "column '"
            + column
            + "' holds "
            + v.getClass().getSimpleName()
            + " "
            + Tabular.cellText(v)
            + ", not a "
            + what);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResultRow && toMap().equals(((ResultRow) o).toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  @Override
  public String toString() {
    return toMap().toString();
  }
}
