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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Average Thresholded Confidence against numpy ({@code reference/performance/performance.py}, which
 * also checks the definition against Garg et al.'s own code on tie-free data) and on tiny
 * hand-worked tables with tied confidences.
 */
class AverageThresholdedConfidenceTestTest {

  @TempDir Path dir;
  private Db db;
  private final StressTest test = new AverageThresholdedConfidenceTest();

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
  void matchesTheReference(ModelTask task) {
    TestCase c = run(PerformanceReference.context(db, task));
    assertThat(c.metrics().get("confidence_threshold"))
        .isEqualTo(PerformanceReference.number(task, "atc", "threshold"));
    assertThat((Double) c.details().get("tie_weight"))
        .isCloseTo(PerformanceReference.number(task, "atc", "tie_weight"), within(1e-15));
    assertThat(c.metrics().get("ref_accuracy"))
        .isCloseTo(PerformanceReference.number(task, "atc", "ref_accuracy"), within(1e-15));
    assertThat(c.metrics().get("predicted_eval_accuracy"))
        .isCloseTo(
            PerformanceReference.number(task, "atc", "predicted_eval_accuracy"), within(1e-15));
    double drop = PerformanceReference.number(task, "atc", "predicted_accuracy_drop");
    assertThat(c.metrics().get("predicted_accuracy_drop")).isCloseTo(drop, within(1e-15));
    assertThat(c.details())
        .containsEntry(
            "ref_rows", ((Number) PerformanceReference.get(task, "atc", "ref_rows")).longValue())
        .containsEntry(
            "eval_rows", ((Number) PerformanceReference.get(task, "atc", "eval_rows")).longValue());
    String accuracy = task == ModelTask.BINARY_CLASSIFICATION ? "accuracy" : "multiclass_accuracy";
    assertThat(c.metrics().get("eval_accuracy"))
        .isCloseTo(PerformanceReference.number(task, "eval", accuracy), within(1e-15));
    // Binary: drop 0.090 reaches low (0.05); multi-class: 0.185 reaches medium (0.1).
    assertThat(c.severity())
        .isEqualTo(task == ModelTask.BINARY_CLASSIFICATION ? Severity.LOW : Severity.MEDIUM);
  }

  @Test
  void tiedConfidencesAtTheThresholdCountWithTheWeightThatReproducesTheReferenceAccuracy() {
    // Reference confidences max(p, 1 - p) and correctness (p > 0.5 == y):
    //   0.875 right, 0.75 right, 0.75 wrong, 0.75 wrong (p 0.25, y 1), 0.625 wrong.
    // n 5, c 2 (accuracy 0.4): t = 3rd smallest = 0.75; 1 above, 3 at t: weight (2 - 1) / 3.
    Fixtures.csv(dir, "ref.csv", "y,p", "1,0.875", "1,0.75", "0,0.75", "1,0.25", "1,0.375");
    // Evaluation, unlabelled: confidences 0.9375, 0.75, 0.75, 0.5625, 0.5: 1 above, 2 at t:
    // predicted accuracy (1 + 2 / 3) / 5 = 1 / 3; drop 0.4 - 1 / 3 = 1 / 15 >= 0.05: Low.
    Fixtures.csv(dir, "eval.csv", "y,p", ",0.9375", ",0.75", ",0.25", ",0.5625", ",0.5");
    TestCase c = run(ctx(null));
    assertThat(c.metrics().get("confidence_threshold")).isEqualTo(0.75);
    assertThat((Double) c.details().get("tie_weight")).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(c.metrics().get("predicted_eval_accuracy")).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(c.metrics().get("predicted_accuracy_drop")).isCloseTo(1.0 / 15, within(1e-15));
    assertThat(c.metrics().get("eval_accuracy")).isNull();
    assertThat(c.severity()).isEqualTo(Severity.LOW);
    assertThat(c.description())
        .contains("The confidence threshold 0.7500 leaves a share of 0.4000 of the 5 labelled")
        .contains("reaches the low threshold 0.05000");
  }

  @Test
  void identicalDataPredictsNoDropDespiteTies() {
    Fixtures.csv(dir, "ref.csv", "y,p", "1,0.875", "1,0.75", "0,0.75", "1,0.25", "1,0.375");
    Fixtures.csv(dir, "eval.csv", "y,p", "1,0.875", "1,0.75", "0,0.75", "1,0.25", "1,0.375");
    TestCase c = run(ctx(null));
    assertThat(c.metrics().get("predicted_accuracy_drop")).isCloseTo(0.0, within(1e-15));
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  void anAllCorrectReferencePutsTheThresholdBelowEveryConfidence() {
    Fixtures.csv(dir, "ref.csv", "y,p", "1,0.9", "0,0.2");
    Fixtures.csv(dir, "eval.csv", "y,p", "1,0.6", "0,0.5");
    TestCase c = run(ctx(null));
    assertThat(c.metrics().get("confidence_threshold")).isNull();
    assertThat(c.metrics().get("predicted_eval_accuracy")).isEqualTo(1.0);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.description()).contains("threshold (below every confidence)");
  }

  @Test
  void anAllWrongReferencePutsItAtTheLargestConfidence() {
    // n 2, c 0: t = 2nd smallest = 0.9 (max); nothing above, 2 at t, weight 0: predicted 0.
    Fixtures.csv(dir, "ref.csv", "y,p", "0,0.9", "1,0.2");
    Fixtures.csv(dir, "eval.csv", "y,p", "1,0.95", "0,0.5");
    TestCase c = run(ctx(null));
    assertThat(c.metrics().get("confidence_threshold")).isEqualTo(0.9);
    // 0.95 is above 0.9: predicted 0.5, an improvement of 0.5.
    assertThat(c.metrics().get("predicted_eval_accuracy")).isEqualTo(0.5);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  void skipsWithoutAClassifierOrReferenceLabels() {
    Fixtures.csv(dir, "ref.csv", "y,p", "1.5,1.2", "2.5,2.0");
    Fixtures.csv(dir, "eval.csv", "y,p", "1.5,1.2", "2.5,2.0");
    assertThatThrownBy(() -> run(ctx("Regression")))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("model_task is Regression");
    Fixtures.csv(dir, "ref.csv", "y,p", ",0.9", ",0.2");
    Fixtures.csv(dir, "eval.csv", "y,p", "1,0.9", "0,0.2");
    assertThatThrownBy(() -> run(ctx(null)))
        .isInstanceOf(SkipTest.class)
        .hasMessage("no reference row has both a label and a model output");
  }
}
