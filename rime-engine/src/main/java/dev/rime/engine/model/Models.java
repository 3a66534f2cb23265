// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import dev.rime.engine.config.ModelInfo;
import dev.rime.engine.config.ModelTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Opens the model {@code model_info} names, by its runtime: a {@code .onnx} file through {@link
 * OnnxModelAdapter}, a {@code .jar} and class through {@link JavaModelAdapter}, a {@code .py} file
 * through the Python runtime ({@link #setPythonRuntime}).
 */
public final class Models {

  /** Opens a Python model file: {@code (model file, batch size, timeout per batch) -> adapter}. */
  @FunctionalInterface
  public interface PythonRuntime {
    ModelAdapter open(Path modelFile, int batchSize, Duration timeout);
  }

  /** The Python runner in the project's (or {@code $RIME_PYTHON}'s) environment (ADR 0014). */
  private static final PythonRuntime RUNNER =
      (file, batchSize, timeout) ->
          new PythonModelAdapter(PythonModelAdapter.defaultPython(), file, batchSize, timeout);

  private static volatile PythonRuntime python = RUNNER;

  private Models() {}

  /** Sets how {@code .py} models are opened (the Python runner; tests may set their own). */
  public static void setPythonRuntime(PythonRuntime runtime) {
    python = Objects.requireNonNull(runtime);
  }

  /** The Python runtime in use. */
  public static PythonRuntime pythonRuntime() {
    return python;
  }

  /**
   * Opens a model.
   *
   * @param info {@code model_info}
   * @param file the model file, resolved
   * @param task the model task (what the output must be)
   * @param columns the columns the model is given, name to DuckDB type, in file order (an ONNX
   *     model's inputs are mapped to them once, here)
   * @throws ModelException when the model cannot be opened
   */
  public static ModelAdapter open(
      ModelInfo info, Path file, ModelTask task, Map<String, String> columns) {
    switch (info.runtime()) {
      case ONNX:
        return new OnnxModelAdapter(file, task, columns, info.batchSize(), info.timeout());
      case JAVA:
        return new JavaModelAdapter(file, info.className(), task, info.batchSize(), info.timeout());
      case PYTHON:
      default:
        return python.open(file, info.batchSize(), info.timeout());
    }
  }
}
