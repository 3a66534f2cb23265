// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.cleanliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.dependence.DependenceReference;
import dev.rime.engine.tests.dependence.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** High Feature Correlation. */
class FeatureCorrelationTest {

  @TempDir Path dir;
  private Db db;
  private final StressTest test = new HighFeatureCorrelationTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestContext context(List<String> ref, List<String> eval, boolean allNumeric) {
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    if (allNumeric) {
      Fixtures.dataInfo(config).put("categorical_features", List.of());
    }
    return Fixtures.context(db, config, dir);
  }

  @Test
  void matchesNumpyOnTheReferenceDataMostCorrelatedFirst() {
    TestContext ctx = Fixtures.context(db, DependenceReference.config(), DependenceReference.dir());
    List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
    // Every pair of x, y, z, k; |r| judged is the larger of the two datasets (numpy):
    // x|k 0.8959 (Medium), x|y 0.8022 (Medium), y|k 0.7091 (Low), then the independent pairs.
    assertThat(cases).hasSize(6);
    assertThat(cases.subList(0, 3))
        .extracting(c -> String.join("|", c.features()))
        .containsExactly("x|k", "x|y", "y|k");
    assertThat(cases.subList(0, 3))
        .extracting(TestCase::severity)
        .containsExactly(Severity.MEDIUM, Severity.MEDIUM, Severity.LOW);
    assertThat(cases.subList(3, 6)).allMatch(c -> c.status() == TestStatus.PASS);
    for (TestCase c : cases) {
      @SuppressWarnings("unchecked")
      Map<String, Object> e =
          (Map<String, Object>)
              DependenceReference.section("pearson").get(String.join("|", c.features()));
      double ref = DependenceReference.number(e, "ref.r");
      double eval = DependenceReference.number(e, "eval.r");
      assertThat(c.metrics().get("ref_correlation")).isCloseTo(ref, within(1e-12));
      assertThat(c.metrics().get("eval_correlation")).isCloseTo(eval, within(1e-12));
      assertThat(c.metrics().get("max_abs_correlation"))
          .isCloseTo(Math.max(Math.abs(ref), Math.abs(eval)), within(1e-12));
    }
    assertThat(cases.get(0).description())
        .isEqualTo(
            "Pearson correlation of 'x' and 'k' is 0.8959 in the reference and 0.8738 in the"
                + " evaluation data; the larger |r|, 0.8959, reaches the medium threshold 0.8: the"
                + " two features carry nearly the same information.");
  }

  @Test
  void independentFeaturesPassAndTheCapHolds() {
    TestContext ctx =
        context(Samples.oneDistribution(1, 300), Samples.oneDistribution(2, 300), false);
    // a, b, c numeric (g is categorical, the label a feature here: 0/1 is categorical too).
    List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
    assertThat(cases).hasSize(3).allMatch(c -> c.status() == TestStatus.PASS);
    assertThat(cases.get(0).features()).containsExactly("a", "b");
    assertThat(test.run(ctx, TestParams.defaults(test).with("max_pairwise_tests", 1))).hasSize(1);
  }

  @Test
  void tooFewValuesOrAConstantSkipTheFeature() {
    // 120 rows: a, b = 2a (r = 1); s has 50 values only; k is constant (numbers kept numeric).
    List<String> lines = new ArrayList<>(List.of("a,b,s,k"));
    for (int i = 0; i < 120; i++) {
      lines.add(i + "," + (2 * i) + "," + (i < 50 ? String.valueOf(i % 7) : "") + ",3");
    }
    TestContext ctx = context(lines, lines, true);
    List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
    assertThat(cases).hasSize(3);
    assertThat(cases.get(0).features()).containsExactly("s");
    assertThat(cases.get(0).status()).isEqualTo(TestStatus.SKIP);
    assertThat(cases.get(0).description())
        .contains("'s' has 50 reference and 50 evaluation finite values; min_num_samples is 100");
    assertThat(cases.get(1).features()).containsExactly("k");
    assertThat(cases.get(1).description()).contains("'k' is constant");
    TestCase ab = cases.get(2);
    assertThat(ab.features()).containsExactly("a", "b");
    assertThat(ab.status()).isEqualTo(TestStatus.FAIL);
    assertThat(ab.severity()).isEqualTo(Severity.HIGH);
    assertThat(ab.metrics().get("max_abs_correlation")).isCloseTo(1.0, within(1e-12));
    // With min_num_samples 50 s counts; s against a on rows 0..49 has r about 0.
    assertThat(test.run(ctx, TestParams.defaults(test).with("min_num_samples", 50))).hasSize(4);
  }

  @Test
  void fewerThanTwoNumericFeaturesSkip() {
    TestContext ctx = context(List.of("a,g", "1.5,x", "2.5,y"), List.of("a,g", "1.5,x"), false);
    assertThatThrownBy(() -> test.run(ctx, TestParams.defaults(test)))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("fewer than two numeric features");
  }
}
