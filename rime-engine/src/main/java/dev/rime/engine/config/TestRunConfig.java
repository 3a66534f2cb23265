// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stress-test run's config (the seed's {@code test_run_config}), statically checked.
 *
 * @param runName {@code run_name}
 * @param dataInfo {@code data_info}
 * @param modelInfo {@code model_info}, or null when there is no model to call
 * @param modelTask {@code model_task}, Binary Classification by default
 * @param testsConfig {@code tests_config}, or defaults; null when {@code tests_config_path} is
 *     given (the engine reads that file)
 * @param testsConfigPath {@code tests_config_path}, or null
 * @param minNuniqueForNumeric {@code data_profiling_info.min_nunique_for_numeric} (10)
 * @param minUniqueProp {@code data_profiling_info.min_unique_prop} (0.99)
 * @param numSubsets {@code subset_profiling_config.num_subsets} (10)
 * @param confidenceLevel {@code subset_profiling_config.confidence_level} (0.95)
 * @param randomSeed {@code random_seed} (0)
 * @param continuousInfo {@code continuous_info} (continuous tests: timestamp column and bin size),
 *     or null
 * @param raw the config as given
 */
public record TestRunConfig(
    String runName,
    DataInfo dataInfo,
    ModelInfo modelInfo,
    ModelTask modelTask,
    TestsConfig testsConfig,
    String testsConfigPath,
    int minNuniqueForNumeric,
    double minUniqueProp,
    int numSubsets,
    double confidenceLevel,
    long randomSeed,
    ContinuousInfo continuousInfo,
    Map<String, Object> raw) {

  private static final List<String> KEYS =
      List.of(
          "run_name",
          "data_info",
          "model_info",
          "model_task",
          "tests_config",
          "tests_config_path",
          "model_profiling_info",
          "data_profiling_info",
          "subset_profiling_config",
          "random_seed",
          "continuous_info");

  private static final Map<String, String> UNSUPPORTED =
      Map.of("silent_errors", "a test that raises always becomes a failed test case");

  private static final Set<String> MODEL_PROFILING_KEYS =
      Set.of(
          "nrows_for_summary",
          "nrows_for_feature_importance",
          "feature_importance_config",
          "impact_metric",
          "drift_impact_metric",
          "impact_label_threshold",
          "metric_configs");

  private static final Set<String> DATA_PROFILING_UNSUPPORTED =
      Set.of(
          "numeric_violation_threshold",
          "categorical_violation_threshold",
          "allow_float_unique",
          "num_quantiles",
          "num_feats_to_profile",
          "compute_feature_relationships",
          "class_names");

  private static final Set<String> SUBSET_UNSUPPORTED =
      Set.of("min_frq", "subset_summary_metric", "num_feats_for_subset_summary");

  /**
   * Static checks only (no file is read): required keys, types, unknown keys (with the closest
   * known key suggested), keys not supported yet, and {@code tests_config} against the catalogue.
   *
   * @throws ConfigException naming the dotted key at fault
   */
  public static TestRunConfig parse(Map<String, Object> config) {
    if (config == null) {
      throw new ConfigException("test_run_config", "required: the config is missing");
    }
    ConfigNode root = new ConfigNode("", ConfigNode.asStringMap("", config));
    root.checkKeys(KEYS, UNSUPPORTED);
    String runName = root.requireString("run_name");
    if (!root.has("data_info")) {
      throw new ConfigException("data_info", "required key is missing");
    }
    DataInfo dataInfo = DataInfo.parse(root.object("data_info"));

    ModelInfo modelInfo = ModelInfo.parse(root.object("model_info"), root.has("model_info"));

    ModelTask task = parseTask(root);
    if (task == ModelTask.MULTI_CLASS_CLASSIFICATION && dataInfo.predCol() != null) {
      throw new ConfigException(
          "data_info.pred_col",
          "Multi-class Classification takes class probabilities from data_info.ref_pred_path and"
              + " eval_pred_path (one column per class), not pred_col");
    }
    if (task != ModelTask.MULTI_CLASS_CLASSIFICATION && dataInfo.hasPredictionFiles()) {
      throw new ConfigException(
          "data_info.ref_pred_path",
          "prediction files (class probabilities) are for Multi-class Classification; model_task"
              + " is "
              + task.displayName()
              + ": give the predictions in data_info.pred_col");
    }

    if (root.has("tests_config") && root.has("tests_config_path")) {
      throw new ConfigException(
          "tests_config_path", "give only one of tests_config and tests_config_path");
    }
    String testsPath = root.string("tests_config_path");
    TestsConfig tests =
        root.has("tests_config")
            ? TestsConfig.parse(root.object("tests_config"))
            : testsPath == null ? TestsConfig.defaults() : null;

    ConfigNode modelProfiling = root.object("model_profiling_info");
    Map<String, String> mpUnsupported = new java.util.HashMap<>();
    MODEL_PROFILING_KEYS.forEach(
        k -> mpUnsupported.put(k, "model profiling settings come in a later issue"));
    modelProfiling.checkKeys(Set.of(), mpUnsupported);

    ConfigNode dp = root.object("data_profiling_info");
    Map<String, String> dpUnsupported = new java.util.HashMap<>();
    DATA_PROFILING_UNSUPPORTED.forEach(
        k -> dpUnsupported.put(k, "only min_nunique_for_numeric and min_unique_prop are honoured"));
    dp.checkKeys(List.of("min_nunique_for_numeric", "min_unique_prop"), dpUnsupported);
    Long minNunique = dp.integer("min_nunique_for_numeric", Range.intsFrom(1));
    Double minUniqueProp = dp.number("min_unique_prop", new Range(0, true, 1, false));

    ConfigNode sp = root.object("subset_profiling_config");
    Map<String, String> spUnsupported = new java.util.HashMap<>();
    SUBSET_UNSUPPORTED.forEach(
        k -> spUnsupported.put(k, "only num_subsets and confidence_level are honoured"));
    sp.checkKeys(List.of("num_subsets", "confidence_level"), spUnsupported);
    Long numSubsets = sp.integer("num_subsets", Range.closed(1, 10000));
    Double confidence = sp.number("confidence_level", new Range(0, true, 1, true));
    Long seed = root.integer("random_seed", Range.LONGS);
    ContinuousInfo continuous =
        root.has("continuous_info") ? ContinuousInfo.parse(root.object("continuous_info")) : null;

    return new TestRunConfig(
        runName,
        dataInfo,
        modelInfo,
        task,
        tests,
        testsPath,
        minNunique == null ? 10 : minNunique.intValue(),
        minUniqueProp == null ? 0.99 : minUniqueProp,
        numSubsets == null ? 10 : numSubsets.intValue(),
        confidence == null ? 0.95 : confidence,
        seed == null ? 0L : seed,
        continuous,
        config);
  }

  private static ModelTask parseTask(ConfigNode root) {
    String task = root.string("model_task");
    if (task == null) {
      return ModelTask.BINARY_CLASSIFICATION;
    }
    for (ModelTask t : ModelTask.values()) {
      if (t.displayName().equals(task)) {
        if (t == ModelTask.RANKING) {
          throw new ConfigException(
              "model_task", task + " is not supported yet (it comes in a later issue)");
        }
        return t;
      }
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    for (ModelTask t : ModelTask.values()) {
      names.add(t.displayName());
    }
    throw new ConfigException(
        "model_task", "'" + task + "': " + Suggest.unknown("task", task, names));
  }

  /**
   * The same config with another {@code data_info} (the engine names the column of the predictions
   * it scored with the model).
   */
  public TestRunConfig withDataInfo(DataInfo info) {
    return new TestRunConfig(
        runName,
        info,
        modelInfo,
        modelTask,
        testsConfig,
        testsConfigPath,
        minNuniqueForNumeric,
        minUniqueProp,
        numSubsets,
        confidenceLevel,
        randomSeed,
        continuousInfo,
        raw);
  }

  /** The same config with {@code tests_config} read from {@code tests_config_path}. */
  public TestRunConfig withTestsConfig(TestsConfig tests) {
    return new TestRunConfig(
        runName,
        dataInfo,
        modelInfo,
        modelTask,
        tests,
        testsConfigPath,
        minNuniqueForNumeric,
        minUniqueProp,
        numSubsets,
        confidenceLevel,
        randomSeed,
        continuousInfo,
        raw);
  }

  /** Whether the config names a model to call ({@code model_info.path}). */
  public boolean hasModelPath() {
    Object info = raw == null ? null : raw.get("model_info");
    return info instanceof Map && ((Map<?, ?>) info).get("path") != null;
  }
}
