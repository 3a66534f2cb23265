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
import dev.rime.engine.stats.FisherZ;
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
    assertThat(ab.metrics().get("adjusted_p_value")).isLessThan(1e-100);
    assertThat(ab.description())
        .startsWith("Pearson correlation of 'a' and 'b' is 0.")
        .contains("beyond the low threshold by more than sampling noise explains (Fisher's z")
        .contains("adjusted over the 1 correlation tested")
        .endsWith("so severity is High.");
    // Only a and b reach min_correlation 0.1: one correlation is tested, nothing to adjust for.
    assertThat(ab.details()).containsEntry("num_correlations_tested", 1);
    assertThat(ab.metrics().get("adjusted_p_value")).isEqualTo(ab.metrics().get("p_value"));
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
    // correlation_drift.py: the minimum-effect p-value (margin 0.3) and Benjamini-Hochberg over
    // the three pairs tested (statsmodels).
    @SuppressWarnings("unchecked")
    Map<String, Object> drift =
        (Map<String, Object>) DependenceReference.correlationDrift("dependence").get("features");
    for (TestCase c : cases) {
      String key = String.join("|", c.features());
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) pearson.get(key);
      assertThat(c.metrics().get("ref_correlation"))
          .isCloseTo(DependenceReference.number(e, "ref.r"), within(1e-12));
      assertThat(c.metrics().get("eval_correlation"))
          .isCloseTo(DependenceReference.number(e, "eval.r"), within(1e-12));
      assertThat(c.metrics().get("num_eval_rows"))
          .isEqualTo(DependenceReference.number(e, "eval.n"));
      @SuppressWarnings("unchecked")
      Map<String, Object> d = (Map<String, Object>) drift.get(key);
      double p = DependenceReference.number(d, "p_value");
      double q = DependenceReference.number(d, "adjusted_p_value");
      assertThat(c.metrics().get("p_value")).as(key).isCloseTo(p, within(1e-9 * p + 1e-300));
      assertThat(c.metrics().get("adjusted_p_value"))
          .as(key)
          .isCloseTo(q, within(1e-9 * q + 1e-300));
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

    // Against the label: every numeric feature, adjusted over the four.
    List<TestCase> withLabel = run(label, ctx);
    assertThat(withLabel).extracting(c -> c.features().get(0)).containsExactly("x", "y", "z", "k");
    @SuppressWarnings("unchecked")
    Map<String, Object> labelDrift =
        (Map<String, Object>) DependenceReference.correlationDrift("dependence").get("label");
    for (TestCase c : withLabel) {
      String key = c.features().get(0) + "|label";
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) pearson.get(key);
      assertThat(c.metrics().get("ref_correlation"))
          .isCloseTo(DependenceReference.number(e, "ref.r"), within(1e-12));
      @SuppressWarnings("unchecked")
      Map<String, Object> d = (Map<String, Object>) labelDrift.get(key);
      double p = DependenceReference.number(d, "p_value");
      double q = DependenceReference.number(d, "adjusted_p_value");
      assertThat(c.metrics().get("p_value")).as(key).isCloseTo(p, within(1e-9 * p + 1e-300));
      assertThat(c.metrics().get("adjusted_p_value"))
          .as(key)
          .isCloseTo(q, within(1e-9 * q + 1e-300));
      assertThat(c.details())
          .containsEntry("label", "label")
          .containsEntry("num_correlations_tested", 4);
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
  void twentyCorrelatedFeaturesOf120RowsFromOneDistributionDoNotDrift() {
    // Two samples of one distribution, 120 rows each, 20 features whose pairs correlate from about
    // 0.05 to 0.7: 100-odd pairs are tested per seed. A plain Fisher test per pair (change >= 0.3
    // and p < 0.05) failed some of them; a change must now exceed 0.3 by more than noise, and the
    // p-values are adjusted over the pairs tested.
    int tested = 0;
    int plainFisherWouldFail = 0;
    for (long seed = 1; seed <= 6; seed++) {
      TestContext ctx =
          context(
              Samples.correlated(2 * seed, 120, 20),
              Samples.correlated(2 * seed + 1, 120, 20),
              "label");
      List<TestCase> cases = new ArrayList<>(run(features, ctx));
      cases.addAll(run(label, ctx));
      assertThat(cases).as("seed " + seed).noneMatch(c -> c.status() == TestStatus.FAIL);
      for (TestCase c : cases) {
        tested++;
        double r1 = c.metrics().get("ref_correlation");
        double r2 = c.metrics().get("eval_correlation");
        if (Math.abs(r1 - r2) >= 0.3 && FisherZ.pValue(r1, 120, r2, 120) < 0.05) {
          plainFisherWouldFail++;
        }
      }
      db.close();
      db = Db.open();
    }
    assertThat(tested).isGreaterThan(600);
    assertThat(plainFisherWouldFail).isPositive();
  }

  @Test
  void aSignFlipAmongTwentyFeaturesOf120RowsIsStillFound() {
    // The same 20 features, with x19 (the one most tied to the common factor) negated in the
    // evaluation data: its strong correlations flip sign, by far more than 0.3 beyond noise, and
    // stay significant after adjusting over some 170 pairs; no pair without x19 fails.
    List<String> eval = new ArrayList<>();
    for (String line : Samples.correlated(5, 120, 20)) {
      String[] v = line.split(",", -1);
      if (!v[19].equals("x19")) {
        v[19] = v[19].startsWith("-") ? v[19].substring(1) : "-" + v[19];
      }
      eval.add(String.join(",", v));
    }
    TestContext ctx = context(Samples.correlated(4, 120, 20), eval, "label");
    List<TestCase> failing =
        run(features, ctx).stream().filter(c -> c.status() == TestStatus.FAIL).toList();
    assertThat(failing).hasSizeGreaterThanOrEqualTo(5).allMatch(c -> c.features().contains("x19"));
    assertThat(failing.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(failing).allMatch(c -> c.metrics().get("adjusted_p_value") < 0.05);
  }

  @Test
  void aSmallChangeBeyondTheThresholdOnFewRowsIsWithinNoise() {
    // 12 rows a side, b = a + 3 noise in the reference and a + 8 noise in the evaluation data:
    // r = 0.9108 and 0.5904 (numpy), a change of 0.3204 >= 0.3. Fisher's plain z on 12 rows,
    // (atanh 0.9108 - atanh 0.5904) / sqrt(2/9) = 1.81, p = 0.070, already called it noise; the
    // question now asked, a change beyond 0.3, has p = 0.915 (correlation_drift.py).
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
    assertThat(c.metrics().get("p_value"))
        .isCloseTo(
            DependenceReference.number(
                DependenceReference.correlationDrift("twelve_rows"), "p_value"),
            within(1e-9));
    assertThat(c.metrics().get("adjusted_p_value")).isEqualTo(c.metrics().get("p_value"));
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.description())
        .contains("it reaches the low threshold 0.3000, but with 12 and 12 rows it does not exceed")
        .endsWith("no drift is claimed.");
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
