// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import dev.rime.engine.config.DataInfo;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.TestsConfig;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Checks the loaded data against the config before any test runs: the columns {@code data_info} and
 * the {@code exclude_columns}, {@code include_columns}, {@code allowed_feats} and {@code
 * column_specific_params} of {@code tests_config} name exist in either file, the {@code
 * required_feats} in the reference file (a required feature missing from the evaluation file is
 * Required Features' finding), predictions are numeric, labels fit the model task. Each error names
 * the config key, the column and the file.
 */
public final class DataChecks {

  private DataChecks() {}

  /**
   * @param tests the run's {@code tests_config} (its exclusions are checked), or null
   * @throws DataException on the first problem found
   */
  public static void check(
      Db db, DataInfo info, ModelTask task, TestsConfig tests, Dataset ref, Dataset eval) {
    check(db, info, task, tests, ref, eval, 0);
  }

  /**
   * {@link #check(Db, DataInfo, ModelTask, TestsConfig, Dataset, Dataset)} for a multi-class model
   * with {@code classes} probability columns (0 without prediction files): labels must be class
   * indices below it.
   */
  public static void check(
      Db db,
      DataInfo info,
      ModelTask task,
      TestsConfig tests,
      Dataset ref,
      Dataset eval,
      int classes) {
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
    for (int i = 0; i < info.intersections().size(); i++) {
      for (String c : info.intersections().get(i)) {
        requireColumn("data_info.intersections[" + i + "].features", c, ref);
      }
    }
    if (tests != null) {
      for (String c : tests.globalExcludeColumns()) {
        requireAnyColumn("tests_config.global_exclude_columns", c, ref, eval);
      }
      for (Map.Entry<String, Map<String, Object>> e : tests.overrides().entrySet()) {
        if (e.getValue().get("exclude_columns") instanceof List<?> names) {
          for (Object c : names) {
            requireAnyColumn(
                "tests_config." + e.getKey() + ".exclude_columns", (String) c, ref, eval);
          }
        }
        if (e.getValue().get("include_columns") instanceof List<?> names) {
          for (Object c : names) {
            requireAnyColumn(
                "tests_config." + e.getKey() + ".include_columns", (String) c, ref, eval);
          }
        }
        if (e.getValue().get("allowed_feats") instanceof List<?> names) {
          for (Object c : names) {
            requireAnyColumn(
                "tests_config." + e.getKey() + ".allowed_feats", (String) c, ref, eval);
          }
        }
        if (e.getValue().get("required_feats") instanceof List<?> names) {
          // A required feature missing from the evaluation file is what Required Features reports;
          // one the reference file lacks too is a typo.
          for (Object c : names) {
            requireColumn("tests_config." + e.getKey() + ".required_feats", (String) c, ref);
          }
        }
        if (e.getValue().get("non_protected_train_features") instanceof List<?> names) {
          for (Object c : names) {
            requireColumn(
                "tests_config." + e.getKey() + ".non_protected_train_features", (String) c, ref);
          }
        }
        if (e.getValue().get("column_specific_params") instanceof Map<?, ?> byColumn) {
          for (Object c : byColumn.keySet()) {
            requireAnyColumn(
                "tests_config." + e.getKey() + ".column_specific_params", (String) c, ref, eval);
          }
        }
      }
    }
    for (Dataset d : List.of(ref, eval)) {
      if (info.predCol() != null) {
        requireNumeric(db, "data_info.pred_col", info.predCol(), d, "prediction");
      }
      if (info.labelCol() != null) {
        if (task == ModelTask.BINARY_CLASSIFICATION) {
          requireBinary(db, info.labelCol(), d);
        } else if (task == ModelTask.MULTI_CLASS_CLASSIFICATION) {
          requireClassIndex(db, info.labelCol(), d, classes);
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

  /** A column to exclude must be in at least one of the two files. */
  private static void requireAnyColumn(String key, String column, Dataset ref, Dataset eval) {
    if (!ref.columns().containsKey(column) && !eval.columns().containsKey(column)) {
      Set<String> all = new LinkedHashSet<>(ref.columns().keySet());
      all.addAll(eval.columns().keySet());
      throw new DataException(
          key,
          "column '"
              + column
              + "' not found in "
              + ref.file()
              + " or "
              + eval.file()
              + "; columns there are: "
              + String.join(", ", all));
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

  /**
   * Up to 5 distinct values of a label column that are not numbers, or are numbers (not NaN) for
   * which {@code outside}, a condition on {@code num}, the value as DOUBLE, holds.
   */
  private static List<String> badLabels(
      Db db, String column, Dataset d, UnaryOperator<String> outside) {
    String q = Sql.ident(column);
    String num = "TRY_CAST(" + q + " AS DOUBLE)";
    return db.query(
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
            + ") AND ("
            + outside.apply(num)
            + "))) ORDER BY v LIMIT 5",
        rs -> rs.getString(1));
  }

  private static void requireBinary(Db db, String column, Dataset d) {
    List<String> bad = badLabels(db, column, d, num -> num + " NOT IN (0, 1)");
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

  private static void requireClassIndex(Db db, String column, Dataset d, int classes) {
    List<String> bad =
        badLabels(
            db,
            column,
            d,
            num ->
                num
                    + " < 0 OR "
                    + num
                    + " <> floor("
                    + num
                    + ")"
                    + (classes > 0 ? " OR " + num + " >= " + classes : ""));
    if (!bad.isEmpty()) {
      throw new DataException(
          "data_info.label_col",
          "label column '"
              + column
              + "' in "
              + d.file()
              + " must hold class indices for Multi-class Classification (integers 0 to "
              + (classes > 0 ? (classes - 1) + ", one per column of the prediction files" : "K - 1")
              + "); other values: "
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
