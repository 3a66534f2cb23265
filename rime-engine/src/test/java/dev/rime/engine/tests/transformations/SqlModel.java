// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.engine.data.Db;
import dev.rime.engine.model.ModelAdapter;
import dev.rime.engine.model.ModelException;
import dev.rime.engine.model.Predictions;
import java.util.ArrayList;
import java.util.List;

/**
 * A model for tests, in the JVM: its prediction is a SQL expression over the input row; it raises
 * (a {@link ModelException}) when a row matches {@code raiseWhen}, or when the expression fails
 * (e.g. a cast of a text to a number), like a model that cannot take a value. It records each
 * call's rows as text, so tests can check what the model was given.
 */
public final class SqlModel implements ModelAdapter {

  private final String expr;
  private final String raiseWhen;

  /** Every call's rows, each row's values as text (null for SQL NULL). */
  public final List<List<List<String>>> calls = new ArrayList<>();

  /** The column types of the last call, as DuckDB names them. */
  public final List<String> lastTypes = new ArrayList<>();

  /**
   * @param expr the prediction, SQL over the model's input columns
   * @param raiseWhen SQL predicate: the model raises on a batch with such a row (null: never)
   */
  public SqlModel(String expr, String raiseWhen) {
    this.expr = expr;
    this.raiseWhen = raiseWhen;
  }

  @Override
  public String describe() {
    return "SQL model " + expr;
  }

  @Override
  public Predictions predict(Db db, String select) throws ModelException {
    List<List<String>> rows =
        db.query(
            "SELECT * FROM (" + select + ")",
            rs -> {
              List<String> row = new ArrayList<>();
              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getString(i));
              }
              return row;
            });
    calls.add(rows);
    lastTypes.clear();
    lastTypes.addAll(
        db.query(
            "SELECT column_type FROM (DESCRIBE SELECT * FROM (" + select + "))",
            rs -> rs.getString(1)));
    if (raiseWhen != null
        && db.scalarLong("SELECT count(*) FROM (" + select + ") WHERE " + raiseWhen) > 0) {
      throw new ModelException(
          describe() + ", batch rows 0-" + (rows.size() - 1) + ": ValueError: bad input",
          "Traceback: ValueError",
          null);
    }
    try {
      List<Double> p =
          db.query("SELECT " + expr + " FROM (" + select + ")", rs -> Db.getDouble(rs, 1));
      double[] v = new double[p.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = p.get(i) == null ? Double.NaN : p.get(i);
      }
      return new Predictions(v, 1);
    } catch (RuntimeException e) {
      throw new ModelException(describe() + ": " + e.getMessage(), null, e);
    }
  }

  @Override
  public void close() {}
}
