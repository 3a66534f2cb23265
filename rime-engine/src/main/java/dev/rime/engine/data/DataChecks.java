// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import dev.rime.engine.config.DataInfo;
import dev.rime.engine.config.ModelTask;
import java.util.List;

/**
 * Checks the loaded data against {@code data_info} before any test runs: the named columns exist,
 * predictions are numeric, labels fit the model task. Each error names the config key, the column
 * and the file.
 */
public final class DataChecks {

  private DataChecks() {}

  /**
   * @throws DataException on the first problem found
   */
  public static void check(Db db, DataInfo info, ModelTask task, Dataset ref, Dataset eval) {
    for (Dataset d : List.of(ref, eval)) {
      requireColumn("data_info.label_col", info.labelCol(), d);
      requireColumn("data_info.pred_col", info.predCol(), d);
    }
    for (String c : orEmpty(info.categoricalFeatures())) {
      requireColumn("data_info.categorical_features", c, ref);
    }
    for (String c : info.featuresNotInModel()) {
      requireColumn("data_info.features_not_in_model", c, ref);
    }
    for (String c : info.protectedFeatures()) {
      requireColumn("data_info.protected_features", c, ref);
    }
    for (Dataset d : List.of(ref, eval)) {
      if (info.predCol() != null) {
        requireNumeric(db, "data_info.pred_col", info.predCol(), d, "prediction");
      }
      if (info.labelCol() != null) {
        if (task == ModelTask.BINARY_CLASSIFICATION) {
          requireBinary(db, info.labelCol(), d);
        } else {
          requireNumeric(db, "data_info.label_col", info.labelCol(), d, "label");
        }
      }
    }
  }

  private static void requireColumn(String key, String column, Dataset d) {
    if (column != null && !d.columns().containsKey(column)) {
      throw new DataException(
          key,
          "column '"
              + column
              + "' not found in "
              + d.file()
              + "; columns there are: "
              + String.join(", ", d.columns().keySet()));
    }
  }

  private static void requireNumeric(Db db, String key, String column, Dataset d, String role) {
    String q = Sql.ident(column);
    List<String> bad =
        db.query(
            "SELECT DISTINCT CAST("
                + q
                + " AS VARCHAR) FROM "
                + d.quotedTable()
                + " WHERE "
                + q
                + " IS NOT NULL AND TRY_CAST("
                + q
                + " AS DOUBLE) IS NULL LIMIT 5",
            rs -> rs.getString(1));
    if (!bad.isEmpty()) {
      throw new DataException(
          key,
          role
              + " column '"
              + column
              + "' in "
              + d.file()
              + " is not numeric (DuckDB type "
              + d.columns().get(column)
              + "); non-numeric values: "
              + quoteAll(bad));
    }
  }

  private static void requireBinary(Db db, String column, Dataset d) {
    String q = Sql.ident(column);
    String num = "TRY_CAST(" + q + " AS DOUBLE)";
    List<String> bad =
        db.query(
            "SELECT DISTINCT CAST("
                + q
                + " AS VARCHAR) AS v FROM "
                + d.quotedTable()
                + " WHERE "
                + q
                + " IS NOT NULL AND ("
                + num
                + " IS NULL OR (NOT isnan("
                + num
                + ") AND "
                + num
                + " NOT IN (0, 1))) ORDER BY v LIMIT 5",
            rs -> rs.getString(1));
    if (!bad.isEmpty()) {
      throw new DataException(
          "data_info.label_col",
          "label column '"
              + column
              + "' in "
              + d.file()
              + " is not binary: Binary Classification needs labels 0 and 1 (or true and false);"
              + " other values: "
              + quoteAll(bad));
    }
  }

  private static String quoteAll(List<String> values) {
    return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }
}
