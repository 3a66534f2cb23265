// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestCatalogue;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import dev.rime.engine.tests.transformations.Transformations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config's {@code tests_config}: which categories and tests run, and their parameters.
 *
 * <p>Selection: the categories run are those listed in {@code categories}, plus the default
 * categories ({@link TestCatalogue#DEFAULT_CATEGORIES}) when {@code run_default} is true; {@code
 * run_default} defaults to true when no categories are listed and to false otherwise. A test's own
 * {@code "run": true} runs it whatever its category; {@code "run": false} never runs it.
 *
 * @param categories categories listed, in order (may be empty)
 * @param runDefault {@code run_default} as given, or null
 * @param globalExcludeColumns columns no test looks at
 * @param globalAbnormalPerformanceChange overrides of every abnormal-input test's {@code
 *     performance_change_config}
 * @param globalTransformationPerformanceChange overrides of every transformation test's {@code
 *     performance_change_config}
 * @param globalDriftScalingFactor {@code global_drift_scaling_factor} (0.005)
 * @param overrides each test's own object, by test id
 */
public record TestsConfig(
    List<String> categories,
    Boolean runDefault,
    List<String> globalExcludeColumns,
    Map<String, Object> globalAbnormalPerformanceChange,
    Map<String, Object> globalTransformationPerformanceChange,
    double globalDriftScalingFactor,
    Map<String, Map<String, Object>> overrides) {

  /** Default {@code global_drift_scaling_factor}. */
  public static final double DEFAULT_DRIFT_SCALING_FACTOR = 0.005;

  private static final List<String> GLOBAL_KEYS =
      List.of(
          "categories",
          "run_default",
          "global_exclude_columns",
          "global_abnormal_inputs_performance_change_config",
          "global_transformation_performance_change_config",
          "global_drift_scaling_factor");

  private static final Map<String, String> UNSUPPORTED =
      Map.of(
          "custom_tests",
          "custom tests come in a later issue",
          "dynamic_configs",
          "dynamic configs come in a later issue");

  private static final Map<String, String> UNSUPPORTED_CATEGORIES =
      Map.of("Compliance", "it comes in a later issue");

  /** No {@code tests_config}: the default categories with default parameters. */
  public static TestsConfig defaults() {
    return new TestsConfig(
        List.of(), null, List.of(), Map.of(), Map.of(), DEFAULT_DRIFT_SCALING_FACTOR, Map.of());
  }

  /** Parses and validates a {@code tests_config} object found at dotted {@code path}. */
  public static TestsConfig parse(ConfigNode n) {
    Set<String> known = new LinkedHashSet<>(GLOBAL_KEYS);
    known.addAll(TestCatalogue.ids());
    n.checkKeys(known, UNSUPPORTED);

    List<String> categories = n.strings("categories");
    categories = categories == null ? List.of() : categories;
    for (String c : categories) {
      if (UNSUPPORTED_CATEGORIES.containsKey(c)) {
        throw new ConfigException(
            n.key("categories"),
            "category '" + c + "' is not supported yet: " + UNSUPPORTED_CATEGORIES.get(c));
      }
      if (!TestCatalogue.CATEGORIES.contains(c)) {
        List<String> all = new ArrayList<>(TestCatalogue.CATEGORIES);
        all.addAll(UNSUPPORTED_CATEGORIES.keySet());
        throw new ConfigException(
            n.key("categories"), "'" + c + "': " + Suggest.unknown("category", c, all));
      }
    }
    List<String> exclude = n.strings("global_exclude_columns");
    ConfigNode abnormal = n.object("global_abnormal_inputs_performance_change_config");
    Param.performanceChangeConfig().validate(abnormal.path(), abnormal.map());
    ConfigNode transformation = n.object("global_transformation_performance_change_config");
    Transformations.performanceChangeConfig().validate(transformation.path(), transformation.map());
    Double scaling = n.number("global_drift_scaling_factor", Range.POSITIVE);

    Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
    for (StressTest t : TestCatalogue.all()) {
      if (n.containsKey(t.id())) {
        ConfigNode o = n.object(t.id());
        validateOverride(t, o);
        overrides.put(t.id(), o.map());
      }
    }
    TestsConfig config =
        new TestsConfig(
            categories,
            n.bool("run_default"),
            exclude == null ? List.of() : exclude,
            abnormal.map(),
            transformation.map(),
            scaling == null ? DEFAULT_DRIFT_SCALING_FACTOR : scaling,
            overrides);
    for (StressTest t : TestCatalogue.all()) {
      t.checkParams(config.paramsFor(t));
    }
    return config;
  }

  private static void validateOverride(StressTest t, ConfigNode o) {
    o.bool("run");
    o.strings("exclude_columns");
    List<String> names = new ArrayList<>(List.of("run", "exclude_columns"));
    t.params().forEach(p -> names.add(p.key()));
    for (Map.Entry<String, Object> e : o.map().entrySet()) {
      String k = e.getKey();
      if (k.equals("run") || k.equals("exclude_columns")) {
        continue;
      }
      Param p =
          t.params().stream()
              .filter(x -> x.key().equals(k))
              .findFirst()
              .orElseThrow(
                  () -> new ConfigException(o.key(k), Suggest.unknown("parameter", k, names)));
      p.validate(o.key(k), e.getValue());
    }
  }

  /** The categories that run by default (no categories listed or {@code run_default} true). */
  public Set<String> selectedCategories() {
    return selectedCategories(false);
  }

  /**
   * The categories that run, for a run with a model to call or without: the default ones include
   * {@link TestCatalogue#MODEL_DEFAULT_CATEGORIES} only with a model (ADR 0017).
   */
  public Set<String> selectedCategories(boolean withModel) {
    Set<String> out = new LinkedHashSet<>(categories);
    boolean defaults = runDefault != null ? runDefault : categories.isEmpty();
    if (defaults) {
      out.addAll(TestCatalogue.DEFAULT_CATEGORIES);
      if (withModel) {
        out.addAll(TestCatalogue.MODEL_DEFAULT_CATEGORIES);
      }
    }
    return out;
  }

  /** The tests of {@code catalogue} that this config runs, in catalogue order, for any task. */
  public List<StressTest> select(List<StressTest> catalogue) {
    return select(catalogue, null);
  }

  /**
   * The tests of {@code catalogue} that this config runs for a model of {@code task} (null: any),
   * in catalogue order: those of the selected categories that apply to the task, and those asked
   * for by name ({@code run: true}) whatever the task.
   */
  public List<StressTest> select(List<StressTest> catalogue, ModelTask task) {
    return select(catalogue, task, false);
  }

  /**
   * {@link #select(List, ModelTask)} for a run that has a model to call ({@code withModel}) or not:
   * a category's tests whose RIME default is off ({@link StressTest#runsByDefault()} false) run
   * only when asked for by name.
   */
  public List<StressTest> select(List<StressTest> catalogue, ModelTask task, boolean withModel) {
    Set<String> cats = selectedCategories(withModel);
    List<StressTest> out = new ArrayList<>();
    for (StressTest t : catalogue) {
      Object run = overrides.getOrDefault(t.id(), Map.of()).get("run");
      boolean selected =
          run instanceof Boolean
              ? (Boolean) run
              : cats.contains(t.category())
                  && t.runsByDefault()
                  && (task == null || t.tasks().contains(task));
      if (selected) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The parameters {@code test} runs with: defaults ← global settings ← its own object. A null
   * value, at any level, leaves the default in place: null means the default.
   */
  @SuppressWarnings("unchecked")
  public TestParams paramsFor(StressTest test) {
    Map<String, Object> values = new LinkedHashMap<>(test.defaultParams());
    Map<String, Object> own = overrides.getOrDefault(test.id(), Map.of());
    for (Param p : test.params()) {
      if (p.kind() != Param.Kind.OBJECT) {
        if (own.get(p.key()) != null) {
          values.put(p.key(), own.get(p.key()));
        }
        continue;
      }
      Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) p.defaultValue());
      if (p.key().equals("performance_change_config")
          && test.category().equals("Abnormal Inputs")) {
        putGiven(merged, globalAbnormalPerformanceChange);
      }
      if (p.key().equals("performance_change_config")
          && test.category().equals(Transformations.CATEGORY)) {
        putGiven(merged, globalTransformationPerformanceChange);
      }
      if (own.get(p.key()) instanceof Map) {
        putGiven(merged, (Map<String, Object>) own.get(p.key()));
      }
      values.put(p.key(), merged);
    }
    List<String> exclude = new ArrayList<>(globalExcludeColumns);
    Object ownExclude = own.get("exclude_columns");
    if (ownExclude instanceof List) {
      ((List<Object>) ownExclude).forEach(c -> exclude.add((String) c));
    }
    return new TestParams("tests_config." + test.id(), values, exclude);
  }

  /** Puts the non-null values of {@code given} into {@code into} (null means the default). */
  private static void putGiven(Map<String, Object> into, Map<String, Object> given) {
    given.forEach(
        (k, v) -> {
          if (v != null) {
            into.put(k, v);
          }
        });
  }

  /** Default {@code [s, 4s, 10s]} drift impact thresholds from the scaling factor s. */
  public Thresholds driftImpactThresholds() {
    double s = globalDriftScalingFactor;
    return Thresholds.of(s, 4 * s, 10 * s);
  }
}
