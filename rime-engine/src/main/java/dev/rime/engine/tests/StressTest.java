// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One test of the catalogue. A test measures (SQL on the loaded tables through the {@link
 * TestContext}, statistics in Java), then judges the measurements against named thresholds from its
 * {@link TestParams}. It does no I/O of its own and prints nothing.
 *
 * <p>{@link #run} may throw: the engine turns the exception into one failed test case and goes on.
 * Guards such as {@link TestContext#requireLabels()} throw {@link SkipTest}, which becomes a SKIP
 * case with the reason.
 */
public interface StressTest {

  /** Stable id, RIME's config key, e.g. {@code unseen_categorical}. */
  String id();

  /** Display name, used as {@code test_batch_type}, e.g. {@code Unseen Categorical}. */
  String displayName();

  /** Category, e.g. {@code Abnormal Inputs}. */
  String category();

  /**
   * The model tasks the test applies to (all by default). A category selects the test only for
   * these; a test asked for by name ({@code run: true}) on another task runs and SKIPs with the
   * reason.
   */
  default Set<ModelTask> tasks() {
    return EnumSet.allOf(ModelTask.class);
  }

  /**
   * Whether the test runs when its category is selected (RIME's default {@code run}); a test whose
   * default is off (e.g. {@code vulnerability}, Out of Range Substitution) runs only with {@code
   * "run": true}.
   */
  default boolean runsByDefault() {
    return true;
  }

  /** The parameters a {@code tests_config} override may set, with RIME's defaults. */
  List<Param> params();

  /** The parameters' defaults as a JSON-shaped map. */
  default Map<String, Object> defaultParams() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Param p : params()) {
      if (p.kind() != Param.Kind.UNSUPPORTED) {
        out.put(p.key(), p.defaultValue());
      }
    }
    return out;
  }

  /**
   * Checks that go beyond one parameter's range, on the parameters the test would run with (e.g.
   * two parameters that together could never fail). Called when the config is parsed.
   *
   * @throws dev.rime.engine.config.ConfigException naming the key at fault
   */
  default void checkParams(TestParams params) {}

  /** Runs the test on the context's data: one or more test cases, never an empty list. */
  List<TestCase> run(TestContext ctx, TestParams params);
}
