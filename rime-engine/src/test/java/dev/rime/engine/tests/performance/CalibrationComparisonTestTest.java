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
import dev.rime.engine.tests.SkipTest;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Calibration Comparison against scikit-learn's {@code calibration_curve} ({@code
 * reference/performance/performance.py}) and on hand-worked tables; the bin of a probability on the
 * edges exactly as numpy's {@code searchsorted} puts it.
 */
class CalibrationComparisonTestTest {

  @TempDir Path dir;
  private Db db;
  private final StressTest test = new CalibrationComparisonTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestCase run(TestContext ctx) {
    return test.run(ctx, TestParams.defaults(test)).get(0);
  }

  private TestContext ctx(String task) {
    Map<String, Object> c = Fixtures.config("ref.csv", "eval.csv", "y", "p");
    if (task != null) {
      c.put("model_task", task);
    }
    return Fixtures.context(db, c, dir);
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelTask.class,
      names = {"BINARY_CLASSIFICATION", "MULTI_CLASS_CLASSIFICATION"})
  @SuppressWarnings("unchecked")
  void matchesScikitLearnsCalibrationCurves(ModelTask task) {
    TestCase c = run(PerformanceReference.context(db, task));
    double mse = PerformanceReference.number(task, "calibration", "calibration_mse");
    assertThat(c.metrics().get("calibration_mse")).isCloseTo(mse, within(1e-15));
    assertThat(c.metrics().get("num_common_bins"))
        .isEqualTo(PerformanceReference.number(task, "calibration", "num_common_bins"));
    Map<String, Object> refBins =
        (Map<String, Object>) PerformanceReference.get(task, "calibration", "ref_bins");
    Map<String, Object> evalBins =
        (Map<String, Object>) PerformanceReference.get(task, "calibration", "eval_bins");
    List<Map<String, Object>> bins = (List<Map<String, Object>>) c.details().get("bins");
    assertThat(bins).hasSize(refBins.size());
    for (Map<String, Object> b : bins) {
      String k = String.valueOf(b.get("bin"));
      Map<String, Object> r = (Map<String, Object>) refBins.get(k);
      Map<String, Object> e = (Map<String, Object>) evalBins.get(k);
      assertThat(b.get("ref_rows")).as(k).isEqualTo(((Number) r.get("rows")).longValue());
      assertThat((Double) b.get("ref_observed"))
          .as(k)
          .isCloseTo(((Number) r.get("observed")).doubleValue(), within(1e-15));
      assertThat((Double) b.get("ref_mean_predicted"))
          .as(k)
          .isCloseTo(((Number) r.get("mean_predicted")).doubleValue(), within(1e-14));
      assertThat(b.get("eval_rows")).as(k).isEqualTo(((Number) e.get("rows")).longValue());
      assertThat((Double) b.get("eval_observed"))
          .as(k)
          .isCloseTo(((Number) e.get("observed")).doubleValue(), within(1e-15));
    }
    // Binary 0.0301 and multi-class 0.0259 reach low (0.02), not medium (0.06).
    assertThat(c.severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void meanSquaredDifferenceOverTheBinsBothSidesPopulate() {
    // Reference: bin 0 (0.05, 0.05) observed 0; bin 1 (0.15, 0.15) observed 0.5; bin 9 only here.
    // Evaluation: bin 0 observed 1, bin 1 observed 1, bin 5 only here.
    // Common bins 0 and 1: ((0 - 1)^2 + (0.5 - 1)^2) / 2 = 0.625 >= 0.1: High.
    Fixtures.csv(dir, "ref.csv", "y,p", "0,0.05", "0,0.05", "1,0.15", "0,0.15", "1,0.95");
    Fixtures.csv(dir, "eval.csv", "y,p", "1,0.05", "1,0.15", "1,0.15", "1,0.55", ",0.35");
    TestCase c = run(ctx(null));
    assertThat(c.metrics().get("calibration_mse")).isEqualTo(0.625);
    assertThat(c.metrics().get("num_common_bins")).isEqualTo(2.0);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> bins = (List<Map<String, Object>>) c.details().get("bins");
    // Bins 0, 1, 5, 9; the unlabelled evaluation row (bin 3) is not counted.
    assertThat(bins).extracting(b -> b.get("bin")).containsExactly(0, 1, 5, 9);
    assertThat(bins.get(3)).containsEntry("eval_rows", 0L).containsEntry("eval_observed", null);
    // One bin: the squared difference of the positive rates, 2/5 vs 4/4: 0.36.
    TestCase one = test.run(ctx(null), TestParams.defaults(test).with("num_bins", 1)).get(0);
    assertThat(one.metrics().get("calibration_mse")).isCloseTo(0.36, within(1e-15));
  }

  @Test
  void identicalDataPasses() {
    Fixtures.csv(dir, "ref.csv", "y,p", "0,0.05", "1,0.15", "1,0.95", "0,0.3");
    Fixtures.csv(dir, "eval.csv", "y,p", "0,0.05", "1,0.15", "1,0.95", "0,0.3");
    TestCase c = run(ctx(null));
    assertThat(c.metrics().get("calibration_mse")).isEqualTo(0.0);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  void binsOnTheEdgesAreNumpysSearchsorted() {
    // numpy 2.1.3: np.searchsorted(np.linspace(0, 1, n + 1)[1:-1], values) for n = 10, 3, 7.
    List<Double> values =
        List.of(
            0.0,
            1e-300,
            0.1,
            0.2,
            0.3,
            0.30000000000000004,
            0.7,
            0.9,
            0.95,
            1.0,
            0.3333333333333333,
            0.6666666666666666,
            0.6666666666666667);
    Map<Integer, List<Integer>> expected =
        Map.of(
            10, List.of(0, 0, 0, 1, 2, 2, 6, 8, 9, 9, 3, 6, 6),
            3, List.of(0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 0, 1, 2),
            7, List.of(0, 0, 0, 1, 2, 2, 4, 6, 6, 6, 2, 4, 4));
    for (Map.Entry<Integer, List<Integer>> e : expected.entrySet()) {
      int n = e.getKey();
      for (int i = 0; i < values.size(); i++) {
        String p = "CAST('" + values.get(i) + "' AS DOUBLE)";
        String k =
            "least(" + (n - 1) + ", greatest(0, CAST(floor(" + p + " * " + n + ") AS BIGINT)))";
        long bin = db.scalarLong("SELECT " + CalibrationComparisonTest.binExpr(k, p, n));
        assertThat(bin)
            .as("n " + n + ", p " + values.get(i))
            .isEqualTo(e.getValue().get(i).longValue());
      }
    }
  }

  @Test
  void skipsWithoutProbabilitiesLabelsOrCommonBins() {
    Fixtures.csv(dir, "ref.csv", "y,p", "0,0.05", "1,0.15");
    Fixtures.csv(dir, "eval.csv", "y,p", "0,0.95", "1,0.85");
    assertThatThrownBy(() -> run(ctx(null)))
        .isInstanceOf(SkipTest.class)
        .hasMessage("no bin of the predicted probability holds labelled rows of both datasets");
    Fixtures.csv(dir, "eval.csv", "y,p", "0,1.5", "1,0.85");
    assertThatThrownBy(() -> run(ctx(null)))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("evaluation predictions are not probabilities");
    Fixtures.csv(dir, "eval.csv", "y,p", ",0.05", ",0.85");
    assertThatThrownBy(() -> run(ctx(null)))
        .isInstanceOf(SkipTest.class)
        .hasMessage("no evaluation row has both a label and a model output");
    assertThatThrownBy(() -> run(ctx("Regression")))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("model_task is Regression");
  }
}
