// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.TestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tiny named fixtures of the Bias and Fairness tests. */
final class Tiny {

  private Tiny() {}

  /**
   * A context over two CSV files (header first) with label {@code y}, prediction {@code pred} when
   * the header has them, and the protected features given.
   */
  static TestContext context(
      Db db, Path dir, List<String> ref, List<String> eval, List<String> protectedFeatures) {
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    List<String> header = List.of(ref.get(0).split(","));
    Map<String, Object> config =
        Fixtures.config(
            "ref.csv",
            "eval.csv",
            header.contains("y") ? "y" : null,
            header.contains("pred") ? "pred" : null);
    Fixtures.dataInfo(config).put("protected_features", protectedFeatures);
    return Fixtures.context(db, config, dir);
  }

  /** A header and {@code n} copies of each of the rows given as {@code row, n, row, n, …}. */
  static List<String> rows(String header, Object... rowsAndCounts) {
    List<String> out = new ArrayList<>(List.of(header));
    for (int i = 0; i < rowsAndCounts.length; i += 2) {
      for (int k = 0; k < (Integer) rowsAndCounts[i + 1]; k++) {
        out.add((String) rowsAndCounts[i]);
      }
    }
    return out;
  }
}
