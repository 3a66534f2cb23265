// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three abnormal-input tests on one tiny fixture, worked by hand:
 *
 * <pre>
 * ref:  color amount label pred         eval: color amount label pred  correct?
 *       red   10     1     0.9          1     red   15     1     0.9   yes
 *       red   20     0     0.2          2     blue  25     0     0.3   yes
 *       blue  30     1     0.8          3     green 35     1     0.2   no   unseen
 *       blue  40     0     0.1          4     green 50     0     0.6   no   unseen, above 40
 *                                       5     red    5     1     0.7   yes  below 10
 *                                       6     blue  null   0     0.4   yes  null
 * </pre>
 *
 * With {@code min_nunique_for_numeric} 2, {@code amount} is numeric and {@code color} categorical.
 */
class AbnormalInputsTest {

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void write() {
    db = Db.open();
    Fixtures.csv(
        dir,
        "ref.csv",
        "color,amount,label,pred",
        "red,10,1,0.9",
        "red,20,0,0.2",
        "blue,30,1,0.8",
        "blue,40,0,0.1");
    Fixtures.csv(
        dir,
        "eval.csv",
        "color,amount,label,pred",
        "red,15,1,0.9",
        "blue,25,0,0.3",
        "green,35,1,0.2",
        "green,50,0,0.6",
        "red,5,1,0.7",
        "blue,,0,0.4");
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** A context where {@code amount} (4 distinct values) counts as numeric. */
  private TestContext ctx(String label, String pred) {
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", label, pred);
    config.put("data_profiling_info", Map.of("min_nunique_for_numeric", 2));
    return Fixtures.context(db, config, dir);
  }

  private static TestCase one(StressTest t, TestContext ctx, TestParams p, String feature) {
    return t.run(ctx, p).stream()
        .filter(c -> c.features().equals(List.of(feature)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void unseenCategoricalWithAccuracyChange() {
    StressTest t = new UnseenCategoricalTest();
    TestCase c = one(t, ctx("label", "pred"), TestParams.defaults(t), "color");
    // Failing rows 3, 4: accuracy 0; passing rows 1, 2, 5, 6: accuracy 1; impact 1 - 0 = 1.
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.metrics().get("num_failing_rows")).isEqualTo(2.0);
    assertThat(c.metrics().get("failing_rows_fraction")).isCloseTo(2.0 / 6, within(1e-15));
    assertThat(c.importanceScore()).isEqualTo(1.0);
    assertThat(c.details().get("examples"))
        .isEqualTo(List.of(Map.of("value", "green", "count", 2L)));
    assertThat(c.description())
        .isEqualTo(
            "2 of 6 evaluation rows (33.33%) have values never seen in the reference data in"
                + " 'color'; accuracy change 1.000, measured on 2 failing and 4 passing rows,"
                + " reaching the high threshold 0.1000.");
  }

  @Test
  void multiClassImpactIsTheAccuracyChangeOfThePredictedClasses() {
    // The same rows as a 2-class model: class probabilities [1 - pred, pred], so the predicted
    // classes and the correct rows are those of the binary model above: impact 1 - 0 = 1.
    Fixtures.csv(dir, "ref_probs.csv", "c0,c1", "0.1,0.9", "0.8,0.2", "0.2,0.8", "0.9,0.1");
    Fixtures.csv(
        dir,
        "eval_probs.csv",
        "c0,c1",
        "0.1,0.9",
        "0.7,0.3",
        "0.8,0.2",
        "0.4,0.6",
        "0.3,0.7",
        "0.6,0.4");
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "label", null);
    config.put("model_task", "Multi-class Classification");
    Fixtures.dataInfo(config).put("ref_pred_path", "ref_probs.csv");
    Fixtures.dataInfo(config).put("eval_pred_path", "eval_probs.csv");
    Fixtures.dataInfo(config).put("features_not_in_model", List.of("pred"));
    StressTest t = new UnseenCategoricalTest();
    TestCase c = one(t, Fixtures.context(db, config, dir), TestParams.defaults(t), "color");
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.importanceScore()).isEqualTo(1.0);
    assertThat(c.description())
        .contains("accuracy change 1.000, measured on 2 failing and 4 passing rows");
  }

  @Test
  void aDefectOnEveryRowIsJudgedByTheFailingFraction() {
    // amount is missing in all 6 evaluation rows: no passing row to compare the accuracy with, so
    // the failing fraction 6 / 6 = 1 is judged: HIGH (it was Low, as if nothing were measured).
    Fixtures.csv(
        dir,
        "eval.csv",
        "color,amount,label,pred",
        "red,,1,0.9",
        "blue,,0,0.3",
        "green,,1,0.2",
        "green,,0,0.6",
        "red,,1,0.7",
        "blue,,0,0.4");
    StressTest t = new NullCheckTest();
    TestCase c = one(t, ctx("label", "pred"), TestParams.defaults(t), "amount");
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.importanceScore()).isEqualTo(1.0);
    assertThat(c.details())
        .containsEntry("impact_measure", "failing rows fraction")
        .containsEntry("num_measured_passing_rows", 0L);
    assertThat(c.description())
        .isEqualTo(
            "6 of 6 evaluation rows (100.00%) have missing values (null or NaN) in 'amount'; no"
                + " measurable passing row to compare the accuracy change with, so the failing"
                + " rows fraction is judged: 1.000, reaching the high threshold 0.1000.");
  }

