// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import dev.rime.engine.config.TestRunConfig;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.TestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small named fixtures shared by the engine's tests. */
public final class Fixtures {

  private Fixtures() {}

  /** Writes a CSV file of the given lines (header first). */
  public static Path csv(Path dir, String name, String... lines) {
    try {
      Path p = dir.resolve(name);
      Files.writeString(p, String.join("\n", lines) + "\n");
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a CSV file of the given lines (header first). */
  public static Path csv(Path dir, String name, List<String> lines) {
    return csv(dir, name, lines.toArray(new String[0]));
  }

  /** A minimal mutable config: run name and data_info with the given paths and columns. */
  public static Map<String, Object> config(String ref, String eval, String label, String pred) {
    Map<String, Object> dataInfo = new LinkedHashMap<>();
    dataInfo.put("ref_path", ref);
    dataInfo.put("eval_path", eval);
    if (label != null) {
      dataInfo.put("label_col", label);
    }
    if (pred != null) {
      dataInfo.put("pred_col", pred);
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("run_name", "fixture");
    config.put("data_info", dataInfo);
    return config;
  }

  /** The data_info object of a config made by {@link #config}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> dataInfo(Map<String, Object> config) {
    return (Map<String, Object>) config.get("data_info");
  }

  /** Loads a config's data into {@code db} as the engine does and returns the test context. */
  public static TestContext context(Db db, Map<String, Object> config, Path baseDir) {
    return Engine.load(db, TestRunConfig.parse(config), baseDir);
  }
}
