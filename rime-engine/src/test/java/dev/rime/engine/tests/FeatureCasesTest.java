// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.FeatureType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureCasesTest {

  private static final StressTest TEST =
      new StressTest() {
        @Override
        public String id() {
          return "t";
        }

        @Override
        public String displayName() {
          return "T";
        }

        @Override
        public String category() {
          return "Drift";
        }

        @Override
        public List<Param> params() {
          return List.of();
        }

        @Override
        public List<TestCase> run(TestContext ctx, TestParams params) {
          return List.of();
        }
      };

  private static Column column(String name) {
    return new Column(name, FeatureType.NUMERIC, "inferred", "", "DOUBLE", "DOUBLE", true, true);
  }

  @Test
  void anErrorInOneFeatureFailsThatFeatureOnly() {
    List<Column> features =
        List.of(column("a"), column("assert"), column("linkage"), column("skip"), column("b"));
    List<TestCase> cases =
        FeatureCases.each(
            TEST,
            features,
            "numeric",
            c -> {
              switch (c.name()) {
                case "assert":
                  throw new AssertionError("invariant broken");
                case "linkage":
                  throw new NoClassDefFoundError("gone/Missing");
                case "skip":
                  throw new SkipTest("too few rows");
                default:
                  return CaseBuilder.of(TEST).feature(c.name()).build();
              }
            });
    assertThat(cases)
        .extracting(c -> c.features().get(0))
        .containsExactly("a", "assert", "linkage", "skip", "b");
    assertThat(cases)
        .extracting(TestCase::status)
        .containsExactly(
            TestStatus.PASS, TestStatus.FAIL, TestStatus.FAIL, TestStatus.SKIP, TestStatus.PASS);
    assertThat(cases.get(1).severity()).isEqualTo(Severity.LOW);
    assertThat(cases.get(1).description())
        .isEqualTo("test raised AssertionError: invariant broken");
    assertThat(cases.get(2).description())
        .isEqualTo("test raised NoClassDefFoundError: gone/Missing");
  }

  @Test
  void noFeaturesIsOneSkip() {
    assertThat(FeatureCases.each(TEST, List.of(), "numeric", c -> null))
        .singleElement()
        .satisfies(
            c -> assertThat(c.description()).isEqualTo("Skipped: no numeric features to test"));
  }
}
