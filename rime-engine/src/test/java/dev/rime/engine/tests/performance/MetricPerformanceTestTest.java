// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Db;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestCatalogue;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One test per metric: values and degradations against scikit-learn and numpy ({@code
 * reference/performance/performance.py}), and the judging rules on tiny hand-worked tables.
 */
class MetricPerformanceTestTest {

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

  private static MetricPerformanceTest testOf(Metric m) {
    String id = m == Metric.AVERAGE_CONFIDENCE ? "avg_confidence" : m.id();
    return (MetricPerformanceTest) TestCatalogue.byId(id).orElseThrow();
  }

  private static TestCase run(StressTest t, TestContext ctx) {
    return t.run(ctx, TestParams.defaults(t)).get(0);
  }

  private TestContext ctx(String label, String pred, String task) {
    Map<String, Object> c = Fixtures.config("ref.csv", "eval.csv", label, pred);
    if (task != null) {
      c.put("model_task", task);
    }
    return Fixtures.context(db, c, dir);
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelTask.class,
      names = {"BINARY_CLASSIFICATION", "MULTI_CLASS_CLASSIFICATION", "REGRESSION"})
  void everyMetricAndItsDegradationMatchTheReference(ModelTask task) {
    TestContext ctx = PerformanceReference.context(db, task);
    for (Metric m : Metric.forTask(task)) {
      TestCase c = run(testOf(m), ctx);
      String id = m.id();
      double ref = PerformanceReference.number(task, "ref", id);
      double eval = PerformanceReference.number(task, "eval", id);
      double degradation = PerformanceReference.number(task, "degradation", id);
      assertThat(c.metrics().get("ref_" + id)).as(id).isCloseTo(ref, within(1e-12));
      assertThat(c.metrics().get("eval_" + id)).as(id).isCloseTo(eval, within(1e-12));
      assertThat(c.metrics().get("degradation"))
          .as(id)
          .isCloseTo(degradation, within(1e-12 * Math.max(1, Math.abs(degradation))));
      assertThat(c.status()).as(id).isIn(TestStatus.PASS, TestStatus.FAIL);
    }
  }

