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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nulls Per Feature Drift and Nulls Per Row Drift. */
class NullDriftTest {

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static final StressTest PER_FEATURE = new NullProportionTest();
  private static final StressTest PER_ROW = new RowNullProportionTest();

  private static TestCase only(List<TestCase> cases, String feature) {
    return cases.stream()
        .filter(c -> c.features().equals(List.of(feature)))
        .findFirst()
        .orElseThrow();
  }

  /**
   * 400 rows a side. a: numeric, never missing. b: a category missing in rows 0-19 on both sides.
   * c: numeric, never missing in the reference, missing (empty, or NaN) in evaluation rows 10-49.
   * p: the prediction, 0.95 where c is missing, else 0.1 (when {@code predictive}), or 0.5.
   */
  private TestContext planted(boolean predictive) {
    List<String> ref = new ArrayList<>(List.of("a,b,c,p"));
    List<String> eval = new ArrayList<>(List.of("a,b,c,p"));
    for (int i = 0; i < 400; i++) {
      String b = i < 20 ? "" : "k" + (i % 3);
      ref.add(i + "," + b + "," + (i * 0.5) + "," + (predictive ? "0.1" : "0.5"));
      boolean cMissing = i >= 10 && i < 50;
      String c = cMissing ? (i % 2 == 0 ? "" : "NaN") : Double.toString(i * 0.5);
      eval.add(i + "," + b + "," + c + "," + (predictive ? (cMissing ? "0.95" : "0.1") : "0.5"));
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    return Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, "p"), dir);
  }

  @Test
  void nullsInAColumnThatHadNoneFailThatColumnOnly() {
    TestContext ctx = planted(false);
    List<TestCase> cases = PER_FEATURE.run(ctx, TestParams.defaults(PER_FEATURE));
    assertThat(cases).extracting(c -> c.features().get(0)).containsExactly("a", "b", "c");
    assertThat(only(cases, "a").status()).isEqualTo(TestStatus.PASS);
    // b: 20 of 400 on both sides: z = 0, p = 1.
    assertThat(only(cases, "b").status()).isEqualTo(TestStatus.PASS);
    assertThat(only(cases, "b").metrics().get("z_statistic")).isZero();
    assertThat(only(cases, "b").metrics().get("p_value")).isEqualTo(1.0);
    // c: 0 of 400 vs 40 of 400 (empty and NaN alike): pooled 40/800 = 0.05,
    // se = sqrt(0.05 * 0.95 * (1/400 + 1/400)) = 0.015411, z = 0.1 / se = 6.4889.
    TestCase c = only(cases, "c");
    double z = 0.1 / Math.sqrt(0.05 * 0.95 * (2.0 / 400));
    assertThat(c.metrics().get("z_statistic")).isCloseTo(z, within(1e-12));
    assertThat(c.metrics().get("p_value")).isLessThan(1e-9);
    assertThat(c.metrics().get("ref_null_proportion")).isZero();
    assertThat(c.metrics().get("eval_null_proportion")).isEqualTo(0.1);
    assertThat(c.metrics().get("num_eval_nulls")).isEqualTo(40.0);
    // Predictions are 0.5 everywhere: the shift moves no prediction, impact 0: LOW (drift is at
    // least LOW).
    assertThat(c.metrics().get("prediction_impact")).isCloseTo(0, within(1e-15));
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.LOW);
    assertThat(c.description())
        .startsWith(
            "'c' is missing in 0.00% of reference rows (0 of 400) and 10.00% of evaluation rows"
                + " (40 of 400), a change of +10.00 points; the two-proportion z-test gives"
                + " p-value")
        .contains("beyond sampling noise, and at least the low threshold 0.01");
  }

  @Test
  void severityFollowsThePredictionImpactOrTheChange() {
    // Where c is missing the model predicts 0.95 (seen only in the evaluation data), elsewhere
    // 0.1: impact = |(0.1 - 0) 0.95 + (0.9 - 1) 0.1| = 0.085 >= 10 * 0.005: HIGH.
    TestContext ctx = planted(true);
    TestCase c = only(PER_FEATURE.run(ctx, TestParams.defaults(PER_FEATURE)), "c");
    assertThat(c.metrics().get("prediction_impact")).isCloseTo(0.085, within(1e-12));
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.details())
        .containsEntry("performance_change_thresholds", List.of(0.005, 0.02, 0.05));
  }

  @Test
  void withoutPredictionsTheChangeOfShareGivesTheSeverity() {
    List<String> ref = new ArrayList<>(List.of("a,c"));
    List<String> eval = new ArrayList<>(List.of("a,c"));
    for (int i = 0; i < 400; i++) {
      ref.add(i + "," + i);
      eval.add(i + "," + (i >= 10 && i < 30 ? "" : Integer.toString(i)));
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, null), dir);
    // c: 0 -> 20/400 = 0.05: MEDIUM against [0.01, 0.05, 0.1]; p = 2 Phi(-4.52) = 6e-6.
    TestCase c = only(PER_FEATURE.run(ctx, TestParams.defaults(PER_FEATURE)), "c");
    assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(c.metrics().get("prediction_impact")).isNull();
    assertThat(c.description()).endsWith("and the change reaches the medium threshold 0.05000.");
    // A change beyond noise but below the low threshold passes: low 0.06.
    TestCase small =
        only(
            PER_FEATURE.run(
                ctx,
                TestParams.defaults(PER_FEATURE)
                    .with("severity_thresholds", List.of(0.06, 0.1, 0.2))),
            "c");
    assertThat(small.status()).isEqualTo(TestStatus.PASS);
    assertThat(small.description()).contains("beyond sampling noise, but the change is below");
  }

  @Test
  void edgeCaseColumns() {
    // all_null: missing everywhere (pooled share 1: no test, p = 1); constant; unicode text with
    // empty strings; a NaN-only float column in the evaluation data.
    List<String> ref = new ArrayList<>(List.of("all_null,constant,unicode,f"));
    List<String> eval = new ArrayList<>(List.of("all_null,constant,unicode,f"));
    for (int i = 0; i < 150; i++) {
      String u = i % 3 == 0 ? "\"\"" : i % 3 == 1 ? "Ünïcödé ✓" : "日本";
      ref.add(",7," + u + "," + (i * 0.25));
      eval.add(",7," + u + ",NaN");
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, null), dir);
    List<TestCase> cases = PER_FEATURE.run(ctx, TestParams.defaults(PER_FEATURE));
    TestCase allNull = only(cases, "all_null");
    assertThat(allNull.status()).isEqualTo(TestStatus.PASS);
    assertThat(allNull.metrics().get("z_statistic")).isNull();
    assertThat(allNull.metrics().get("ref_null_proportion")).isEqualTo(1.0);
    assertThat(only(cases, "constant").status()).isEqualTo(TestStatus.PASS);
    assertThat(only(cases, "unicode").metrics().get("null_proportion_change")).isZero();
    TestCase f = only(cases, "f");
    assertThat(f.metrics().get("eval_null_proportion")).isEqualTo(1.0);
    assertThat(f.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void tooFewRowsSkip() {
    List<String> lines = new ArrayList<>(List.of("a,b"));
    for (int i = 0; i < 50; i++) {
      lines.add(i + ",x");
    }
    Fixtures.csv(dir, "ref.csv", lines);
    Fixtures.csv(dir, "eval.csv", lines);
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, null), dir);
    assertThatThrownBy(() -> PER_FEATURE.run(ctx, TestParams.defaults(PER_FEATURE)))
        .isInstanceOf(SkipTest.class)
        .hasMessage("the data has 50 reference and 50 evaluation rows; min_sample_size is 100");
    assertThatThrownBy(() -> PER_ROW.run(ctx, TestParams.defaults(PER_ROW)))
        .isInstanceOf(SkipTest.class)
        .hasMessage("the data has 50 reference and 50 evaluation rows; min_sample_size is 100");
  }

  @Test
  void missingValuesPerRow() {
    // Reference rows: 380 with none missing, 20 with one (b). Evaluation: rows 0-9 miss b, 10-19
    // miss b and c, 20-49 miss c: 350 with 0, 40 with 1, 10 with 2.
    // p = (0.95, 0.05, 0 -> 1e-4), q = (0.875, 0.1, 0.025).
    TestContext ctx = planted(false);
    double psi =
        (0.95 - 0.875) * Math.log(0.95 / 0.875)
            + (0.05 - 0.1) * Math.log(0.05 / 0.1)
            + (1e-4 - 0.025) * Math.log(1e-4 / 0.025);
    TestCase c = PER_ROW.run(ctx, TestParams.defaults(PER_ROW)).get(0);
    assertThat(c.features()).isEmpty();
    assertThat(c.metrics().get("psi")).isCloseTo(psi, within(1e-12));
    assertThat(c.metrics().get("ref_mean_nulls_per_row")).isCloseTo(20 / 400.0, within(1e-15));
    assertThat(c.metrics().get("eval_mean_nulls_per_row")).isCloseTo(60 / 400.0, within(1e-15));
    assertThat(c.metrics().get("num_features")).isEqualTo(3.0);
    // PSI 0.178 is below psi_threshold 0.2: PASS.
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.description())
        .startsWith(
            "PSI of the number of missing values per row (over 3 features) between reference and"
                + " evaluation data is 0.1783, below the psi_threshold 0.2");
    // params.psi_threshold 0.1: drift, far beyond noise (p = 1/501); predictions 0.5 everywhere,
    // impact 0: LOW.
    TestParams lower = TestParams.defaults(PER_ROW).with("params", Map.of("psi_threshold", 0.1));
    TestCase low = PER_ROW.run(ctx, lower).get(0);
    assertThat(low.metrics().get("p_value")).isEqualTo(1.0 / 501);
    assertThat(low.severity()).isEqualTo(Severity.LOW);
    assertThat(low.details())
        .containsEntry("performance_change_thresholds", List.of(0.01, 0.02, 0.1));
  }

  @Test
  void missingValuesPerRowCountTheFeaturesTheModelUses() {
    // The planted data with c in features_not_in_model: rows are counted over a and b only (as
    // every drift test, Nulls Per Feature included, looks at the features the model uses), so the
    // evaluation's missing c no longer shows: 20 rows with one missing value on both sides, PSI 0.
    // Excluding b as well leaves a, never missing.
    List<String> ref = new ArrayList<>(List.of("a,b,c,p"));
    List<String> eval = new ArrayList<>(List.of("a,b,c,p"));
    for (int i = 0; i < 400; i++) {
      String b = i < 20 ? "" : "k" + (i % 3);
      ref.add(i + "," + b + "," + (i * 0.5) + ",0.5");
      eval.add(i + "," + b + "," + (i >= 10 && i < 50 ? "" : Double.toString(i * 0.5)) + ",0.5");
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, "p");
    Fixtures.dataInfo(config).put("features_not_in_model", List.of("c"));
    TestContext ctx = Fixtures.context(db, config, dir);
    TestCase c = PER_ROW.run(ctx, TestParams.defaults(PER_ROW)).get(0);
    assertThat(c.metrics().get("num_features")).isEqualTo(2.0);
    assertThat(c.details().get("features")).isEqualTo(List.of("a", "b"));
    assertThat(c.metrics().get("eval_mean_nulls_per_row")).isCloseTo(20 / 400.0, within(1e-15));
    assertThat(c.metrics().get("psi")).isZero();
    TestParams excluded =
        new TestParams(
            "tests_config.row_null_proportion", TestParams.defaults(PER_ROW).asMap(), List.of("b"));
    assertThat(PER_ROW.run(ctx, excluded).get(0).details().get("features")).isEqualTo(List.of("a"));
  }

  @Test
  void missingValuesPerRowWithPredictionImpact() {
    // With predictive nulls (0.95 where c is missing, else 0.1; reference 0.1 everywhere) and
    // psi_threshold 0.1: m_0 = 0.1 (ref), m_1 = 0.1 (ref: rows missing b), m_2 = 0.95 (eval
    // only). impact = |(0.875 - 0.95) 0.1 + (0.1 - 0.05) 0.1 + (0.025 - 0) 0.95| = |-0.0075 +
    // 0.005 + 0.02375| = 0.02125: MEDIUM against [0.01, 0.02, 0.1].
    TestContext ctx = planted(true);
    TestParams lower = TestParams.defaults(PER_ROW).with("params", Map.of("psi_threshold", 0.1));
    TestCase c = PER_ROW.run(ctx, lower).get(0);
    assertThat(c.metrics().get("prediction_impact")).isCloseTo(0.02125, within(1e-12));
    assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void noFeaturesSkip() {
    List<String> lines = new ArrayList<>(List.of("p"));
    for (int i = 0; i < 150; i++) {
      lines.add("0.5");
    }
    Fixtures.csv(dir, "ref.csv", lines);
    Fixtures.csv(dir, "eval.csv", lines);
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, "p"), dir);
    assertThat(PER_FEATURE.run(ctx, TestParams.defaults(PER_FEATURE)).get(0).status())
        .isEqualTo(TestStatus.SKIP);
    assertThatThrownBy(() -> PER_ROW.run(ctx, TestParams.defaults(PER_ROW)))
        .isInstanceOf(SkipTest.class);
  }
}
