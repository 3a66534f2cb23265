// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.ConfigNode;
import dev.rime.engine.config.TestsConfig;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestCatalogue;
import dev.rime.engine.tests.TestParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The category in {@code tests_config}: selection, defaults, parameters. */
class TransformationsSelectionTest {

  private static TestsConfig parse(Map<String, Object> map) {
    return TestsConfig.parse(new ConfigNode("tests_config", map));
  }

  @Test
  void theCategoryRunsEveryTestButOutOfRangeSubstitution() {
    List<String> ids =
        parse(Map.of("categories", List.of("Transformations"))).select(TestCatalogue.all()).stream()
            .map(StressTest::id)
            .toList();
    assertThat(ids).hasSize(16).doesNotContain("out_of_range_substitution");
    assertThat(ids).contains("null_substitution", "capitalization_change");
    assertThat(
            parse(Map.of("out_of_range_substitution", Map.of("run", true)))
                .select(TestCatalogue.all())
                .stream()
                .map(StressTest::id))
        .contains("out_of_range_substitution");
  }

  @Test
  void notADefaultCategory() {
    assertThat(TestsConfig.defaults().select(TestCatalogue.all()))
        .noneMatch(t -> t.category().equals(Transformations.CATEGORY));
  }

  @Test
  void rimesDefaultsAndTheGlobalAbnormalConfigStaysOut() {
    NullSubstitutionTest t = new NullSubstitutionTest();
    TestParams d = TestParams.defaults(t).object("performance_change_config");
    assertThat(d.bool("ignore_errors")).isFalse();
    assertThat(d.integer("num_samples_to_simulate")).isEqualTo(100);
    assertThat(d.thresholds("severity_thresholds")).isNull();
    TestParams p =
        parse(
                Map.of(
                    "global_abnormal_inputs_performance_change_config",
                    Map.of("severity_thresholds", List.of(0.2, 0.3, 0.4))))
            .paramsFor(t);
    assertThat(p.object("performance_change_config").thresholds("severity_thresholds")).isNull();
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "null_substitution",
                        Map.of("performance_change_config", Map.of("num_samples_to_simulate", 0)))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tests_config.null_substitution.performance_change_config");
  }

  @Test
  void theGlobalTransformationConfigAppliesUnderTheTestsOwn() {
    TestsConfig tc =
        parse(
            Map.of(
                "global_transformation_performance_change_config",
                Map.of("num_samples_to_simulate", 7, "ignore_errors", true),
                "null_substitution",
                Map.of("performance_change_config", Map.of("num_samples_to_simulate", 9))));
    TestParams own = tc.paramsFor(new NullSubstitutionTest()).object("performance_change_config");
    assertThat(own.integer("num_samples_to_simulate")).isEqualTo(9);
    assertThat(own.bool("ignore_errors")).isTrue();
    TestParams other =
        tc.paramsFor(new CapitalizationChangeTest()).object("performance_change_config");
    assertThat(other.integer("num_samples_to_simulate")).isEqualTo(7);
    // Not the abnormal-input tests'.
    assertThat(
            tc.paramsFor(TestCatalogue.byId("null_check").orElseThrow())
                .object("performance_change_config")
                .asMap())
        .doesNotContainKey("num_samples_to_simulate");
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "global_transformation_performance_change_config",
                        Map.of("min_num_samples", 3))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "tests_config.global_transformation_performance_change_config.min_num_samples");
  }
}
