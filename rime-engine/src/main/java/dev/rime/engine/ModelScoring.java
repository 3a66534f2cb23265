// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import dev.rime.engine.config.DataInfo;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.ClassProbabilities;
import dev.rime.engine.data.DataException;
import dev.rime.engine.data.Dataset;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import dev.rime.engine.model.ModelAdapter;
import dev.rime.engine.model.ModelException;
import dev.rime.engine.model.OutputChecks;
import dev.rime.engine.model.Predictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's predictions on the reference and evaluation rows, when {@code model_info} is given
 * without {@code data_info.pred_col} (or prediction files): scored once while loading and stored so
 * that every test sees them as if they had been given. A binary or regression model's predictions
 * become a DOUBLE column {@value #PREDICTION} of each data table (typed PREDICTION); a multi-class
 * model's class probabilities become tables read like {@code ref_pred_path} / {@code
 * eval_pred_path} ({@link ClassProbabilities}), joined to the data row by row.
 */
final class ModelScoring {

  /** The column the model's predictions are stored in (binary and regression). */
  static final String PREDICTION = "__rime_pred";

  private ModelScoring() {}

  /**
   * The columns a model takes, name to DuckDB type, in file order: every reference column but the
   * label and the prediction column (what {@code TestContext.modelInputColumns()} gives later).
   */
  static Map<String, String> inputColumns(Dataset ref, DataInfo info) {
    Map<String, String> out = new LinkedHashMap<>();
    ref.columns()
        .forEach(
            (name, type) -> {
              if (!name.equals(info.labelCol()) && !name.equals(info.predCol())) {
                out.put(name, type);
              }
            });
    return out;
  }

  /**
   * The model's input rows of one table: the input columns in order, a column the table lacks as
   * NULL of the reference's type.
   */
  static String select(Dataset d, Map<String, String> inputs) {
    List<String> exprs = new ArrayList<>();
    inputs.forEach(
        (name, type) ->
            exprs.add(
                d.columns().containsKey(name)
                    ? Sql.ident(name)
                    : "CAST(NULL AS " + type + ") AS " + Sql.ident(name)));
    return "SELECT " + String.join(", ", exprs) + " FROM " + d.quotedTable();
  }

  /** Scores every row of {@code d}, checking the row count and the outputs for the task. */
  static Predictions score(
      Db db, ModelAdapter model, ModelTask task, Dataset d, Map<String, String> inputs) {
    Predictions p = model.predict(db, select(d, inputs));
    if (p.rows() != d.rows()) {
      throw new ModelException(
          model.describe()
              + ": returned "
              + p.rows()
              + " predictions for the "
              + d.rows()
              + " rows of "
              + d.file());
    }
    String bad = OutputChecks.checkOutputs(task, p.outputs());
    if (bad == null) {
      // every runtime checks its batches; this holds any runtime to the same rules
      double[] values = new double[p.rows() * p.outputs()];
      for (int r = 0; r < p.rows(); r++) {
        for (int k = 0; k < p.outputs(); k++) {
          values[r * p.outputs() + k] = p.get(r, k);
        }
      }
      bad = OutputChecks.check(task, values, p.outputs(), 0);
    }
    if (bad != null) {
      throw new ModelException(model.describe() + " on " + d.file() + ": " + bad);
    }
    return p;
  }

  /**
   * Adds the predictions to the table of {@code d} as column {@value #PREDICTION}, row by row.
   *
   * @return the dataset with the column
   */
  static Dataset addPredictions(Db db, Dataset d, Predictions p) {
    if (d.columns().containsKey(PREDICTION)) {
      throw new DataException(
          d.key(),
          d.file()
              + " has a column "
              + PREDICTION
              + ", which RIME keeps for the model's predictions");
    }
    String scores = d.table() + "_model_scores";
    String scored = d.table() + "_scored";
    db.execute("CREATE OR REPLACE TABLE " + Sql.ident(scores) + " (" + PREDICTION + " DOUBLE)");
    db.appendDoubles(scores, p.rows(), 1, (r, k) -> p.get(r));
    db.execute(
        "CREATE OR REPLACE TABLE "
            + Sql.ident(scored)
            + " AS SELECT * FROM "
            + d.quotedTable()
            + " POSITIONAL JOIN "
            + Sql.ident(scores));
    db.execute("DROP TABLE " + d.quotedTable());
    db.execute("DROP TABLE " + Sql.ident(scores));
    db.execute("ALTER TABLE " + Sql.ident(scored) + " RENAME TO " + d.quotedTable());
    Map<String, String> columns = new LinkedHashMap<>(d.columns());
    columns.put(PREDICTION, "DOUBLE");
    return new Dataset(d.key(), d.file(), d.table(), columns, d.summary());
  }

  /** Stores a multi-class model's class probabilities as table {@code table}. */
  static ClassProbabilities addProbabilities(Db db, String table, Path modelFile, Predictions p) {
    List<String> cols = new ArrayList<>();
    for (int k = 0; k < p.outputs(); k++) {
      cols.add(Sql.ident(ClassProbabilities.column(k)) + " DOUBLE");
    }
    db.execute(
        "CREATE OR REPLACE TABLE " + Sql.ident(table) + " (" + String.join(", ", cols) + ")");
    db.appendDoubles(table, p.rows(), p.outputs(), p::get);
    return new ClassProbabilities("model_info.path", modelFile, table, p.outputs());
  }
}
