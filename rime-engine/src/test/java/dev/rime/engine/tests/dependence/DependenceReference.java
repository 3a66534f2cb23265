// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import dev.rime.api.Json;
import dev.rime.engine.Fixtures;
import dev.rime.engine.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The correlation and mutual information values numpy, scipy and scikit-learn computed for {@code
 * dep_ref.csv} / {@code dep_eval.csv} ({@code src/test/resources/reference/dependence.py}, output
 * {@code dependence.json}), and the correlation drift rule's p-values from scipy and statsmodels
 * ({@code correlation_drift.py}, output {@code correlation_drift.json}).
 */
public final class DependenceReference {

  private static final Map<String, Object> EXPECTED = load("dependence.json");

  private static final Map<String, Object> CORRELATION_DRIFT = load("correlation_drift.json");

  private DependenceReference() {}

  /** A config over the two datasets with the label {@code label} and no predictions. */
  public static Map<String, Object> config() {
    return Fixtures.config("dep_ref.csv", "dep_eval.csv", "label", null);
  }

  /** The folder holding the datasets. */
  public static java.nio.file.Path dir() {
    return Reference.dir();
  }

  /** A top-level object of the expected values, e.g. {@code pearson}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> section(String name) {
    return (Map<String, Object>) EXPECTED.get(name);
  }

  /** A top-level object of {@code correlation_drift.json}, e.g. {@code twelve_rows}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> correlationDrift(String name) {
    return (Map<String, Object>) CORRELATION_DRIFT.get(name);
  }

  /** One entry of a section, e.g. {@code ("pearson", "x|y")}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> entry(String section, String key) {
    return (Map<String, Object>) section(section).get(key);
  }

  /** A number of an entry by key, or at a dotted path inside it, e.g. {@code ref.r}. */
  @SuppressWarnings("unchecked")
  public static double number(Map<String, Object> entry, String path) {
    if (entry.containsKey(path)) {
      return ((Number) entry.get(path)).doubleValue();
    }
    Object v = entry;
    for (String part : path.split("\\.")) {
      v = ((Map<String, Object>) v).get(part);
    }
    return ((Number) v).doubleValue();
  }

  private static Map<String, Object> load(String file) {
    try (InputStream in = DependenceReference.class.getResourceAsStream("/reference/" + file)) {
      return Json.lenient().readValue(in, Json.MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
