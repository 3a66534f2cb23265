// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Reads a stress-test config file and makes its file paths absolute against the file's folder, so
 * that a server on the same machine, running in another working directory, finds the files. The
 * paths resolved: every {@code *_path} key of {@code data_info} ({@code ref_path}, {@code
 * eval_path}, {@code ref_pred_path}, {@code feature_type_path}, ...), {@code model_info.path} and
 * every top-level {@code *_path} key ({@code tests_config_path}; an incremental continuous test's
 * {@code eval_path} and {@code eval_pred_path}). URLs ({@code s3://}, {@code file:}, any {@code
 * scheme://}) and absolute paths are left alone.
 */
final class ConfigFiles {

  /** A URL ({@code s3://...}) or a {@code file:} URI (the engine also takes {@code file:/a/b}). */
  private static final Pattern URL =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://|file:).*", Pattern.DOTALL);

  private ConfigFiles() {}

  static Map<String, Object> load(Path file) throws IOException {
    String text = Files.readString(file);
    Map<String, Object> config;
    try {
      config = Json.lenient().readValue(text, Json.MAP);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "config file " + file + " is not a JSON object: " + e.getOriginalMessage(), e);
    }
    if (config == null) {
      throw new IllegalArgumentException("config file " + file + " is not a JSON object");
    }
    Path folder = file.toAbsolutePath().normalize().getParent();
    resolvePathKeys(config.get("data_info"), folder);
    Object modelInfo = config.get("model_info");
    if (modelInfo instanceof Map) {
      resolveKey(asMap(modelInfo), "path", folder);
    }
    // tests_config_path, and an incremental continuous test's eval_path and eval_pred_path
    resolvePathKeys(config, folder);
    return config;
  }

  private static void resolvePathKeys(Object section, Path folder) {
    if (!(section instanceof Map)) {
      return;
    }
    Map<String, Object> map = asMap(section);
    for (String key : map.keySet()) {
      if (key.endsWith("_path")) {
        resolveKey(map, key, folder);
      }
    }
  }

  private static void resolveKey(Map<String, Object> map, String key, Path folder) {
    Object value = map.get(key);
    if (value instanceof String) {
      map.put(key, resolve((String) value, folder));
    }
  }

  /** {@code value} made absolute against {@code folder}, unless it is a URL or absolute already. */
  static String resolve(String value, Path folder) {
    if (value.isBlank() || URL.matcher(value).matches()) {
      return value;
    }
    try {
      Path p = Path.of(value);
      return p.isAbsolute() ? value : folder.resolve(p).normalize().toString();
    } catch (InvalidPathException e) {
      return value;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }
}
