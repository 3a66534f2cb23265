// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

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
 * @param nrows read at most this many rows of each file, or null for all
 * @param categoricalFeatures when not null, exactly the categorical features
 * @param protectedFeatures the features the Bias and Fairness tests judge the data and model on
 *     (checked to exist in the reference data)
 * @param featuresNotInModel columns present in the data that the model does not use: not tested
 * @param featureTypePath CSV file fixing the types of the features it names ({@code FeatureName,
 *     FeatureType}), or null
 */
public record DataInfo(
    String refPath,
    String evalPath,
    String labelCol,
    String predCol,
    Long nrows,
    List<String> categoricalFeatures,
    List<String> protectedFeatures,
    List<String> featuresNotInModel,
    String featureTypePath) {

  static final List<String> KEYS =
      List.of(
          "ref_path",
          "eval_path",
          "label_col",
          "pred_col",
          "nrows",
          "categorical_features",
          "protected_features",
          "features_not_in_model",
          "feature_type_path");

  static final Map<String, String> UNSUPPORTED =
      Map.of(
          "ref_pred_path",
          "prediction files (multi-class) come in a later issue; use pred_col",
          "eval_pred_path",
          "prediction files (multi-class) come in a later issue; use pred_col",
          "loading_kwargs",
          "the engine reads CSV, Parquet and JSONL by file extension with DuckDB",
          "ranking_info",
          "ranking models come in a later issue",
          "embeddings",
          "embedding tests come in a later issue",
          "intersections",
          "intersectional tests come in a later issue",
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
    return new DataInfo(
        n.requireString("ref_path"),
        n.requireString("eval_path"),
        label,
        pred,
        nrows,
        n.strings("categorical_features"),
        orEmpty(n.strings("protected_features")),
        orEmpty(n.strings("features_not_in_model")),
        featureTypePath(n));
  }

  private static String featureTypePath(ConfigNode n) {
    String path = n.string("feature_type_path");
    if (path != null && path.isBlank()) {
      throw new ConfigException(n.key("feature_type_path"), "must not be empty");
    }
    return path;
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }
}
