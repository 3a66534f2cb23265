// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Tabular;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Results as a small, immutable table: what the seed's SDK returned as a pandas DataFrame. Each row
 * is one JSON object of the server's answer flattened like {@code pandas.json_normalize(sep= ".")}:
 * nested objects become {@code a.b.c} columns, arrays stay whole as list cells. The columns are the
 * union of the rows' keys in order of first appearance; a row without a column holds null there.
 *
 * <p>The shape is fixed by {@link #schemaVersion()}: pin a version when asking for results and code
 * written against the columns keeps working after upgrades. Read it with {@link #rows()} or {@link
 * #stream()} and the typed getters of {@link ResultRow}, take a {@link #column(String)}, or {@link
 * #writeCsv(Path)} to hand the data to anything else (a spreadsheet, DuckDB, pandas).
 *
 * <pre>{@code
 * TestCasesResult cases = job.getTestCasesResult("1.0.0");
 * cases.stream()
 *     .filter(r -> "FAIL".equals(r.getString("status")))
 *     .forEach(r -> System.out.println(r.getString("test_batch_type") + " " + r.getList("features")));
 * cases.writeCsv(Path.of("test_cases.csv"));
 * }</pre>
 */
public sealed class ResultTable permits TestCasesResult, TestRunResultTable {

  private final String schemaVersion;
  private final List<String> columns;
  private final List<ResultRow> rows;

  /** A table of rows already flattened (see {@link #flattenAll(List)}). */
  ResultTable(String schemaVersion, List<Map<String, Object>> flatRows) {
    this.schemaVersion = schemaVersion;
    LinkedHashSet<String> union = new LinkedHashSet<>();
    for (Map<String, Object> row : flatRows) {
      union.addAll(row.keySet());
    }
    this.columns = List.copyOf(union);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i), i);
    }
    Map<String, Integer> sharedIndex = Collections.unmodifiableMap(index);
    List<ResultRow> built = new ArrayList<>(flatRows.size());
    for (Map<String, Object> row : flatRows) {
      Object[] values = new Object[columns.size()];
      for (Map.Entry<String, Object> e : row.entrySet()) {
        values[index.get(e.getKey())] = e.getValue();
      }
      built.add(new ResultRow(columns, sharedIndex, values));
    }
    this.rows = Collections.unmodifiableList(built);
  }

  /** Each record flattened into one row by {@link Tabular#flatten}. */
  static List<Map<String, Object>> flattenAll(List<? extends Map<String, ?>> records) {
    List<Map<String, Object>> flat = new ArrayList<>(records.size());
    for (Map<String, ?> record : records) {
      flat.add(Tabular.flatten(record));
    }
    return flat;
  }

  /**
   * The rows of several tables of the same schema version in one table, e.g. the test-run results
   * of several jobs, to compare them. Columns are the union, in order of first appearance.
   *
   * @throws IllegalArgumentException when the tables have different schema versions
   */
  public static ResultTable concat(Collection<? extends ResultTable> tables) {
    String version = null;
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ResultTable t : tables) {
      if (version == null) {
        version = t.schemaVersion;
      } else if (!Objects.equals(version, t.schemaVersion)) {
        throw new IllegalArgumentException(
            "cannot concatenate tables of schema versions "
                + version
                + " and "
                + t.schemaVersion
                + "; ask for the results in one version");
      }
      for (ResultRow r : t.rows) {
        rows.add(r.toMap());
      }
    }
    return new ResultTable(version, rows);
  }

  /** The result schema version the server answered in (e.g. {@code 1.0.0}). */
  public String schemaVersion() {
    return schemaVersion;
  }

  /** Column names in order. */
  public List<String> columns() {
    return columns;
  }

  /** The rows in the server's order. */
  public List<ResultRow> rows() {
    return rows;
  }

  /** Row {@code i} (0-based). */
  public ResultRow row(int i) {
    return rows.get(i);
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /** The rows as a stream. */
  public Stream<ResultRow> stream() {
    return rows.stream();
  }

  /**
   * Every row's cell in {@code name}, in row order (nulls included).
   *
   * @throws IllegalArgumentException when there is no such column
   */
  public List<Object> column(String name) {
    if (!columns.contains(name)) {
      throw new IllegalArgumentException("no column '" + name + "'; the columns are " + columns);
    }
    List<Object> out = new ArrayList<>(rows.size());
    for (ResultRow r : rows) {
      out.add(r.get(name));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Writes the table as CSV (RFC 4180): a header of the column names, then one record per row, CRLF
   * line ends. Null cells are empty; lists and maps are written as JSON text. Does not close {@code
   * out}.
   */
  public void writeCsv(Writer out) throws IOException {
    if (columns.isEmpty()) {
      out.flush();
      return;
    }
    Tabular.writeCsvRecord(out, columns);
    for (ResultRow r : rows) {
      Tabular.writeCsvRecord(out, r.values());
    }
    out.flush();
  }

  /**
   * Writes the table as a UTF-8 CSV file, replacing it if it exists; see {@link #writeCsv(Writer)}.
   */
  public void writeCsv(Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeCsv(out);
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "[schema "
        + schemaVersion
        + ", "
        + rows.size()
        + " rows, columns "
        + columns
        + "]";
  }
}
