// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows given to a {@link Model}, held by column. A value is a {@link Long} (integer columns), a
 * {@link Double} (floating-point and decimal columns), a {@link Boolean}, a {@link String} (text,
 * and dates and timestamps in ISO form), or null when missing. A test may put a value of another
 * type into a column (a string into a number column, to see how the model copes), as the data
 * could.
 */
public final class ModelBatch {

  private final List<String> columns;
  private final Object[][] values;
  private final int size;
  private final Map<String, Integer> index = new HashMap<>();

  /**
   * @param columns the column names
   * @param values one array per column, each of {@code size} values
   * @param size the number of rows
   */
  public ModelBatch(List<String> columns, Object[][] values, int size) {
    if (columns.size() != values.length) {
      throw new IllegalArgumentException(
          columns.size() + " column names for " + values.length + " columns");
    }
    for (int c = 0; c < values.length; c++) {
      if (values[c].length < size) {
        throw new IllegalArgumentException(
            "column " + columns.get(c) + " has " + values[c].length + " values, not " + size);
      }
      index.put(columns.get(c), c);
    }
    this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    this.values = values;
    this.size = size;
  }

  /** The column names, in the data's order. */
  public List<String> columns() {
    return columns;
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /** Whether the batch has a column of this name. */
  public boolean hasColumn(String column) {
    return index.containsKey(column);
  }

  /**
   * The position of a column.
   *
   * @throws IllegalArgumentException naming the columns there are when there is no such column
   */
  public int columnIndex(String column) {
    Integer c = index.get(column);
    if (c == null) {
      throw new IllegalArgumentException("no column '" + column + "'; the columns are " + columns);
    }
    return c;
  }

  /** The values of a column, row by row (the array may be longer than {@link #size()}). */
  public Object[] column(String column) {
    return values[columnIndex(column)];
  }

  /** One value, or null when missing. */
  public Object get(int row, int column) {
    checkRow(row);
    return values[column][row];
  }

  /** One value, or null when missing. */
  public Object get(int row, String column) {
    return get(row, columnIndex(column));
  }

  /**
   * One value as a number: a number as it is, true / false as 1 / 0, a string parsed as a decimal
   * number, NaN when missing.
   *
   * @throws NumberFormatException when the value is a string that is not a number
   */
  public double getDouble(int row, int column) {
    Object v = get(row, column);
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? 1 : 0;
    }
    String s = v.toString().strip();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    return Double.parseDouble(s);
  }

  /** {@link #getDouble(int, int)} by column name. */
  public double getDouble(int row, String column) {
    return getDouble(row, columnIndex(column));
  }

  /** One value as text ({@code String.valueOf}), or null when missing. */
  public String getString(int row, String column) {
    Object v = get(row, column);
    return v == null ? null : v.toString();
  }

  /** One row as a map from column name to value, in column order. */
  public Map<String, Object> row(int row) {
    checkRow(row);
    Map<String, Object> out = new LinkedHashMap<>();
    for (int c = 0; c < values.length; c++) {
      out.put(columns.get(c), values[c][row]);
    }
    return out;
  }

  private void checkRow(int row) {
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException("row " + row + " of a batch of " + size);
    }
  }
}
