// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.engine.Fixtures;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestCatalogue;
import dev.rime.engine.tests.TestParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class TestRunConfigTest {

  private static Map<String, Object> minimal() {
    return Fixtures.config("ref.csv", "eval.csv", "label", "pred");
  }

  private static Map<String, Object> withoutPredCol() {
    return Fixtures.config("ref.csv", "eval.csv", "label", null);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> rejects(
      Map<String, Object> config, String key) {
    return assertThatThrownBy(() -> TestRunConfig.parse(config))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key))
        .hasMessageStartingWith(key + ": ");
  }

  private static Map<String, Object> withTests(Map<String, Object> tests) {
    Map<String, Object> c = minimal();
    c.put("tests_config", tests);
    return c;
  }

  @Test
  void minimalConfigHasRimeDefaults() {
    TestRunConfig c = TestRunConfig.parse(minimal());
    assertThat(c.runName()).isEqualTo("fixture");
    assertThat(c.modelTask()).isEqualTo(ModelTask.BINARY_CLASSIFICATION);
    assertThat(c.minNuniqueForNumeric()).isEqualTo(10);
    assertThat(c.minUniqueProp()).isEqualTo(0.99);
    assertThat(c.numSubsets()).isEqualTo(10);
    assertThat(c.confidenceLevel()).isEqualTo(0.95);
    assertThat(c.randomSeed()).isZero();
    // Every test of the default categories (ADR 0002): not Data Poisoning Detection, not Bias
    // and Fairness, not Subset Performance Degradation, not Attacks without a model (ADR 0017).
    assertThat(c.testsConfig().select(TestCatalogue.all()))
        .containsExactlyElementsOf(
            TestCatalogue.all().stream()
                .filter(t -> !t.category().equals("Data Poisoning Detection"))
                .filter(t -> !t.category().equals("Bias and Fairness"))
                .filter(t -> !t.category().equals("Subset Performance Degradation"))
                .filter(t -> !t.category().equals("Transformations"))
                .filter(t -> !t.category().equals("Attacks"))
                .toList())
        .allSatisfy(t -> assertThat(TestCatalogue.DEFAULT_CATEGORIES).contains(t.category()));
  }

  @Test
  void unknownKeySuggestsTheClosest() {
    Map<String, Object> c = minimal();
    Fixtures.dataInfo(c).put("lable_col", "y");
    rejects(c, "data_info.lable_col")
        .hasMessage("data_info.lable_col: unknown key; did you mean label_col?");
    Map<String, Object> top = minimal();
    top.put("test_config", Map.of());
    rejects(top, "test_config").hasMessageContaining("did you mean tests_config?");
  }

  @Test
  void wrongTypesNameKeyAndExpectedType() {
    Map<String, Object> c = minimal();
    Fixtures.dataInfo(c).put("nrows", "ten");
    rejects(c, "data_info.nrows")
        .hasMessage(
            "data_info.nrows: must be an integer from 1 to 9223372036854775807, not string"
                + " \"ten\"");
    Map<String, Object> d = minimal();
    d.put("run_name", 5);
    rejects(d, "run_name").hasMessageContaining("expected a string");
    Map<String, Object> e = minimal();
    Fixtures.dataInfo(e).put("categorical_features", "a,b");
    rejects(e, "data_info.categorical_features").hasMessageContaining("expected a list of strings");
  }

  @Test
  void missingRequiredKeys() {
    Map<String, Object> c = minimal();
    c.remove("run_name");
    rejects(c, "run_name").hasMessageContaining("required key is missing");
    Map<String, Object> d = minimal();
    d.remove("data_info");
    rejects(d, "data_info");
    Map<String, Object> e = minimal();
    Fixtures.dataInfo(e).remove("eval_path");
    rejects(e, "data_info.eval_path").hasMessageContaining("required");
  }

  @Test
  void onlyOneOfTestsConfigAndPath() {
    Map<String, Object> c = withTests(Map.of());
    c.put("tests_config_path", "tests.json");
    rejects(c, "tests_config_path")
        .hasMessageContaining("only one of tests_config and tests_config_path");
  }

  @Test
  void unsupportedKeysAreErrorsNotIgnored() {
    Map<String, Object> e = minimal();
    e.put("model_task", "Ranking");
    rejects(e, "model_task").hasMessageContaining("not supported yet");
    rejects(withTests(Map.of("categories", List.of("Compliance"))), "tests_config.categories")
        .hasMessageContaining("not supported yet");
    Map<String, Object> f = withTests(Map.of("continuous_drift", Map.of("min_num_quantiles", 5)));
    rejects(f, "tests_config.continuous_drift.min_num_quantiles")
        .hasMessageContaining("not supported yet");
  }

  @Test
  void predictionFilesAreForMultiClassAndComeInPairs() {
    Map<String, Object> one = withoutPredCol();
    one.put("model_task", "Multi-class Classification");
    Fixtures.dataInfo(one).put("eval_pred_path", "p.csv");
    rejects(one, "data_info.ref_pred_path")
        .hasMessageContaining("required when eval_pred_path is given");

    Map<String, Object> binary = withoutPredCol();
    Fixtures.dataInfo(binary).put("ref_pred_path", "r.csv");
    Fixtures.dataInfo(binary).put("eval_pred_path", "e.csv");
    rejects(binary, "data_info.ref_pred_path")
        .hasMessageContaining("for Multi-class Classification");

    Map<String, Object> both = minimal();
    both.put("model_task", "Multi-class Classification");
    Fixtures.dataInfo(both).put("ref_pred_path", "r.csv");
    Fixtures.dataInfo(both).put("eval_pred_path", "e.csv");
    Fixtures.dataInfo(both).put("pred_col", "p");
    rejects(both, "data_info.pred_col").hasMessageContaining("not both");

    Map<String, Object> multi = minimal();
    multi.put("model_task", "Multi-class Classification");
    Fixtures.dataInfo(multi).put("pred_col", "p");
    rejects(multi, "data_info.pred_col").hasMessageContaining("ref_pred_path and eval_pred_path");

    Map<String, Object> ok = withoutPredCol();
    ok.put("model_task", "Multi-class Classification");
    Fixtures.dataInfo(ok).put("ref_pred_path", "r.csv");
    Fixtures.dataInfo(ok).put("eval_pred_path", "e.csv");
    assertThat(TestRunConfig.parse(ok).dataInfo().evalPredPath()).isEqualTo("e.csv");
  }

  @Test
  void intersectionsListAtLeastTwoDistinctFeatures() {
    Map<String, Object> ok = minimal();
    Fixtures.dataInfo(ok).put("intersections", List.of(Map.of("features", List.of("a", "b", "c"))));
    assertThat(TestRunConfig.parse(ok).dataInfo().intersections())
        .containsExactly(List.of("a", "b", "c"));
    assertThat(TestRunConfig.parse(minimal()).dataInfo().intersections()).isEmpty();
    Map<String, Object> one = minimal();
    Fixtures.dataInfo(one).put("intersections", List.of(Map.of("features", List.of("a"))));
    rejects(one, "data_info.intersections[0].features")
        .hasMessageContaining("at least two features");
    Map<String, Object> twice = minimal();
    Fixtures.dataInfo(twice)
        .put(
            "intersections",
            List.of(Map.of("features", List.of("a", "b")), Map.of("features", List.of("a", "a"))));
    rejects(twice, "data_info.intersections[1].features").hasMessageContaining("twice");
    Map<String, Object> typo = minimal();
    Fixtures.dataInfo(typo).put("intersections", List.of(Map.of("feature", List.of("a", "b"))));
    rejects(typo, "data_info.intersections[0].feature").hasMessageContaining("features");
    Map<String, Object> notList = minimal();
    Fixtures.dataInfo(notList).put("intersections", "a,b");
    rejects(notList, "data_info.intersections").hasMessageContaining("expected a list");
  }

  @Test
  void categoriesSelectOnlyTheTestsOfTheModelTaskButANamedTestRunsAnyway() {
    TestsConfig defaults = TestRunConfig.parse(minimal()).testsConfig();
    List<String> regression =
        defaults.select(TestCatalogue.all(), ModelTask.REGRESSION).stream()
            .map(StressTest::id)
            .toList();
    assertThat(regression)
        .contains("mae", "r_squared", "average_prediction", "regression_label_drift")
        .doesNotContain("auc", "accuracy", "macro_f1", "atc", "categorical_label_drift");
    List<String> multiclass =
        defaults.select(TestCatalogue.all(), ModelTask.MULTI_CLASS_CLASSIFICATION).stream()
            .map(StressTest::id)
            .toList();
    assertThat(multiclass)
        .contains("multiclass_auc", "macro_f1", "log_loss", "atc", "multiclass_pred_label_drift")
        .doesNotContain("auc", "mae", "average_prediction", "regression_label_drift");

    TestsConfig named =
        TestRunConfig.parse(withTests(Map.of("auc", Map.of("run", true)))).testsConfig();
    assertThat(named.select(TestCatalogue.all(), ModelTask.REGRESSION))
        .extracting(StressTest::id)
        .contains("auc", "mae");
  }

  @Test
  void unknownModelTaskSuggests() {
    Map<String, Object> c = minimal();
    c.put("model_task", "Binary Clasification");
    rejects(c, "model_task").hasMessageContaining("did you mean Binary Classification?");
  }

  @Test
  void unknownTestIdAndParameterSuggest() {
    rejects(withTests(Map.of("unseen_categorcal", Map.of())), "tests_config.unseen_categorcal")
        .hasMessageContaining("did you mean unseen_categorical?");
    rejects(
            withTests(Map.of("continuous_drift", Map.of("distance_treshold", 0.3))),
            "tests_config.continuous_drift.distance_treshold")
        .hasMessageContaining("unknown parameter; did you mean distance_threshold?");
    rejects(
            withTests(
                Map.of(
                    "null_check",
                    Map.of("performance_change_config", Map.of("min_num_sample", 3)))),
            "tests_config.null_check.performance_change_config.min_num_sample")
        .hasMessageContaining("did you mean min_num_samples?");
    rejects(withTests(Map.of("categories", List.of("Drfit"))), "tests_config.categories")
        .hasMessageContaining("did you mean Drift?");
  }

  @Test
  void parameterTypesAreChecked() {
    rejects(
            withTests(
                Map.of("duplicate_rows", Map.of("severity_thresholds", List.of(0.1, 0.05, 0.2)))),
            "tests_config.duplicate_rows.severity_thresholds")
        .hasMessageContaining("3 ascending numbers");
    rejects(
            withTests(Map.of("continuous_drift", Map.of("num_bins", 2.5))),
            "tests_config.continuous_drift.num_bins")
        .hasMessage(
            "tests_config.continuous_drift.num_bins: must be an integer from 2 to 10000, not 2.5");
    rejects(withTests(Map.of("auc", Map.of("run", "yes"))), "tests_config.auc.run")
        .hasMessageContaining("expected true or false");
  }

  private static Map<String, Object> withParam(String test, String key, Object value) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put(key, value);
    return withTests(Map.of(test, params));
  }

  @Test
  void integerParametersMustBeWholeAndInRange() {
    rejects(withParam("continuous_drift", "num_bins", -3), "tests_config.continuous_drift.num_bins")
        .hasMessage(
            "tests_config.continuous_drift.num_bins: must be an integer from 2 to 10000, not -3");
    rejects(withParam("prediction_drift", "num_bins", 1), "tests_config.prediction_drift.num_bins")
        .hasMessageEndingWith("must be an integer from 2 to 10000, not 1");
    rejects(
            withParam("categorical_drift", "min_sample_size", -1),
            "tests_config.categorical_drift.min_sample_size")
        .hasMessageEndingWith("must be an integer from 1 to 2147483647, not -1");
    // 3e9 is whole but beyond int: it would overflow intValue().
    rejects(
            withParam("subset_auc", "min_sample_size", 3e9),
            "tests_config.subset_auc.min_sample_size")
        .hasMessageEndingWith("must be an integer from 1 to 2147483647, not 3000000000");
    rejects(
            withParam(
                "continuous_drift",
                "num_null_simulations",
                new java.math.BigInteger("1" + "0".repeat(30))),
            "tests_config.continuous_drift.num_null_simulations")
        .hasMessageEndingWith("must be an integer from 1 to 100000, not 1" + "0".repeat(30));
    rejects(withParam("auc", "run", 1), "tests_config.auc.run")
        .hasMessageContaining("true or false");
  }

  @Test
  void minNumSamplesMustBePositiveWhereverItIsGiven() {
    rejects(
            withParam("null_check", "performance_change_config", Map.of("min_num_samples", 0)),
            "tests_config.null_check.performance_change_config.min_num_samples")
        .hasMessageEndingWith("must be an integer from 1 to 2147483647, not 0");
    rejects(
            withTests(
                Map.of(
                    "global_abnormal_inputs_performance_change_config",
                    Map.of("min_num_samples", 0))),
            "tests_config.global_abnormal_inputs_performance_change_config.min_num_samples")
        .hasMessageEndingWith("not 0");
  }

  @Test
  void numberParametersMustBeInRange() {
    rejects(
            withParam("continuous_drift", "distance_threshold", -0.1),
            "tests_config.continuous_drift.distance_threshold")
        .hasMessageEndingWith("must be a number greater than 0, not -0.1");
    rejects(withParam("out_of_range", "std_factor", 0), "tests_config.out_of_range.std_factor")
        .hasMessageEndingWith("must be a number greater than 0, not 0");
    rejects(
            withParam("categorical_drift", "p_value_threshold", 0),
            "tests_config.categorical_drift.p_value_threshold")
        .hasMessageEndingWith("must be a number greater than 0 and at most 1, not 0");
    rejects(
            withParam("prediction_drift", "p_value_threshold", 1.5),
            "tests_config.prediction_drift.p_value_threshold")
        .hasMessageEndingWith("not 1.5");
    rejects(
            withParam("continuous_drift", "distance_threshold", "high"),
            "tests_config.continuous_drift.distance_threshold")
        .hasMessageEndingWith("must be a number greater than 0, not string \"high\"");
    Map<String, Object> scaling = withTests(Map.of("global_drift_scaling_factor", -1));
    rejects(scaling, "tests_config.global_drift_scaling_factor")
        .hasMessageEndingWith("must be a number greater than 0, not -1");
  }

  @Test
  void thresholdsMustBeAscendingAndInRange() {
    rejects(
            withParam(
                "null_check",
                "performance_change_config",
                Map.of("severity_thresholds", List.of(-0.1, 0.05, 0.1))),
            "tests_config.null_check.performance_change_config.severity_thresholds")
        .hasMessageEndingWith(
            "must be a list of 3 ascending numbers [low, medium, high], each at least 0, not"
                + " [-0.1, 0.05, 0.1]");
    rejects(
            withParam("label_imbalance", "severity_thresholds", List.of(0.6, 0.75, 1.5)),
            "tests_config.label_imbalance.severity_thresholds")
        .hasMessageEndingWith("each from 0 to 1, not [0.6, 0.75, 1.5]");
    rejects(
            withParam("prediction_drift", "psi_thresholds", List.of(0.6, 0.4, 0.2)),
            "tests_config.prediction_drift.psi_thresholds")
        .hasMessageContaining("3 ascending numbers");
    rejects(
            withParam("auc", "absolute_thresholds", List.of(0.8, 0.9, 0.6)),
            "tests_config.auc.absolute_thresholds")
        .hasMessageContaining("3 descending numbers");
  }

  @Test
  void tooFewSimulationsForThePValueThresholdAreRejected() {
    // 19 simulations: the smallest p-value is 1/20 = 0.05, never below 0.05.
    rejects(
            withParam("continuous_drift", "num_null_simulations", 19),
            "tests_config.continuous_drift.num_null_simulations")
        .hasMessageContaining("must be at least 20 with p_value_threshold 0.05");
    Map<String, Object> ok = new LinkedHashMap<>();
    ok.put("num_null_simulations", 20);
    assertThat(TestRunConfig.parse(withTests(Map.of("continuous_drift", ok)))).isNotNull();
    Map<String, Object> strict = new LinkedHashMap<>();
    strict.put("num_null_simulations", 50);
    strict.put("p_value_threshold", 0.01);
    rejects(
            withTests(Map.of("prediction_drift", strict)),
            "tests_config.prediction_drift.num_null_simulations")
        .hasMessageContaining("must be at least 100 with p_value_threshold 0.01");
  }

  @Test
  void runSettingsMustBeInRange() {
    Map<String, Object> subsets = minimal();
    subsets.put("subset_profiling_config", Map.of("num_subsets", 3e9));
    rejects(subsets, "subset_profiling_config.num_subsets")
        .hasMessage(
            "subset_profiling_config.num_subsets: must be an integer from 1 to 10000, not"
                + " 3000000000");
    Map<String, Object> nunique = minimal();
    nunique.put("data_profiling_info", Map.of("min_nunique_for_numeric", 0));
    rejects(nunique, "data_profiling_info.min_nunique_for_numeric")
        .hasMessageEndingWith("must be an integer from 1 to 2147483647, not 0");
    Map<String, Object> seed = minimal();
    seed.put("random_seed", 1.5);
    rejects(seed, "random_seed")
        .hasMessage(
            "random_seed: must be an integer from -9223372036854775808 to 9223372036854775807,"
                + " not 1.5");
    Map<String, Object> bigSeed = minimal();
    bigSeed.put("random_seed", new java.math.BigInteger("9223372036854775808"));
    rejects(bigSeed, "random_seed").hasMessageEndingWith("not 9223372036854775808");
    Map<String, Object> confidence = minimal();
    confidence.put("subset_profiling_config", Map.of("confidence_level", 1));
    rejects(confidence, "subset_profiling_config.confidence_level")
        .hasMessageEndingWith("must be a number greater than 0 and less than 1, not 1");
  }

  @Test
  void selectionByCategoriesRunDefaultAndRun() {
    Map<String, Object> tests = new LinkedHashMap<>();
    tests.put("categories", List.of("Drift"));
    tests.put("auc", Map.of("run", true));
    tests.put("prediction_drift", Map.of("run", false));
    List<String> ids =
        TestRunConfig.parse(withTests(tests)).testsConfig().select(TestCatalogue.all()).stream()
            .map(StressTest::id)
            .toList();
    List<String> drift =
        TestCatalogue.all().stream()
            .filter(t -> t.category().equals("Drift") && !t.id().equals("prediction_drift"))
            .map(StressTest::id)
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    drift.add("auc");
    assertThat(ids).startsWith("categorical_drift", "continuous_drift").isEqualTo(drift);

    List<String> none =
        TestRunConfig.parse(withTests(Map.of("run_default", false)))
            .testsConfig()
            .select(TestCatalogue.all())
            .stream()
            .map(StressTest::id)
            .toList();
    assertThat(none).isEmpty();
  }

  @Test
  void nullMeansTheDefaultForEveryParameterAtEveryLevel() {
    // Every parameter of every test given as null, nested ones too: each test runs with its
    // defaults, and a global setting still applies under a null of the test's own.
    Map<String, Object> tests = new LinkedHashMap<>();
    java.util.HashMap<String, Object> global = new java.util.HashMap<>();
    global.put("severity_thresholds", null);
    global.put("min_num_samples", 5);
    tests.put("global_abnormal_inputs_performance_change_config", global);
    for (StressTest t : TestCatalogue.all()) {
      Map<String, Object> own = new java.util.HashMap<>();
      for (dev.rime.engine.tests.Param p : t.params()) {
        if (p.kind() == dev.rime.engine.tests.Param.Kind.OBJECT) {
          Map<String, Object> children = new java.util.HashMap<>();
          p.children().forEach(c -> children.put(c.key(), null));
          own.put(p.key(), children);
        } else {
          own.put(p.key(), null);
        }
      }
      own.put("run", null);
      own.put("exclude_columns", null);
      tests.put(t.id(), own);
    }
    TestsConfig tc = TestRunConfig.parse(withTests(tests)).testsConfig();
    for (StressTest t : TestCatalogue.all()) {
      Map<String, Object> expected = new LinkedHashMap<>(t.defaultParams());
      if (expected.containsKey("performance_change_config")
          && t.category().equals("Abnormal Inputs")) {
        Map<String, Object> pcc = new LinkedHashMap<>();
        pcc.put("severity_thresholds", null);
        pcc.put("min_num_samples", 5);
        expected.put("performance_change_config", pcc);
      }
      assertThat(tc.paramsFor(t).asMap()).as(t.id()).isEqualTo(expected);
    }
    // An object given as null is its default too (RIME's configs write "params": null).
    Map<String, Object> objects = new LinkedHashMap<>();
    java.util.HashMap<String, Object> labelDrift = new java.util.HashMap<>();
    labelDrift.put("params", null);
    objects.put("categorical_label_drift", labelDrift);
    StressTest t = TestCatalogue.byId("categorical_label_drift").orElseThrow();
    assertThat(TestRunConfig.parse(withTests(objects)).testsConfig().paramsFor(t).asMap())
        .isEqualTo(t.defaultParams());
    // Null is not a wildcard for a wrong value: a value that is given is still checked.
    rejects(
        withTests(Map.of("continuous_drift", Map.of("num_bins", "many"))),
        "tests_config.continuous_drift.num_bins");
  }

  @Test
  void parametersMergeDefaultsGlobalAndOwn() {
    Map<String, Object> tests = new LinkedHashMap<>();
    tests.put(
        "global_abnormal_inputs_performance_change_config",
        Map.of("severity_thresholds", List.of(0.1, 0.2, 0.3), "min_num_samples", 5));
    tests.put("null_check", Map.of("performance_change_config", Map.of("min_num_samples", 7)));
    tests.put("global_exclude_columns", List.of("a"));
    tests.put("out_of_range", Map.of("exclude_columns", List.of("b"), "std_factor", 2));
    TestsConfig tc = TestRunConfig.parse(withTests(tests)).testsConfig();

    TestParams nullCheck = tc.paramsFor(TestCatalogue.byId("null_check").orElseThrow());
    TestParams pcc = nullCheck.object("performance_change_config");
    assertThat(pcc.integer("min_num_samples")).isEqualTo(7);
    assertThat(pcc.thresholds("severity_thresholds").toList()).containsExactly(0.1, 0.2, 0.3);
    assertThat(nullCheck.excludeColumns()).containsExactly("a");

    TestParams oor = tc.paramsFor(TestCatalogue.byId("out_of_range").orElseThrow());
    assertThat(oor.number("std_factor")).isEqualTo(2.0);
    assertThat(oor.excludeColumns()).containsExactly("a", "b");
    assertThat(oor.object("performance_change_config").integer("min_num_samples")).isEqualTo(5);
  }

  private static Map<String, Object> withContinuous(Object info) {
    Map<String, Object> c = minimal();
    c.put("continuous_info", info);
    return c;
  }

  @Test
  void continuousInfoGivesTheColumnAndTheBinSizeInSeconds() {
    TestRunConfig hourly =
        TestRunConfig.parse(withContinuous(Map.of("timestamp_col", "ts", "bin_size", "hour")));
    TestRunConfig daily =
        TestRunConfig.parse(withContinuous(Map.of("timestamp_col", "ts", "bin_size", "day")));

    assertThat(hourly.continuousInfo()).isEqualTo(new ContinuousInfo("ts", "hour"));
    assertThat(hourly.continuousInfo().binSizeSeconds()).isEqualTo(3600);
    assertThat(daily.continuousInfo().binSizeSeconds()).isEqualTo(86400);
    assertThat(TestRunConfig.parse(minimal()).continuousInfo()).isNull();
  }

  @Test
  void continuousInfoErrorsNameTheKey() {
    rejects(
            withContinuous(Map.of("timestamp_col", "ts", "bin_size", "week")),
            "continuous_info.bin_size")
        .hasMessage(
            "continuous_info.bin_size: 'week': expected 'hour' or 'day' (bins aligned in UTC)");
    rejects(withContinuous(Map.of("bin_size", "day")), "continuous_info.timestamp_col")
        .hasMessageContaining("required key is missing");
    rejects(withContinuous(Map.of("timestamp_col", "ts")), "continuous_info.bin_size")
        .hasMessageContaining("required key is missing");
    rejects(
            withContinuous(Map.of("timestamp_col", " ", "bin_size", "day")),
            "continuous_info.timestamp_col")
        .hasMessageContaining("must not be empty");
    rejects(
        withContinuous(Map.of("timestamp_col", 3, "bin_size", "day")),
        "continuous_info.timestamp_col");
    rejects(
            withContinuous(Map.of("timestamp_col", "ts", "bin_size", "day", "bin_sise", "x")),
            "continuous_info.bin_sise")
        .hasMessageContaining("did you mean bin_size?");
    rejects(withContinuous("ts"), "continuous_info");
  }
}
