// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import dev.rime.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The reference datasets and the values numpy / pandas / scikit-learn computed for them, from
 * {@code src/test/resources/reference/} (script {@code make_reference.py}, output {@code
 * expected.json}; script {@code drift_significance.py}, output {@code drift_significance.json}).
 */
public final class Reference {

  private static final Map<String, Object> EXPECTED = load("expected.json");

  private static final Map<String, Object> SIGNIFICANCE = load("drift_significance.json");

  private static final Map<String, Object> METHODS = load("drift_methods.json");
  private static final Map<String, Object> ABNORMAL = load("abnormal_inputs.json");

  private Reference() {}

  /** The folder holding {@code ref.csv} and {@code eval.csv}. */
  public static Path dir() {
    try {
      return Path.of(Reference.class.getResource("/reference/ref.csv").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A config over the reference datasets with label and predictions. */
  public static Map<String, Object> config() {
    return Fixtures.config("ref.csv", "eval.csv", "label", "pred");
  }

  public static double number(String key) {
    return ((Number) EXPECTED.get(key)).doubleValue();
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(String key) {
    return (List<Object>) EXPECTED.get(key);
  }

  /**
   * One example of {@code drift_significance.json} (script {@code drift_significance.py}): counts,
   * PSI, the tail probability {@code P(PSI_sim >= PSI)} and the mean simulated PSI under "no
   * drift", exact or from numpy's multinomial sampler.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> significance(String example) {
    return (Map<String, Object>) SIGNIFICANCE.get(example);
  }

  /**
   * One entry of {@code drift_methods.json} (script {@code drift_methods.py}): scipy's KS, kstwo,
   * Wasserstein, Jensen-Shannon and chi-squared values and statsmodels' proportion z-tests.
   */
  public static Object methods(String key) {
    return METHODS.get(key);
  }

  /** An object of {@code drift_methods.json}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> methodsObject(String key) {
    return (Map<String, Object>) METHODS.get(key);
  }

  /** A nested object of {@code drift_methods.json}, e.g. {@code methods("ks", "reference")}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> methods(String key, String inner) {
    return (Map<String, Object>) ((Map<String, Object>) METHODS.get(key)).get(inner);
  }

  /**
   * One value of {@code abnormal_inputs.json} (script {@code abnormal_inputs.py}, data {@code
   * abnormal_ref.csv} and {@code abnormal_eval.csv}): numpy / pandas / scipy's numeric outlier
   * thresholds, rare categories, Cramér's V and inconsistent value pairs.
   */
  public static Object abnormal(String key) {
    return ABNORMAL.get(key);
  }

  private static Map<String, Object> load(String name) {
    try (InputStream in = Reference.class.getResourceAsStream("/reference/" + name)) {
      return Json.lenient().readValue(in, Json.MAP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
