// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.Reference;
import dev.rime.engine.data.Db;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.tests.drift.CategoricalDriftTest;
import dev.rime.engine.tests.drift.ContinuousDriftTest;
import dev.rime.engine.tests.drift.PredictionDriftTest;
import dev.rime.engine.tests.performance.MetricPerformanceTest;
import dev.rime.engine.tests.subset.SubsetPerformanceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's statistics on the reference datasets against values computed once by numpy, pandas
 * and scikit-learn ({@code src/test/resources/reference/make_reference.py}).
 */
class ReferenceValuesTest {

  private Db db;
  private TestContext ctx;

  @BeforeEach
  void load() {
    db = Db.open();
    ctx = Fixtures.context(db, Reference.config(), Reference.dir());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void modelMetricsMatchScikitLearn() {
    assertThat(ctx.overallStats(false).value(Metric.AUC))
        .isCloseTo(Reference.number("ref_auc"), within(1e-12));
    assertThat(ctx.overallStats(true).value(Metric.AUC))
        .isCloseTo(Reference.number("eval_auc"), within(1e-12));
    assertThat(ctx.overallStats(false).value(Metric.ACCURACY))
        .isCloseTo(Reference.number("ref_accuracy"), within(1e-12));
    assertThat(ctx.overallStats(true).value(Metric.ACCURACY))
        .isCloseTo(Reference.number("eval_accuracy"), within(1e-12));
    assertThat(ctx.overallStats(true).value(Metric.AVERAGE_PREDICTION))
        .isCloseTo(Reference.number("eval_avg_pred"), within(1e-12));
  }

  @Test
  void quantileEdgesMatchNumpyLinear() {
    String num = ctx.columns().get(0).numExpr();
    List<Double> edges = ctx.quantileEdges(num, 100);
    assertThat(edges).hasSize((int) Reference.number("num_edges_100_count"));
    List<Object> first = Reference.list("num_edges_100_first5");
    for (int i = 0; i < first.size(); i++) {
      assertThat(edges.get(i)).isCloseTo(((Number) first.get(i)).doubleValue(), within(1e-12));
    }
    List<Object> subsetEdges = Reference.list("subset_edges");
    List<Double> ten = ctx.quantileEdges(num, 10);
    assertThat(ten).hasSize(subsetEdges.size());
    for (int i = 0; i < ten.size(); i++) {
      assertThat(ten.get(i)).isCloseTo(((Number) subsetEdges.get(i)).doubleValue(), within(1e-12));
    }
  }

  @Test
  void numericDriftPsiAndImpactMatchNumpy() {
    StressTest t = new ContinuousDriftTest();
    TestCase c = t.run(ctx, TestParams.defaults(t)).get(0);
    assertThat(c.features()).containsExactly("num");
    assertThat(c.metrics().get("psi")).isCloseTo(Reference.number("num_psi"), within(1e-9));
    assertThat(c.metrics().get("prediction_impact"))
        .isCloseTo(Reference.number("num_impact"), within(1e-9));
    // PSI 0.638 >= 0.2: drift; impact 0.0764 >= 10 * 0.005: High.
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void categoricalDriftPsiAndImpactMatchNumpy() {
    StressTest t = new CategoricalDriftTest();
    TestCase c = t.run(ctx, TestParams.defaults(t)).get(0);
    assertThat(c.features()).containsExactly("cat");
    assertThat(c.metrics().get("psi")).isCloseTo(Reference.number("cat_psi"), within(1e-12));
    assertThat(c.metrics().get("prediction_impact"))
        .isCloseTo(Reference.number("cat_impact"), within(1e-12));
    // PSI 0.112 < 0.2: no drift.
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.severity()).isEqualTo(Severity.NONE);

    TestCase lowered = t.run(ctx, TestParams.defaults(t).with("distance_threshold", 0.1)).get(0);
    // Drift now, but impact 0.00136 is below s = 0.005: Low.
    assertThat(lowered.status()).isEqualTo(TestStatus.FAIL);
    assertThat(lowered.severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void predictionDriftPsiMatchesNumpy() {
    StressTest t = new PredictionDriftTest();
    TestCase c = t.run(ctx, TestParams.defaults(t)).get(0);
    assertThat(c.metrics().get("psi")).isCloseTo(Reference.number("pred_psi"), within(1e-9));
    // 0.370 reaches the low threshold 0.2, but numpy's simulation of samples of 600 and 500 from
    // the pooled bins reaches it in 37.8% of draws (drift_significance.json): within noise, PASS.
    Map<String, Object> numpy = Reference.significance("reference_prediction");
    double tail = ((Number) numpy.get("tail_probability")).doubleValue();
    assertThat(c.metrics().get("psi"))
        .isCloseTo(((Number) numpy.get("psi")).doubleValue(), within(1e-9));
    // p = (1 + reached) / 501 estimates the tail; 4.5 standard errors + the 1/501 offset.
    double se = Math.sqrt(tail * (1 - tail) / 500);
    assertThat(c.metrics().get("p_value")).isCloseTo(tail, within(4.5 * se + 1.0 / 501));
    assertThat(c.severity()).isEqualTo(Severity.NONE);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.description()).endsWith("so no drift is claimed.");
  }

  @Test
  void predictionDriftPValueAndNoiseFloorMatchNumpysSimulation() {
    // 20000 draws: p within 4.5 standard errors of numpy's 400000-draw estimate (whose own error,
    // 0.0008, is included), the mean simulated PSI within 4.5 standard errors of numpy's mean.
    StressTest t = new PredictionDriftTest();
    int s = 20_000;
    TestCase c = t.run(ctx, TestParams.defaults(t).with("num_null_simulations", s)).get(0);
    Map<String, Object> numpy = Reference.significance("reference_prediction");
    double tail = ((Number) numpy.get("tail_probability")).doubleValue();
    double se = Math.sqrt(tail * (1 - tail) / s) + Math.sqrt(tail * (1 - tail) / 400_000);
    assertThat(c.metrics().get("p_value")).isCloseTo(tail, within(4.5 * se + 1.0 / s));
    double sd = ((Number) numpy.get("null_sd")).doubleValue();
    assertThat(c.metrics().get("null_psi_mean"))
        .isCloseTo(
            ((Number) numpy.get("null_mean")).doubleValue(), within(4.5 * sd / Math.sqrt(s)));
  }

  @Test
  void aucTestJudgesDegradation() {
    StressTest t = new MetricPerformanceTest(Metric.AUC);
    TestCase c = t.run(ctx, TestParams.defaults(t)).get(0);
    double expected = Reference.number("ref_auc") - Reference.number("eval_auc");
    assertThat(c.metrics().get("degradation")).isCloseTo(expected, within(1e-12));
    // Evaluation AUC is higher: negative degradation passes.
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  @SuppressWarnings("unchecked")
  void subsetMetricsAndMarginsMatchReference() {
    List<Object> expected = Reference.list("subsets");
    StressTest acc = new SubsetPerformanceTest(Metric.ACCURACY);
    StressTest auc = new SubsetPerformanceTest(Metric.AUC);
    TestCase accCase = acc.run(ctx, TestParams.defaults(acc)).get(0);
    TestCase aucCase = auc.run(ctx, TestParams.defaults(auc)).get(0);
    assertThat(accCase.features()).containsExactly("num");
    List<Map<String, Object>> accRows =
        (List<Map<String, Object>>) accCase.details().get("subsets");
    List<Map<String, Object>> aucRows =
        (List<Map<String, Object>>) aucCase.details().get("subsets");
    assertThat(accRows).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Map<String, Object> e = (Map<String, Object>) expected.get(i);
      assertThat(((Number) accRows.get(i).get("size")).longValue())
          .isEqualTo(((Number) e.get("size")).longValue());
      assertThat((Double) accRows.get(i).get("perf"))
          .isCloseTo(((Number) e.get("accuracy")).doubleValue(), within(1e-12));
      assertThat((Double) accRows.get(i).get("margin_error"))
          .isCloseTo(((Number) e.get("accuracy_margin")).doubleValue(), within(1e-12));
      assertThat((Double) aucRows.get(i).get("perf"))
          .isCloseTo(((Number) e.get("auc")).doubleValue(), within(1e-12));
      assertThat((Double) aucRows.get(i).get("margin_error"))
          .isCloseTo(((Number) e.get("auc_margin")).doubleValue(), within(1e-12));
    }
    assertThat(accCase.metrics().get("overall_perf"))
        .isCloseTo(Reference.number("eval_accuracy"), within(1e-12));
  }
}
