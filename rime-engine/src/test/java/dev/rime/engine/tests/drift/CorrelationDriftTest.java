// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

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

/** Correlation Drift (Feature-to-Feature) and (Feature-to-Label). */
class CorrelationDriftTest {

  @TempDir Path dir;
  private Db db;
  private final StressTest features = new CorrelationFeatureDriftTest();
  private final StressTest label = new CorrelationLabelDriftTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestContext context(List<String> ref, List<String> eval, String labelCol) {
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    return Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", labelCol, null), dir);
  }

  private static List<TestCase> run(StressTest t, TestContext ctx) {
    return t.run(ctx, TestParams.defaults(t));
  }

  @Test
  void aSignFlipIsFlaggedOnThatPairOnly() {
    // b follows a with r about 0.8 in the reference and -0.8 in the evaluation data; c, d are
    // independent of everything. 400 rows a side.
    TestContext ctx =
        context(Samples.planted(1, 400, 1, false), Samples.planted(2, 400, -1, false), null);
    List<TestCase> cases = run(features, ctx);
    assertThat(cases)
        .filteredOn(c -> c.status() == TestStatus.FAIL)
        .extracting(TestCase::features)
        .containsExactly(List.of("a", "b"));
    TestCase ab = cases.get(0);
    assertThat(ab.features()).containsExactly("a", "b");
    assertThat(ab.severity()).isEqualTo(Severity.HIGH);
    assertThat(ab.metrics().get("ref_correlation")).isCloseTo(0.8, within(0.05));
    assertThat(ab.metrics().get("eval_correlation")).isCloseTo(-0.8, within(0.05));
    assertThat(ab.metrics().get("correlation_difference")).isGreaterThan(1.5);
    assertThat(ab.metrics().get("p_value")).isLessThan(1e-100);
    assertThat(ab.description())
        .startsWith("Pearson correlation of 'a' and 'b' is 0.")
        .contains("significant by Fisher's z test (p-value ")
        .endsWith("so severity is High.");
    assertThat(ab.details()).containsEntry("pair_rank", 1).containsEntry("num_pairs", 6);
    // Pairs of independent features reach |r| >= 0.1 only by chance; none is flagged.
    assertThat(cases.subList(1, cases.size())).allMatch(c -> c.status() == TestStatus.PASS);
  }

