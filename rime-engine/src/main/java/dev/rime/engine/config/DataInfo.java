// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The config's {@code data_info}: where the reference and evaluation data are and which columns
 * play which part. Paths are as given; the engine resolves them against its base directory.
 *
 * @param refPath reference data (CSV, CSV.gz, Parquet or JSONL; a path or a {@code file://} URI)
 * @param evalPath evaluation data
 * @param labelCol label column, or null
 * @param predCol column holding the model's predictions (P(label = 1) for binary), or null
 * @param refPredPath multi-class only: file of the reference rows' class probabilities, one column
 *     per class (the i-th column is class i's), row by row with {@code refPath}; or null
 * @param evalPredPath multi-class only: the same for the evaluation rows, or null
 * @param nrows read at most this many rows of each file, or null for all
 * @param categoricalFeatures when not null, exactly the categorical features
 * @param protectedFeatures features the Bias and Fairness tests look at
 * @param featuresNotInModel columns present in the data that the model does not use: not tested
 * @param featureTypePath CSV file fixing the types of the features it names ({@code FeatureName,
 *     FeatureType}), or null
 * @param intersections groups of features (each at least two) whose crossed groups the
 *     intersectional Bias and Fairness tests judge, besides every pair of protected features
 */
public record DataInfo(
    String refPath,
    String evalPath,
    String labelCol,
    String predCol,
    String refPredPath,
    String evalPredPath,
    Long nrows,
    List<String> categoricalFeatures,
    List<String> protectedFeatures,
    List<String> featuresNotInModel,
    String featureTypePath,
    List<List<String>> intersections) {

  static final List<String> KEYS =
      List.of(
          "ref_path",
          "eval_path",
          "label_col",
          "pred_col",
          "ref_pred_path",
          "eval_pred_path",
          "nrows",
          "categorical_features",
          "protected_features",
          "features_not_in_model",
          "feature_type_path",
          "intersections");

  static final Map<String, String> UNSUPPORTED =
      Map.of(
          "loading_kwargs",
          "the engine reads CSV, Parquet and JSONL by file extension with DuckDB",
          "ranking_info",
          "ranking models come in a later issue",
          "embeddings",
          "embedding tests come in a later issue",
          "ref_data_info",
          "the split data_info form comes in a later issue; use ref_path and eval_path",
          "eval_data_info",
          "the split data_info form comes in a later issue; use ref_path and eval_path");

  static DataInfo parse(ConfigNode n) {
    if (n.map().isEmpty()) {
      throw new ConfigException(n.path(), "required key is missing");
    }
    n.checkKeys(KEYS, UNSUPPORTED);
    Long nrows = n.integer("nrows", Range.closed(1, Long.MAX_VALUE));
    String label = n.string("label_col");
    String pred = n.string("pred_col");
    if (label != null && label.equals(pred)) {
      throw new ConfigException(
          n.key("pred_col"), "must differ from label_col (both are '" + label + "')");
    }
    String refPred = nonBlank(n, "ref_pred_path");
    String evalPred = nonBlank(n, "eval_pred_path");
    if ((refPred == null) != (evalPred == null)) {
      String missing = refPred == null ? "ref_pred_path" : "eval_pred_path";
      String given = refPred == null ? "eval_pred_path" : "ref_pred_path";
      throw new ConfigException(
          n.key(missing), "required when " + given + " is given (predictions for both datasets)");
    }
    if (refPred != null && pred != null) {
      throw new ConfigException(
          n.key("pred_col"),
          "give either pred_col (one prediction per row) or ref_pred_path and eval_pred_path"
              + " (class probabilities, multi-class), not both");
    }
    return new DataInfo(
        n.requireString("ref_path"),
        n.requireString("eval_path"),
        label,
        pred,
        refPred,
        evalPred,
        nrows,
        n.strings("categorical_features"),
        orEmpty(n.strings("protected_features")),
        orEmpty(n.strings("features_not_in_model")),
        featureTypePath(n),
        intersections(n));
  }

  /**
   * {@code intersections}: a list of {@code {"features": [...]}} objects, each naming at least two
   * distinct features whose groups the intersectional fairness tests cross.
   */
  private static List<List<String>> intersections(ConfigNode n) {
    Object value = n.map().get("intersections");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new ConfigException(
          n.key("intersections"),
          "expected a list of {\"features\": [...]} objects, got " + ConfigNode.describe(value));
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigNode o = ConfigNode.of(n.key("intersections") + "[" + i + "]", list.get(i));
      o.checkKeys(List.of("features"), Map.of());
      List<String> features = o.strings("features");
      if (features == null || features.size() < 2) {
        throw new ConfigException(o.key("features"), "must list at least two features");
      }
      if (new HashSet<>(features).size() != features.size()) {
        throw new ConfigException(o.key("features"), "lists a feature twice: " + features);
      }
      out.add(features);
    }
    return List.copyOf(out);
  }

  private static String featureTypePath(ConfigNode n) {
    return nonBlank(n, "feature_type_path");
  }

  private static String nonBlank(ConfigNode n, String key) {
    String path = n.string(key);
    if (path != null && path.isBlank()) {
      throw new ConfigException(n.key(key), "must not be empty");
    }
    return path;
  }

  /** The same data_info with another prediction column. */
  public DataInfo withPredCol(String column) {
    return new DataInfo(
        refPath,
        evalPath,
        labelCol,
        column,
        refPredPath,
        evalPredPath,
        nrows,
        categoricalFeatures,
        protectedFeatures,
        featuresNotInModel,
        featureTypePath,
        intersections);
  }

  /** Whether class probabilities come from prediction files (multi-class). */
  public boolean hasPredictionFiles() {
    return refPredPath != null;
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }
}
