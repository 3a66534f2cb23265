// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.api.Json;
import dev.rime.engine.Fixtures;
import dev.rime.engine.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Bias and Fairness reference datasets ({@code fairness_ref.csv}, {@code fairness_eval.csv})
 * and what numpy / scipy / scikit-learn computed for them ({@code fairness.py}, output {@code
 * fairness.json}).
 */
final class FairnessReference {

  private static final Map<String, Object> EXPECTED = load();

  private FairnessReference() {}

  /** The folder of the datasets. */
  static Path dir() {
    return Reference.dir();
  }

  /**
   * A config over the datasets: label, predictions, protected features sex, age and group (group
   * not used by the model).
   */
  static Map<String, Object> config() {
    Map<String, Object> config =
        Fixtures.config("fairness_ref.csv", "fairness_eval.csv", "label", "pred");
    Fixtures.dataInfo(config).put("protected_features", List.of("sex", "age", "group"));
    Fixtures.dataInfo(config).put("features_not_in_model", List.of("group"));
    return config;
  }

  /** A number at a path of keys, e.g. {@code number("chi_squared", "sex", "p_value")}. */
  @SuppressWarnings("unchecked")
  static double number(String... path) {
    Object o = EXPECTED;
    for (String key : path) {
      o = ((Map<String, Object>) o).get(key);
    }
    return ((Number) o).doubleValue();
  }

  /** An object at a path of keys, e.g. {@code object("group_metrics", "sex")}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String... path) {
    Object o = EXPECTED;
    for (String key : path) {
      o = ((Map<String, Object>) o).get(key);
    }
    return (Map<String, Object>) o;
  }

  private static Map<String, Object> load() {
    try (InputStream in = FairnessReference.class.getResourceAsStream("/reference/fairness.json")) {
      return Json.lenient().readValue(in, Json.MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
