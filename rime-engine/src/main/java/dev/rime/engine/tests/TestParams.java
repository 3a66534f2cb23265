// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters one test runs with: its defaults, overridden by the global settings of {@code
 * tests_config}, overridden by the test's own object in {@code tests_config}. Values were validated
 * against the test's {@link Param}s when the config was parsed.
 */
public final class TestParams {

  private final String path;
  private final Map<String, Object> values;
  private final List<String> excludeColumns;

  public TestParams(String path, Map<String, Object> values, List<String> excludeColumns) {
    this.path = path;
    this.values = new LinkedHashMap<>(values);
    this.excludeColumns = List.copyOf(excludeColumns);
  }

  /** The defaults of a test, with nothing excluded. */
  public static TestParams defaults(StressTest test) {
    return new TestParams("tests_config." + test.id(), test.defaultParams(), List.of());
  }

  /** The dotted config key of a parameter, for messages. */
  public String key(String name) {
    return path + "." + name;
  }

  public double number(String name) {
    return ((Number) require(name)).doubleValue();
  }

  public int integer(String name) {
    return ((Number) require(name)).intValue();
  }

  public boolean bool(String name) {
    return (Boolean) require(name);
  }

  /**
   * A number parameter that may be null (e.g. {@code distance_threshold}: the method's default).
   */
  public Double optionalNumber(String name) {
    Object v = values.get(name);
    return v == null ? null : ((Number) v).doubleValue();
  }

  /** A {@link Param.Kind#CHOICE} parameter. */
  public String string(String name) {
    return (String) require(name);
  }

  /**
   * A {@link Param.Kind#STRINGS} parameter; null only for {@link Param#optionalStrings} left unset.
   */
  @SuppressWarnings("unchecked")
  public List<String> strings(String name) {
    Object v = values.get(name);
    return v == null ? null : List.copyOf((List<String>) v);
  }

  /**
   * Ascending thresholds; null only for a parameter whose default is null (e.g. {@code
   * performance_change_thresholds}, whose default the test derives), as null means the default.
   */
  public Thresholds thresholds(String name) {
    Object v = values.get(name);
    return v == null ? null : Thresholds.fromJson(key(name), v, false);
  }

  /** Ascending thresholds, or {@code fallback} when the parameter is null. */
  public Thresholds thresholds(String name, Thresholds fallback) {
    Thresholds t = thresholds(name);
    return t == null ? fallback : t;
  }

  /** Descending floors, or null when the parameter is null. */
  public Thresholds floors(String name) {
    Object v = values.get(name);
    return v == null ? null : Thresholds.fromJson(key(name), v, true);
  }

  /** A column map (validated: {@link Param.Kind#COLUMN_MAP}), by column name. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> columnMap(String name) {
    return new LinkedHashMap<>((Map<String, Object>) require(name));
  }

  /** A nested object parameter, e.g. {@code performance_change_config}. */
  @SuppressWarnings("unchecked")
  public TestParams object(String name) {
    return new TestParams(key(name), (Map<String, Object>) require(name), List.of());
  }

  /** Columns this test must not look at: {@code global_exclude_columns} plus its own. */
  public List<String> excludeColumns() {
    return excludeColumns;
  }

  /** The values as a JSON-shaped map (for test case details). */
  public Map<String, Object> asMap() {
    return new LinkedHashMap<>(values);
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("parameter " + key(name) + " has no value");
    }
    return v;
  }

  /** A copy with one value replaced (for tests and programmatic use). */
  public TestParams with(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(name, value);
    return new TestParams(path, copy, excludeColumns);
  }

  @Override
  public String toString() {
    return path + values;
  }
}
