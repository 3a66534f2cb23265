// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import dev.rime.engine.Engine;
import dev.rime.engine.Fixtures;
import dev.rime.engine.config.ConfigNode;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.TestsConfig;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestCatalogue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which attacks run: by default only with a model, and only RIME's default-on ones. */
class AttacksSelectionTest {

  private static List<String> attacks(TestsConfig c, boolean withModel) {
    return c.select(TestCatalogue.all(), ModelTask.BINARY_CLASSIFICATION, withModel).stream()
        .filter(t -> t.category().equals("Attacks"))
        .map(StressTest::id)
        .toList();
  }

  @Test
  void defaultsRunTheBoundedAttacksOnlyWithAModel() {
    assertThat(attacks(TestsConfig.defaults(), false)).isEmpty();
    assertThat(attacks(TestsConfig.defaults(), true))
        .containsExactly("sensitivity", "multi_feat_sensitivity");
  }

  @Test
  void listingTheCategoryRunsTheDefaultOnOnesAndRunTrueAddsTheOthers() {
    TestsConfig listed =
        TestsConfig.parse(new ConfigNode("tests_config", Map.of("categories", List.of("Attacks"))));
    assertThat(attacks(listed, false)).containsExactly("sensitivity", "multi_feat_sensitivity");
    TestsConfig named =
        TestsConfig.parse(
            new ConfigNode(
                "tests_config",
                Map.of(
                    "categories",
                    List.of("Attacks"),
                    "vulnerability",
                    Map.of("run", true, "search_count", 20),
                    "multi_feat_sensitivity",
                    Map.of("run", false, "l0", 2))));
    assertThat(attacks(named, false)).containsExactly("vulnerability", "sensitivity");
  }

  @Test
  void listedWithoutAModelTheRunHasSkipCases(@TempDir Path dir) {
    Fixtures.csv(dir, "ref.csv", "x,y", "1,0", "2,1");
    Fixtures.csv(dir, "eval.csv", "x,y", "1,0", "2,1");
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "y", null);
    config.put("tests_config", Map.of("categories", List.of("Attacks")));
    TestRunResult result = Engine.run(config, dir, null);
    assertThat(result.testCases())
        .extracting(TestCase::testBatchType, TestCase::status)
        .containsExactly(
            tuple("Bounded Single-Feature Changes", TestStatus.SKIP),
            tuple("Bounded Multi-Feature Changes", TestStatus.SKIP));
    assertThat(result.testCases().get(0).description())
        .isEqualTo("Skipped: no model: model_info.path is not set (the test calls the model)");
  }

  @Test
  void defaultParametersAreRimes() {
    assertThat(new BoundedSingleFeatureChangesTest().defaultParams())
        .containsEntry("linf_constraint", 0.01)
        .containsEntry("sample_size", 10)
        .containsEntry("severity_thresholds", List.of(0.05, 0.15, 0.25));
    assertThat(new BoundedMultiFeatureChangesTest().defaultParams())
        .containsEntry("l0", 3)
        .containsEntry("linf", 0.01);
    assertThat(new SingleFeatureChangesTest().defaultParams())
        .containsEntry("sample_size", 10)
        .containsEntry("search_count", 10);
    assertThat(new MultiFeatureChangesTest().defaultParams()).containsEntry("l0", 3);
  }
}