  @Test
  void oneMisclassifiedFailingRowIsEnoughForHighWithRimesMinNumSamples() {
    // RIME's default min_num_samples 1: row 3 (green, misclassified) alone is unseen; passing
    // rows 1, 2, 5, 6 are right and row 4 (now red; 0.6 for label 0) is wrong: accuracy 4 of 5 =
    // 0.8; impact 0.8 - 0 = 0.8 >= 0.1: HIGH, measured on 1 failing row.
    Fixtures.csv(
        dir,
        "eval.csv",
        "color,amount,label,pred",
        "red,15,1,0.9",
        "blue,25,0,0.3",
        "green,35,1,0.2",
        "red,50,0,0.6",
        "red,5,1,0.7",
        "blue,,0,0.4");
    StressTest t = new UnseenCategoricalTest();
    TestCase c = one(t, ctx("label", "pred"), TestParams.defaults(t), "color");
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.importanceScore()).isCloseTo(0.8, within(1e-15));
    assertThat(c.description()).contains("measured on 1 failing and 5 passing rows");
  }

  @Test
  void outOfRangeFlagsBelowAndAbove() {
    StressTest t = new OutOfRangeTest();
    TestCase c = one(t, ctx("label", "pred"), TestParams.defaults(t), "amount");
    // Failing rows 4 (wrong) and 5 (right): accuracy 0.5; passing 1, 2, 3, 6: 3 of 4 = 0.75.
    assertThat(c.metrics().get("num_failing_rows")).isEqualTo(2.0);
    assertThat(c.importanceScore()).isCloseTo(0.25, within(1e-15));
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.details())
        .containsEntry("lower_threshold", 10.0)
        .containsEntry("upper_threshold", 40.0);
    assertThat(c.details()).containsEntry("num_below", 1L).containsEntry("num_above", 1L);
  }

  @Test
  void nullCheckFailsWithLowSeverityWhenAccuracyDoesNotDrop() {
    StressTest t = new NullCheckTest();
    TestContext ctx = ctx("label", "pred");
    TestCase amount = one(t, ctx, TestParams.defaults(t), "amount");
    // Failing row 6 is right (accuracy 1); passing rows 1-5: 3 of 5 = 0.6; max(0, 0.6 - 1) = 0.
    assertThat(amount.status()).isEqualTo(TestStatus.FAIL);
    assertThat(amount.severity()).isEqualTo(Severity.LOW);
    assertThat(amount.importanceScore()).isEqualTo(0.0);
    TestCase color = one(t, ctx, TestParams.defaults(t), "color");
    assertThat(color.status()).isEqualTo(TestStatus.PASS);
    assertThat(color.severity()).isEqualTo(Severity.NONE);
    // Every failing row of the three tests: rows 3, 4 (unseen), 4, 5 (range), 6 (null) = 4 rows.
    new UnseenCategoricalTest().run(ctx, TestParams.defaults(new UnseenCategoricalTest()));
    new OutOfRangeTest().run(ctx, TestParams.defaults(new OutOfRangeTest()));
    assertThat(ctx.countFailingRows()).isEqualTo(4);
  }

  @Test
  void tooFewFailingRowsMeansImpactNotMeasuredAndLow() {
    StressTest t = new UnseenCategoricalTest();
    TestParams p =
        TestParams.defaults(t)
            .with(
                "performance_change_config",
                Map.of("severity_thresholds", List.of(0.01, 0.05, 0.1), "min_num_samples", 3));
    TestCase c = one(t, ctx("label", "pred"), p, "color");
    assertThat(c.importanceScore()).isNull();
    assertThat(c.metrics().get("impact")).isNull();
    assertThat(c.severity()).isEqualTo(Severity.LOW);
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
  }

  @Test
  void withoutLabelsImpactIsThePredictionChange() {
    StressTest t = new UnseenCategoricalTest();
    TestCase c = one(t, ctx(null, "pred"), TestParams.defaults(t), "color");
    // |mean(0.2, 0.6) - mean(0.9, 0.3, 0.7, 0.4)| = |0.4 - 0.575| = 0.175.
    assertThat(c.importanceScore()).isCloseTo(0.175, within(1e-12));
    assertThat(c.details()).containsEntry("impact_measure", "average prediction change");
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void withoutPredictionsImpactIsTheFailingFraction() {
    StressTest t = new UnseenCategoricalTest();
    TestParams p =
        TestParams.defaults(t)
            .with(
                "performance_change_config",
                Map.of("severity_thresholds", List.of(0.1, 0.3, 0.5), "min_num_samples", 1));
    TestCase c = one(t, ctx(null, null), p, "color");
    // 2 / 6 = 0.333: reaches 0.3, not 0.5.
    assertThat(c.importanceScore()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void nullCheckSkipsFeaturesWithNullsInReference() {
    Fixtures.csv(dir, "ref.csv", "color,amount,label,pred", "red,,1,0.9", "blue,3,0,0.2");
    StressTest t = new NullCheckTest();
    TestCase c = one(t, ctx("label", "pred"), TestParams.defaults(t), "amount");
    assertThat(c.status()).isEqualTo(TestStatus.SKIP);
    assertThat(c.description()).contains("1 missing values in the reference data");
  }

  @Test
  void skipWhenNoFeatureOfTheKind() {
    Fixtures.csv(dir, "ref.csv", "amount,label,pred", "1,1,0.9", "2,0,0.2");
    Fixtures.csv(dir, "eval.csv", "amount,label,pred", "1,1,0.9");
    StressTest t = new UnseenCategoricalTest();
    List<TestCase> cases = t.run(ctx("label", "pred"), TestParams.defaults(t));
    assertThat(cases)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(TestStatus.SKIP);
              assertThat(c.description()).contains("no categorical features");
            });
  }

  @Test
  void numericCategoriesReadAsDoubleAndAsIntegerAreTheSame() {
    // Reference as pandas writes ints with NaN (DOUBLE): 1.0, 2.0, NaN; evaluation (BIGINT): 1, 2.
    // Every evaluation value was seen: no failing rows.
    Fixtures.csv(dir, "ref.csv", "g,label,pred", "1.0,1,0.9", "2.0,0,0.2", ",1,0.8", "1.0,0,0.1");
    Fixtures.csv(dir, "eval.csv", "g,label,pred", "1,1,0.9", "2,0,0.3", "2,1,0.2", "1,0,0.6");
    // Default min_nunique_for_numeric 10: g (2 values) is categorical.
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "label", "pred");
    TestContext ctx = Fixtures.context(db, config, dir);
    assertThat(ctx.ref().columns().get("g")).isEqualTo("DOUBLE");
    assertThat(ctx.eval().columns().get("g")).isEqualTo("BIGINT");
    StressTest t = new UnseenCategoricalTest();
    TestCase c = one(t, ctx, TestParams.defaults(t), "g");
    assertThat(c.metrics().get("num_failing_rows")).isZero();
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    // A 3 (as 3.0 or 3) is unseen, and its example reads 3.
    Fixtures.csv(dir, "eval.csv", "g,label,pred", "1,1,0.9", "3,0,0.3", "2,1,0.2", "1,0,0.6");
    TestCase d = one(t, Fixtures.context(db, config, dir), TestParams.defaults(t), "g");
    assertThat(d.metrics().get("num_failing_rows")).isEqualTo(1.0);
    assertThat(d.details().get("examples")).isEqualTo(List.of(Map.of("value", "3", "count", 1L)));
  }

  @Test
  void minNumSamplesZeroWithUnmeasurableFailingRowsIsNotACrash() {
    // Failing rows (green) have no prediction, so neither is measurable. min_num_samples 0 (the
    // config now rejects it; here given directly) used to reach avg(failing) = null: an NPE.
    Fixtures.csv(
        dir,
        "eval.csv",
        "color,amount,label,pred",
        "red,15,1,0.9",
        "blue,25,0,0.3",
        "green,35,1,",
        "green,50,0,");
    StressTest t = new UnseenCategoricalTest();
    TestParams p =
        TestParams.defaults(t)
            .with(
                "performance_change_config",
                Map.of("severity_thresholds", List.of(0.01, 0.05, 0.1), "min_num_samples", 0));
    TestCase c = one(t, ctx("label", "pred"), p, "color");
    assertThat(c.description()).doesNotStartWith("test raised");
    assertThat(c.metrics().get("num_failing_rows")).isEqualTo(2.0);
    assertThat(c.importanceScore()).isNull();
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.LOW);
  }
}
