// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The config's {@code model_info}: the model file the engine calls, and how.
 *
 * @param path the model file as given (a path or a {@code file://} URI); the engine resolves it
 *     against its base directory like the data paths
 * @param runtime what runs it, from the file's extension
 * @param className for a {@code .jar}: the class implementing {@code dev.rime.api.model.Model}
 * @param batchSize rows per call to the model ({@value #DEFAULT_BATCH_SIZE} by default)
 * @param timeout how long one call (one batch) may take before the model is stopped ({@value
 *     #DEFAULT_TIMEOUT_SECONDS} s by default)
 */
public record ModelInfo(
    String path, Runtime runtime, String className, int batchSize, Duration timeout) {

  /** What runs a model file. */
  public enum Runtime {
    /** A {@code .py} file, in a child Python process. */
    PYTHON("Python"),
    /** A {@code .onnx} file, through ONNX Runtime in the job's JVM. */
    ONNX("ONNX"),
    /** A {@code .jar} and a class implementing {@code dev.rime.api.model.Model}, in the JVM. */
    JAVA("Java");

    private final String displayName;

    Runtime(String displayName) {
      this.displayName = displayName;
    }

    public String displayName() {
      return displayName;
    }
  }

  public static final int DEFAULT_BATCH_SIZE = 50_000;
  public static final int DEFAULT_TIMEOUT_SECONDS = 300;

  static final List<String> KEYS = List.of("path", "class_name", "batch_size", "timeout_seconds");

  /** {@code model_info}, or null when it is absent or null ({@code given} false). */
  static ModelInfo parse(ConfigNode n, boolean given) {
    if (!given) {
      return null;
    }
    n.checkKeys(KEYS, Map.of());
    String path = n.requireString("path");
    String className = n.string("class_name");
    Runtime runtime = runtime(n.key("path"), path);
    if (runtime == Runtime.JAVA) {
      if (className == null) {
        throw new ConfigException(
            n.key("class_name"),
            "required for a .jar model: the class implementing dev.rime.api.model.Model, e.g."
                + " com.example.FraudModel");
      }
      if (!className.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
        throw new ConfigException(
            n.key("class_name"), "'" + className + "' is not a Java class name");
      }
    } else if (className != null) {
      throw new ConfigException(
          n.key("class_name"),
          "only for a .jar model; " + path + " is a " + runtime.displayName() + " model");
    }
    Long batch = n.integer("batch_size", Range.closed(1, 10_000_000));
    Double timeout = n.number("timeout_seconds", new Range(0, true, 86_400, false));
    return new ModelInfo(
        path,
        runtime,
        className,
        batch == null ? DEFAULT_BATCH_SIZE : batch.intValue(),
        timeout == null
            ? Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS)
            : Duration.ofNanos(Math.round(timeout * 1e9)));
  }

  private static Runtime runtime(String key, String path) {
    String name = path.toLowerCase(Locale.ROOT);
    if (name.endsWith(".py")) {
      return Runtime.PYTHON;
    }
    if (name.endsWith(".onnx")) {
      return Runtime.ONNX;
    }
    if (name.endsWith(".jar")) {
      return Runtime.JAVA;
    }
    throw new ConfigException(
        key,
        "unsupported model file '"
            + path
            + "': expected a Python file (.py), an ONNX file (.onnx) or a jar (.jar, with"
            + " model_info.class_name)");
  }
}
