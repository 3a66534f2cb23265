// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.List;

/** Helpers shared by the abnormal-input test classes: contexts without labels, picking cases. */
final class Cases {

  private Cases() {}

  /** A context over {@code ref} and {@code eval} in {@code dir}, no labels or predictions. */
  static TestContext ctx(Db db, Path dir, String ref, String eval) {
    return Fixtures.context(db, Fixtures.config(ref, eval, null, null), dir);
  }

  /** The one case of {@code test} whose features are exactly {@code features}. */
  static TestCase one(StressTest test, TestContext ctx, TestParams params, String... features) {
    return test.run(ctx, params).stream()
        .filter(c -> c.features().equals(List.of(features)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no case for " + List.of(features)));
  }

  /** {@link #one} with the test's default parameters. */
  static TestCase one(StressTest test, TestContext ctx, String... features) {
    return one(test, ctx, TestParams.defaults(test), features);
  }

  /** A metric of a case. */
  static double metric(TestCase c, String name) {
    return c.metrics().get(name);
  }
}