  @Test
  void marginsOfErrorMatchTheReference() {
    TestCase acc =
        run(
            testOf(Metric.ACCURACY),
            PerformanceReference.context(db, ModelTask.BINARY_CLASSIFICATION));
    assertThat(acc.metrics().get("margin_of_error"))
        .isCloseTo(
            PerformanceReference.number(ModelTask.BINARY_CLASSIFICATION, "accuracy_margin"),
            within(1e-12));
    // Accuracy 0.731 -> 0.596: 0.135 worse, beyond the margin 0.057, reaches high (0.1).
    assertThat(acc.severity()).isEqualTo(Severity.HIGH);

    TestCase mae = run(testOf(Metric.MAE), PerformanceReference.context(db, ModelTask.REGRESSION));
    assertThat(mae.metrics().get("margin_of_error"))
        .isCloseTo(
            PerformanceReference.number(ModelTask.REGRESSION, "mae_relative_margin"),
            within(1e-12));
    assertThat(mae.details()).containsEntry("degradation_measure", "relative");
    // MAE 0.835 -> 1.110: 33% worse, beyond the margin 12%, reaches medium (0.2), not high (0.5).
    assertThat(mae.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void aucDegradationWithinItsMarginIsNotClaimedButFloorsStillJudge() {
    // Reference AUC 1.0 (SE 0); evaluation pairs (pos 0.8 | neg 0.1, 0.9): 1 of 2; (pos 0.3 | neg
    // 0.1, 0.9): 1 of 2 -> 0.5. Hanley-McNeil at A = 0.5, 2 x 2: Q1 = Q2 = 1/3, variance
    // (0.25 + (1/3 - 0.25) * 2) / 4 = 5/48, margin 1.96 * sqrt(5/48) = 0.633 > 0.5: not claimed.
    Fixtures.csv(dir, "ref.csv", "y,p", "0,0.1", "0,0.2", "1,0.8", "1,0.9");
    Fixtures.csv(dir, "eval.csv", "y,p", "0,0.1", "0,0.9", "1,0.8", "1,0.3");
    StressTest t = new MetricPerformanceTest(Metric.AUC);
    TestContext ctx = ctx("y", "p", null);
    TestCase c = run(t, ctx);
    assertThat(c.metrics().get("eval_auc")).isEqualTo(0.5);
    assertThat(c.metrics().get("degradation")).isEqualTo(0.5);
    assertThat(c.metrics().get("margin_of_error"))
        .isCloseTo(1.959963984540054 * Math.sqrt(5.0 / 48), within(1e-9));
    assertThat(c.severity()).isEqualTo(Severity.NONE);
    assertThat(c.description()).contains("within its margin of error");

    TestParams floors = TestParams.defaults(t).with("absolute_thresholds", List.of(0.8, 0.7, 0.55));
    TestCase f = t.run(ctx, floors).get(0);
    // Evaluation AUC 0.5 < 0.55: High, whatever the degradation.
    assertThat(f.severity()).isEqualTo(Severity.HIGH);
    assertThat(f.status()).isEqualTo(TestStatus.FAIL);
    assertThat(f.description()).contains("is below the high floor 0.55");
  }

  @Test
  void accuracyDegradationBeyondItsMarginTakesTheThresholdsSeverity() {
    // Reference: 100 rows all right (accuracy 1, SE 0). Evaluation: 80 of 100 right, SE
    // sqrt(0.16 / 100) = 0.04, margin 0.0784 < degradation 0.2 >= high 0.1.
    List<String> ref = new ArrayList<>(List.of("y,p"));
    List<String> eval = new ArrayList<>(List.of("y,p"));
    for (int i = 0; i < 100; i++) {
      ref.add("1,0.9");
      eval.add(i < 80 ? "1,0.9" : "1,0.2");
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    TestCase c = run(new MetricPerformanceTest(Metric.ACCURACY), ctx("y", "p", null));
    assertThat(c.metrics().get("degradation")).isCloseTo(0.2, within(1e-12));
    assertThat(c.metrics().get("margin_of_error"))
        .isCloseTo(1.959963984540054 * 0.04, within(1e-12));
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.description()).contains("reaches the high threshold 0.1");
    // Every label is positive: recall falls from 1 to 0.8 too.
    TestCase recall = run(new MetricPerformanceTest(Metric.RECALL), ctx("y", "p", null));
    assertThat(recall.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void ratesBetterInNeitherDirectionFailEitherWay() {
    // Positive prediction rate 0.2 -> 0.8 and 0.8 -> 0.2: a change of 0.6 (SEs 0.04 each at n =
    // 100, margin 0.11), High both ways.
    List<String> low = new ArrayList<>(List.of("p"));
    List<String> high = new ArrayList<>(List.of("p"));
    for (int i = 0; i < 100; i++) {
      low.add(i < 20 ? "0.9" : "0.1");
      high.add(i < 80 ? "0.9" : "0.1");
    }
    StressTest t = new MetricPerformanceTest(Metric.POSITIVE_PREDICTION_RATE);
    Fixtures.csv(dir, "ref.csv", low);
    Fixtures.csv(dir, "eval.csv", high);
    TestCase up = run(t, ctx(null, "p", null));
    Fixtures.csv(dir, "ref.csv", high);
    Fixtures.csv(dir, "eval.csv", low);
    TestCase down = run(t, ctx(null, "p", null));
    assertThat(up.metrics().get("degradation")).isCloseTo(0.6, within(1e-12));
    assertThat(down.metrics().get("degradation")).isCloseTo(0.6, within(1e-12));
    assertThat(up.severity()).isEqualTo(Severity.HIGH);
    assertThat(down.severity()).isEqualTo(Severity.HIGH);
    assertThat(up.description()).contains("a change of 0.6000");
    assertThat(t.params()).extracting(Param::key).containsExactly("degradation_thresholds");
  }

  @Test
  void aPerfectReferenceMakesAnyRelativeErrorInfinitelyWorse() {
    // Reference MAE 0; evaluation errors 1 and 1: MAE 1, SE 0, infinitely worse: High, and the
    // infinite degradation is recorded as null.
    Fixtures.csv(dir, "ref.csv", "y,p", "1,1", "2,2");
    Fixtures.csv(dir, "eval.csv", "y,p", "1,2", "2,3");
    TestCase c = run(new MetricPerformanceTest(Metric.MAE), ctx("y", "p", "Regression"));
    assertThat(c.metrics().get("ref_mae")).isEqualTo(0.0);
    assertThat(c.metrics().get("eval_mae")).isEqualTo(1.0);
    assertThat(c.metrics().get("degradation")).isNull();
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.description()).contains("degradation infinite");
  }

  @Test
  void aRegressionModelsAveragePredictionMovesInReferenceStandardDeviations() {
    // Reference predictions 1, 2, 3: mean 2, sd 1 (ddof 1), SE 1/sqrt(3); evaluation 4, 4, 4: mean
    // 4, SE 0. Change 2 sd, margin 1.96 / sqrt(3) = 1.13 < 2: High (0.5).
    Fixtures.csv(dir, "ref.csv", "y,p", "1,1", "2,2", "3,3");
    Fixtures.csv(dir, "eval.csv", "y,p", "1,4", "2,4", "3,4");
    TestCase c =
        run(new MetricPerformanceTest(Metric.AVERAGE_PREDICTION), ctx("y", "p", "Regression"));
    assertThat(c.metrics().get("degradation")).isCloseTo(2.0, within(1e-12));
    assertThat(c.metrics().get("margin_of_error"))
        .isCloseTo(1.959963984540054 / Math.sqrt(3), within(1e-12));
    assertThat(c.details()).containsEntry("degradation_measure", "standardised");
    assertThat(c.details()).containsEntry("degradation_thresholds", List.of(0.1, 0.2, 0.5));
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    // Constant reference predictions: no standard deviation, any change is infinite.
    Fixtures.csv(dir, "ref.csv", "y,p", "1,1", "2,1");
    TestCase constant =
        run(new MetricPerformanceTest(Metric.AVERAGE_PREDICTION), ctx("y", "p", "Regression"));
    assertThat(constant.severity()).isEqualTo(Severity.HIGH);
    assertThat(constant.metrics().get("degradation")).isNull();
    // One reference row: no standard deviation at all, the change is not judged.
    Fixtures.csv(dir, "ref.csv", "y,p", "1,1");
    TestCase one =
        run(new MetricPerformanceTest(Metric.AVERAGE_PREDICTION), ctx("y", "p", "Regression"));
    assertThat(one.status()).isEqualTo(TestStatus.PASS);
    assertThat(one.description()).contains("no finite standard deviation");
  }

  @Test
  void infinitePredictionsMakeAValueUndefinedNotAPass() {
    // Evaluation predictions -inf, inf and 0.9: the average prediction is NaN, the average
    // confidence infinite; neither is judged as a number.
    Fixtures.csv(dir, "ref.csv", "y,p", "0,0.1", "1,0.9");
    Fixtures.csv(dir, "eval.csv", "y,p", "0,-inf", "1,inf", "1,0.9");
    assertThatThrownBy(
            () -> run(new MetricPerformanceTest(Metric.AVERAGE_PREDICTION), ctx("y", "p", null)))
        .isInstanceOf(SkipTest.class)
        .hasMessage(
            "Average Prediction is undefined on the evaluation data (it is not finite: the"
                + " predictions or labels hold infinite values)");
    assertThatThrownBy(() -> run(MetricPerformanceTest.averageConfidence(), ctx("y", "p", null)))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("it is not finite");
    // The reference side infinite: only the evaluation value is reported.
    Fixtures.csv(dir, "ref.csv", "y,p", "0,-inf", "1,inf", "1,0.9");
    Fixtures.csv(dir, "eval.csv", "y,p", "0,0.1", "1,0.9");
    TestCase c = run(MetricPerformanceTest.averageConfidence(), ctx("y", "p", null));
    assertThat(c.metrics().get("ref_average_confidence")).isNull();
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.description()).contains("it is not finite").contains("not judged");
  }

  @Test
  void ceilingsJudgeALowerIsBetterMetric() {
    // Evaluation FPR: negatives 0.9, 0.9, 0.1, 0.1 -> 2 of 4 false positives = 0.5; reference the
    // same: no degradation. Ceilings [0.2, 0.4, 0.6]: 0.5 reaches medium.
    Fixtures.csv(dir, "ref.csv", "y,p", "0,0.9", "0,0.9", "0,0.1", "0,0.1", "1,0.9");
    Fixtures.csv(dir, "eval.csv", "y,p", "0,0.9", "0,0.9", "0,0.1", "0,0.1", "1,0.9");
    StressTest t = new MetricPerformanceTest(Metric.FALSE_POSITIVE_RATE);
    TestCase c =
        t.run(
                ctx("y", "p", null),
                TestParams.defaults(t).with("absolute_thresholds", List.of(0.2, 0.4, 0.6)))
            .get(0);
    assertThat(c.metrics().get("eval_false_positive_rate")).isEqualTo(0.5);
    assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(c.description()).contains("reaches the medium ceiling 0.4");
  }

  @Test
  void skipsWhenTheMetricDoesNotApplyOrIsUndefined() {
    Fixtures.csv(dir, "ref.csv", "y,p", "0,0.1", "1,0.9");
    Fixtures.csv(dir, "eval.csv", "y,p", "1,0.1", "1,0.2");
    assertThatThrownBy(() -> run(new MetricPerformanceTest(Metric.MAE), ctx("y", "p", null)))
        .isInstanceOf(SkipTest.class)
        .hasMessage("Mean Absolute Error is not a metric of Binary Classification models");
    assertThatThrownBy(() -> run(new MetricPerformanceTest(Metric.AUC), ctx("y", "p", null)))
        .isInstanceOf(SkipTest.class)
        .hasMessage("AUC is undefined on the evaluation data (only one label class)");
    assertThatThrownBy(() -> run(new MetricPerformanceTest(Metric.PRECISION), ctx("y", "p", null)))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("no positive predictions");
    assertThatThrownBy(() -> run(new MetricPerformanceTest(Metric.ACCURACY), ctx(null, "p", null)))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("data_info.label_col is not set");
    // The average prediction needs no label.
    assertThat(
            run(new MetricPerformanceTest(Metric.AVERAGE_PREDICTION), ctx(null, "p", null))
                .status())
        .isEqualTo(TestStatus.PASS);
    assertThatThrownBy(
            () -> run(new MetricPerformanceTest(Metric.AVERAGE_PREDICTION), ctx("y", null, null)))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("data_info.pred_col is not set");
  }

  @Test
  void anUndefinedReferenceValueLeavesOnlyTheFloorsToJudge() {
    // Reference: one label class, AUC undefined; evaluation AUC 1.
    Fixtures.csv(dir, "ref.csv", "y,p", "1,0.1", "1,0.9");
    Fixtures.csv(dir, "eval.csv", "y,p", "0,0.1", "1,0.9");
    TestCase c = run(new MetricPerformanceTest(Metric.AUC), ctx("y", "p", null));
    assertThat(c.metrics().get("ref_auc")).isNull();
    assertThat(c.metrics().get("degradation")).isNull();
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.description())
        .contains("only one label class on the reference), so degradation was not judged");
  }

  @Test
  void parametersFollowTheMetricsDirection() {
    assertThat(new MetricPerformanceTest(Metric.AUC).params())
        .extracting(Param::key, Param::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("degradation_thresholds", Param.Kind.THRESHOLDS),
            org.assertj.core.groups.Tuple.tuple("absolute_thresholds", Param.Kind.FLOORS));
    assertThat(new MetricPerformanceTest(Metric.MSE).params())
        .extracting(Param::key, Param::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("degradation_thresholds", Param.Kind.THRESHOLDS),
            org.assertj.core.groups.Tuple.tuple("absolute_thresholds", Param.Kind.THRESHOLDS));
    assertThat(new MetricPerformanceTest(Metric.MSE).defaultParams())
        .containsEntry("degradation_thresholds", List.of(0.21, 0.44, 1.25));
    assertThat(MetricPerformanceTest.averageConfidence().defaultParams())
        .containsOnlyKeys("severity_thresholds")
        .containsEntry("severity_thresholds", List.of(0.05, 0.1, 0.2));
    // R squared floors may be negative, not above 1.
    Param floors = new MetricPerformanceTest(Metric.R_SQUARED).params().get(1);
    floors.validate("k", List.of(0.5, 0.0, -2.0));
    assertThatThrownBy(() -> floors.validate("k", List.of(1.5, 0.0, -2.0)))
        .hasMessageContaining("k: must be a list of 3 descending numbers");
  }
}
