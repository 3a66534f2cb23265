// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.attacks;

import dev.rime.engine.data.Db;
import dev.rime.engine.model.ModelAdapter;
import dev.rime.engine.model.ModelException;
import dev.rime.engine.model.Predictions;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An in-JVM model for the attack tests: reads the rows of the select it is given and computes each
 * row's outputs from its named values (a stand-in for the runtimes until they set the model).
 */
final class RowModel implements ModelAdapter {

  private final int outputs;
  private final Function<Map<String, Object>, double[]> f;
  final List<Integer> batches = new ArrayList<>();
  final List<List<String>> columnsSeen = new ArrayList<>();

  private RowModel(int outputs, Function<Map<String, Object>, double[]> f) {
    this.outputs = outputs;
    this.f = f;
  }

  /** A model with one output per row. */
  static RowModel of(Function<Map<String, Object>, Double> f) {
    return new RowModel(1, r -> new double[] {f.apply(r)});
  }

  /** A model with {@code k} outputs per row (class probabilities). */
  static RowModel classes(int k, Function<Map<String, Object>, double[]> f) {
    return new RowModel(k, f);
  }

  /** A number of a row, 0 for null. */
  static double num(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v == null ? 0 : ((Number) v).doubleValue();
  }

  @Override
  public String describe() {
    return "test model";
  }

  @Override
  public Predictions predict(Db db, String select) {
    List<double[]> rows =
        db.query(
            select,
            rs -> {
              Map<String, Object> row = row(rs);
              if (columnsSeen.isEmpty()) {
                columnsSeen.add(List.copyOf(row.keySet()));
              }
              return f.apply(row);
            });
    batches.add(rows.size());
    double[] out = new double[rows.size() * outputs];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, out, i * outputs, outputs);
    }
    return new Predictions(out, outputs);
  }

  private static Map<String, Object> row(ResultSet rs) throws java.sql.SQLException {
    ResultSetMetaData md = rs.getMetaData();
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      row.put(md.getColumnName(i), rs.getObject(i));
    }
    return row;
  }

  @Override
  public void close() {}

  /** A model that raises on every call, as the runtimes report a model's error. */
  static ModelAdapter raising(String message) {
    return new ModelAdapter() {
      @Override
      public String describe() {
        return "raising model";
      }

      @Override
      public Predictions predict(Db db, String select) {
        throw new ModelException(
            "raising model, batch rows 0-9: " + message, "Traceback ...", null);
      }

      @Override
      public void close() {}
    };
  }
}
