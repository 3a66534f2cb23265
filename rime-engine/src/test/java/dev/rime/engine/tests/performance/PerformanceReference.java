// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.performance;

import dev.rime.api.Json;
import dev.rime.engine.Fixtures;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.TestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Model Performance reference datasets (a reference and an evaluation file per model task) and
 * the values numpy and scikit-learn computed for them ({@code
 * src/test/resources/reference/performance/performance.py}, output {@code performance.json}).
 */
final class PerformanceReference {

  static final Path DIR = dir();
  private static final Map<String, Object> EXPECTED = load();

  private PerformanceReference() {}

  private static Path dir() {
    try {
      return Path.of(
              PerformanceReference.class
                  .getResource("/reference/performance/performance.json")
                  .toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> load() {
    try {
      return Json.lenient().readValue(DIR.resolve("performance.json").toFile(), Json.MAP);
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("cannot read performance.json", e));
    }
  }

  /** The section of a task: {@code binary}, {@code multiclass} or {@code regression}. */
  static String section(ModelTask task) {
    return switch (task) {
      case BINARY_CLASSIFICATION -> "binary";
      case MULTI_CLASS_CLASSIFICATION -> "multiclass";
      default -> "regression";
    };
  }

  /** A value by path, e.g. {@code get(task, "atc", "threshold")}. */
  @SuppressWarnings("unchecked")
  static Object get(ModelTask task, String... path) {
    Object o = EXPECTED.get(section(task));
    for (String key : path) {
      o = ((Map<String, Object>) o).get(key);
    }
    return o;
  }

  static double number(ModelTask task, String... path) {
    return ((Number) get(task, path)).doubleValue();
  }

  /** The config of a task's reference and evaluation files. */
  static Map<String, Object> config(ModelTask task) {
    String s = section(task);
    Map<String, Object> c =
        Fixtures.config(
            s + "_ref.csv",
            s + "_eval.csv",
            "y",
            task == ModelTask.MULTI_CLASS_CLASSIFICATION ? null : "p");
    c.put("model_task", task.displayName());
    if (task == ModelTask.MULTI_CLASS_CLASSIFICATION) {
      Fixtures.dataInfo(c).put("ref_pred_path", "multiclass_ref_probs.csv");
      Fixtures.dataInfo(c).put("eval_pred_path", "multiclass_eval_probs.csv");
    }
    return c;
  }

  /** The task's data loaded as the engine loads it. */
  static TestContext context(Db db, ModelTask task) {
    return Fixtures.context(db, config(task), DIR);
  }
}