  @Test
  void matchesNumpyAndScipyOnTheReferenceData() {
    // dependence.py: y flips sign against x (and against k, which follows x); k is text with
    // 'n/a' in the evaluation data; x has missing values and an inf.
    TestContext ctx = Fixtures.context(db, DependenceReference.config(), DependenceReference.dir());
    List<TestCase> cases = run(features, ctx);
    Map<String, Object> pearson = DependenceReference.section("pearson");
    // Candidates: pairs of features with max(|r_ref|, |r_eval|) >= 0.1, the strongest first.
    List<String> expected = new ArrayList<>();
    pearson.forEach(
        (key, v) -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> e = (Map<String, Object>) v;
          double s =
              Math.max(
                  Math.abs(DependenceReference.number(e, "ref.r")),
                  Math.abs(DependenceReference.number(e, "eval.r")));
          if (!key.endsWith("|label") && s >= 0.1) {
            expected.add(key);
          }
        });
    assertThat(cases)
        .extracting(c -> String.join("|", c.features()))
        .containsExactlyInAnyOrderElementsOf(expected);
    for (TestCase c : cases) {
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) pearson.get(String.join("|", c.features()));
      assertThat(c.metrics().get("ref_correlation"))
          .isCloseTo(DependenceReference.number(e, "ref.r"), within(1e-12));
      assertThat(c.metrics().get("eval_correlation"))
          .isCloseTo(DependenceReference.number(e, "eval.r"), within(1e-12));
      assertThat(c.metrics().get("num_eval_rows"))
          .isEqualTo(DependenceReference.number(e, "eval.n"));
      double p = DependenceReference.number(e, "fisher_p");
      assertThat(c.metrics().get("p_value")).isCloseTo(p, within(1e-9 * p + 1e-300));
    }
    // The most correlated first: x|k (0.896), x|y (0.802), y|k (0.709).
    assertThat(cases)
        .extracting(c -> String.join("|", c.features()))
        .containsExactly("x|k", "x|y", "y|k");
    assertThat(cases.get(1).metrics().get("correlation_difference"))
        .isCloseTo(0.8021818523902031 + 0.8006263182060699, within(1e-12));
    assertThat(cases)
        .filteredOn(c -> c.status() == TestStatus.FAIL)
        .extracting(c -> String.join("|", c.features()))
        .containsExactlyInAnyOrder("x|y", "y|k");

    // Against the label: every numeric feature.
    List<TestCase> withLabel = run(label, ctx);
    assertThat(withLabel).extracting(c -> c.features().get(0)).containsExactly("x", "y", "z", "k");
    for (TestCase c : withLabel) {
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) pearson.get(c.features().get(0) + "|label");
      assertThat(c.metrics().get("ref_correlation"))
          .isCloseTo(DependenceReference.number(e, "ref.r"), within(1e-12));
      assertThat(c.metrics().get("p_value"))
          .isCloseTo(DependenceReference.number(e, "fisher_p"), within(1e-12));
      assertThat(c.details()).containsEntry("label", "label");
    }
    // y's correlation with the label flips with its correlation with x.
    assertThat(withLabel)
        .filteredOn(c -> c.status() == TestStatus.FAIL)
        .extracting(c -> c.features().get(0))
        .containsExactly("y");
  }

  @Test
  void twoSamplesOfAFewHundredRowsFromOneDistributionDoNotDrift() {
    for (long seed = 1; seed <= 5; seed++) {
      TestContext ctx =
          context(
              Samples.oneDistribution(2 * seed, 300),
              Samples.oneDistribution(2 * seed + 1, 300),
              "label");
      List<TestCase> cases = new ArrayList<>(run(features, ctx));
      cases.addAll(run(label, ctx));
      assertThat(cases).as("seed " + seed).allMatch(c -> c.status() == TestStatus.PASS);
      db.close();
      db = Db.open();
    }
  }

  @Test
  void aSmallChangeBeyondTheThresholdOnFewRowsIsWithinNoise() {
    // 12 rows a side, b = a + 3 noise in the reference and a + 8 noise in the evaluation data:
    // r = 0.9108 and 0.5904 (numpy), a change of 0.3204 >= 0.3; Fisher's z on 12 rows:
    // (atanh 0.9108 - atanh 0.5904) / sqrt(2/9) = 1.81, p = 0.070 (scipy): within noise.
    List<String> ref = new ArrayList<>(List.of("a,b"));
    List<String> eval = new ArrayList<>(List.of("a,b"));
    double[] noise = {0.3, -0.5, 0.2, 0.9, -0.4, 0.1, -0.8, 0.6, -0.2, 0.4, -0.6, 0.0};
    for (int i = 0; i < 12; i++) {
      ref.add(i + "," + (i + 3 * noise[i]));
      eval.add(i + "," + (i + 8 * noise[i]));
    }
    TestContext ctx = context(ref, eval, null);
    TestCase c = run(features, ctx).get(0);
    assertThat(c.metrics().get("ref_correlation")).isCloseTo(0.9108, within(5e-5));
    assertThat(c.metrics().get("eval_correlation")).isCloseTo(0.5904, within(5e-5));
    assertThat(c.metrics().get("p_value")).isCloseTo(0.070, within(5e-4));
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.description()).contains("within sampling noise").endsWith("no drift is claimed.");
  }

  @Test
  void selectionFollowsMinCorrelationAndMaxPairwiseTests() {
    TestContext ctx =
        context(Samples.planted(1, 400, 1, false), Samples.planted(2, 400, -1, false), null);
    List<TestCase> one =
        features.run(ctx, TestParams.defaults(features).with("max_pairwise_tests", 1));
    assertThat(one).extracting(TestCase::features).containsExactly(List.of("a", "b"));
    List<TestCase> none =
        features.run(ctx, TestParams.defaults(features).with("min_correlation", 0.95));
    assertThat(none).hasSize(1);
    assertThat(none.get(0).status()).isEqualTo(TestStatus.SKIP);
    assertThat(none.get(0).description())
        .contains("no pair of the 4 numeric features has |correlation| ≥ min_correlation 0.95")
        .contains("(6 pairs)");
  }

  @Test
  void anUndefinedCorrelationSkipsItsPairAndLabelsAreRequired() {
    // k equals a in the reference (r = 1) and is constant in the evaluation data (undefined).
    // categorical_features [] keeps every number numeric.
    List<String> ref = new ArrayList<>(List.of("a,k"));
    List<String> eval = new ArrayList<>(List.of("a,k"));
    for (int i = 0; i < 20; i++) {
      ref.add(i + "," + i);
      eval.add(i + ",5");
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    Fixtures.dataInfo(config).put("categorical_features", List.of());
    TestContext ctx = Fixtures.context(db, config, dir);
    TestCase c = run(features, ctx).get(0);
    assertThat(c.status()).isEqualTo(TestStatus.SKIP);
    assertThat(c.features()).containsExactly("a", "k");
    assertThat(c.description())
        .contains("undefined in the evaluation data: a column is constant on the 20 rows");
    assertThatThrownBy(() -> run(label, ctx))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("no labels");
  }

  @Test
  void fewerThanTwoNumericFeaturesSkip() {
    TestContext ctx = context(List.of("a,g", "1.5,x", "2.5,y"), List.of("a,g", "1.5,x"), null);
    TestCase c = run(features, ctx).get(0);
    assertThat(c.status()).isEqualTo(TestStatus.SKIP);
    assertThat(c.description()).contains("fewer than two numeric features");
  }
}
