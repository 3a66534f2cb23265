// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.TestRunConfig;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label Drift (Categorical), Label Drift (Regression) and Predicted Label Drift. */
class LabelDriftTest {

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

  private static final StressTest CATEGORICAL = new CategoricalLabelDriftTest();
  private static final StressTest REGRESSION = new RegressionLabelDriftTest();
  private static final StressTest PREDICTED = new PredictedLabelDriftTest();

  /** Rows "x,y,p" from {@code lines}, with the given model task (null: binary). */
  private TestContext context(List<String> ref, List<String> eval, String task) {
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "y", "p");
    if (task != null) {
      config.put("model_task", task);
    }
    return Fixtures.context(db, config, dir);
  }

  private static List<String> rows(int n0, int n1, String p0, String p1) {
    List<String> out = new ArrayList<>(List.of("x,y,p"));
    for (int i = 0; i < n0 + n1; i++) {
      out.add(i + "," + (i < n0 ? "0" : "1") + "," + (i < n0 ? p0 : p1));
    }
    return out;
  }

  @Test
  void classFrequencyShiftFailsWithThePsiSeverity() {
    // ref 100 x 0 + 100 x 1, eval 150 x 0 + 50 x 1: p = (0.5, 0.5), q = (0.75, 0.25),
    // PSI = 0.25 ln 1.5 + 0.25 ln 2 = 0.25 ln 3 = 0.2747: at least 0.2, below 0.4: LOW. From
    // noise alone two classes give PSI about 1/200 + 1/200 = 0.01, so p = 1/501.
    TestContext ctx = context(rows(100, 100, "0.2", "0.8"), rows(150, 50, "0.2", "0.8"), null);
    TestCase c = CATEGORICAL.run(ctx, TestParams.defaults(CATEGORICAL)).get(0);
    assertThat(c.features()).containsExactly("y");
    assertThat(c.metrics().get("psi")).isCloseTo(0.25 * Math.log(3), within(1e-12));
    assertThat(c.metrics().get("p_value")).isEqualTo(1.0 / 501);
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.LOW);
    assertThat(c.details()).containsEntry("psi_thresholds", List.of(0.2, 0.4, 0.6));
    assertThat(c.description())
        .startsWith("PSI of the labels ('y') between reference and evaluation data is 0.2747")
        .contains("reaches the low threshold 0.2");
    // params.psi_thresholds [0.1, 0.2, 0.25]: HIGH.
    TestParams high =
        TestParams.defaults(CATEGORICAL)
            .with("params", Map.of("psi_thresholds", List.of(0.1, 0.2, 0.25)));
    assertThat(CATEGORICAL.run(ctx, high).get(0).severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void multiClassPredictedLabelsAreTheClassesOfTheLargestProbability() {
    // Predicted classes: reference 100 x 0 + 100 x 2, evaluation 150 x 0 + 50 x 2 (the row
    // "0.4,0.4,0.2" is class 0, numpy's argmax tie rule): the same PSI as above, 0.25 ln 3.
    Fixtures.csv(dir, "ref.csv", rows(100, 100, "0", "0"));
    Fixtures.csv(dir, "eval.csv", rows(150, 50, "0", "0"));
    List<String> refProbs = new ArrayList<>(List.of("a,b,c"));
    List<String> evalProbs = new ArrayList<>(List.of("a,b,c"));
    for (int i = 0; i < 200; i++) {
      refProbs.add(i < 100 ? "0.4,0.4,0.2" : "0.1,0.2,0.7");
      evalProbs.add(i < 150 ? "0.4,0.4,0.2" : "0.1,0.2,0.7");
    }
    Fixtures.csv(dir, "ref_probs.csv", refProbs);
    Fixtures.csv(dir, "eval_probs.csv", evalProbs);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "y", null);
    config.put("model_task", "Multi-class Classification");
    Fixtures.dataInfo(config).put("ref_pred_path", "ref_probs.csv");
    Fixtures.dataInfo(config).put("eval_pred_path", "eval_probs.csv");
    TestContext ctx = Fixtures.context(db, config, dir);

    TestCase c = PREDICTED.run(ctx, TestParams.defaults(PREDICTED)).get(0);

    assertThat(c.features()).containsExactly("predicted class");
    assertThat(c.metrics().get("psi")).isCloseTo(0.25 * Math.log(3), within(1e-12));
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void sameClassesPass() {
    TestContext ctx = context(rows(100, 100, "0.2", "0.8"), rows(100, 100, "0.3", "0.9"), null);
    TestCase c = CATEGORICAL.run(ctx, TestParams.defaults(CATEGORICAL)).get(0);
    assertThat(c.metrics().get("psi")).isZero();
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.severity()).isEqualTo(Severity.NONE);
  }

  @Test
  void categoricalLabelsSkipForRegressionAndRegressionLabelsForClassification() {
    TestContext binary = context(rows(100, 100, "0.2", "0.8"), rows(100, 100, "0.2", "0.8"), null);
    assertThatThrownBy(() -> REGRESSION.run(binary, TestParams.defaults(REGRESSION)))
        .isInstanceOf(SkipTest.class)
        .hasMessageStartingWith("needs regression labels; model_task is Binary Classification");
    TestContext regression =
        context(rows(100, 100, "0.2", "0.8"), rows(100, 100, "0.2", "0.8"), "Regression");
    assertThatThrownBy(() -> CATEGORICAL.run(regression, TestParams.defaults(CATEGORICAL)))
        .isInstanceOf(SkipTest.class)
        .hasMessageStartingWith("needs class labels; model_task is Regression");
    assertThatThrownBy(() -> PREDICTED.run(regression, TestParams.defaults(PREDICTED)))
        .isInstanceOf(SkipTest.class);
  }

  @Test
  void withoutLabelsOrPredictionsTheyDoNotApply() {
    Fixtures.csv(dir, "ref.csv", rows(100, 100, "0.2", "0.8"));
    Fixtures.csv(dir, "eval.csv", rows(100, 100, "0.2", "0.8"));
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, null), dir);
    assertThatThrownBy(() -> CATEGORICAL.run(ctx, TestParams.defaults(CATEGORICAL)))
        .hasMessageStartingWith("no labels");
    assertThatThrownBy(() -> PREDICTED.run(ctx, TestParams.defaults(PREDICTED)))
        .hasMessageStartingWith("no predictions");
  }

  @Test
  void regressionLabelsShiftedByHalfTheirRange() {
    // ref labels 0 .. 199, eval 100 .. 299, params.num_bins 4: reference quartiles (numpy linear)
    // 49.75, 99.5, 149.25; p = (1/4, 1/4, 1/4, 1/4), q = (0, 0, 1/4, 3/4) (0 floored at 1e-4):
    // PSI = 2 (0.25 - 1e-4) ln(0.25 / 1e-4) + (0.25 - 0.75) ln(0.25 / 0.75).
    List<String> ref = new ArrayList<>(List.of("x,y,p"));
    List<String> eval = new ArrayList<>(List.of("x,y,p"));
    for (int i = 0; i < 200; i++) {
      ref.add(i + "," + i + ",0.5");
      eval.add(i + "," + (i + 100) + ",0.5");
    }
    TestContext ctx = context(ref, eval, "Regression");
    TestParams params =
        TestParams.defaults(REGRESSION)
            .with("params", Map.of("psi_thresholds", List.of(0.2, 0.4, 0.6), "num_bins", 4));
    TestCase c = REGRESSION.run(ctx, params).get(0);
    double psi = 2 * (0.25 - 1e-4) * Math.log(0.25 / 1e-4) + (0.25 - 0.75) * Math.log(0.25 / 0.75);
    assertThat(c.metrics().get("psi")).isCloseTo(psi, within(1e-12));
    assertThat(c.details()).containsEntry("num_bins", 4);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void predictedLabelsAreThePredictionsAboveOneHalf() {
    // ref: 100 at 0.2 (0), 100 at 0.8 (1); eval: 120 at 0.4 and 40 at exactly 0.5 (both 0: 0.5 is
    // not above 0.5), 40 at 0.9 (1): p = (0.5, 0.5), q = (0.8, 0.2):
    // PSI = (0.5 - 0.8) ln(0.5 / 0.8) + (0.5 - 0.2) ln(0.5 / 0.2) = 0.3 ln 1.6 + 0.3 ln 2.5
    // = 0.3 ln 4 = 0.4159: MEDIUM.
    List<String> eval = new ArrayList<>(List.of("x,y,p"));
    for (int i = 0; i < 200; i++) {
      eval.add(i + ",0," + (i < 120 ? "0.4" : i < 160 ? "0.5" : "0.9"));
    }
    TestContext ctx = context(rows(100, 100, "0.2", "0.8"), eval, null);
    TestCase c = PREDICTED.run(ctx, TestParams.defaults(PREDICTED)).get(0);
    assertThat(c.features()).containsExactly("p");
    assertThat(c.metrics().get("psi")).isCloseTo(0.3 * Math.log(4), within(1e-12));
    assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(c.description()).startsWith("PSI of the predicted labels ('p' > 0.5)");
  }

  @Test
  void tooFewLabelsSkip() {
    TestContext ctx = context(rows(10, 10, "0.2", "0.8"), rows(10, 10, "0.2", "0.8"), null);
    assertThatThrownBy(() -> CATEGORICAL.run(ctx, TestParams.defaults(CATEGORICAL)))
        .isInstanceOf(SkipTest.class)
        .hasMessage("20 reference and 20 evaluation labels; min_sample_size is 100");
  }

  @Test
  void configFollowsRimesShape() {
    Map<String, Object> config = Fixtures.config("r.csv", "e.csv", "y", null);
    Map<String, Object> tests = new LinkedHashMap<>();
    config.put("tests_config", tests);
    // RIME's default config for the test is accepted as is.
    tests.put(
        "regression_label_drift",
        Map.of(
            "run",
            false,
            "drift_statistic",
            "Population Stability Index",
            "params",
            Map.of("psi_thresholds", List.of(0.2, 0.4, 0.6), "num_bins", 100)));
    TestRunConfig.parse(config);
    tests.put(
        "categorical_label_drift", Map.of("params", Map.of("psi_threshold", List.of(1, 2, 3))));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("tests_config.categorical_label_drift.params.psi_threshold:")
        .hasMessageContaining("did you mean psi_thresholds?");
    tests.put("categorical_label_drift", Map.of("drift_statistic", "Chi-Squared"));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessage(
            "tests_config.categorical_label_drift.drift_statistic: 'Chi-Squared' is not one of"
                + " Population Stability Index");
    tests.put(
        "categorical_label_drift", Map.of("params", Map.of("psi_thresholds", List.of(3, 2, 1))));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessageStartingWith("tests_config.categorical_label_drift.params.psi_thresholds:");
  }
}
