// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared machinery of {@link Transformations}, with in-JVM {@link SqlModel}s. Evaluation rows
 * (x, z, y): (2.5, 2.5, 0), (3.5, 3.5, 0), (7.5, 7.5, 1), (8.5, 8.5, 1); a model {@code x / 10}
 * classifies all four correctly (0.25, 0.35 ≤ 0.5 &lt; 0.75, 0.85).
 */
class TransformationsTest {

  @TempDir Path dir;
  private Db db;
  private final NullSubstitutionTest nulls = new NullSubstitutionTest();

  @BeforeEach
  void write() {
    db = Db.open();
    Fixtures.csv(dir, "ref.csv", "x,z,y", "1.5,1.5,0", "2.5,2.5,0", "8.5,8.5,1", "9.5,9.5,1");
    Fixtures.csv(dir, "eval.csv", "x,z,y", "2.5,2.5,0", "3.5,3.5,0", "7.5,7.5,1", "8.5,8.5,1");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestContext ctx(String label, SqlModel model) {
    TestContext ctx =
        Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", label, null), dir);
    ctx.setModel(model);
    return ctx;
  }

  private static TestParams pcc(StressTest t, Map<String, Object> values) {
    TestParams p = TestParams.defaults(t);
    @SuppressWarnings("unchecked")
    Map<String, Object> m =
        new java.util.LinkedHashMap<>(
            (Map<String, Object>) p.asMap().get("performance_change_config"));
    m.putAll(values);
    return p.with("performance_change_config", m);
  }

  @Test
  void theFeaturesOfATestGoToTheModelInOneCall() {
    SqlModel model = new SqlModel("COALESCE(x, z) / 10", null);
    nulls.run(ctx("y", model), TestParams.defaults(nulls));
    // The unperturbed sample, then x nulled (rows 0-3) and z nulled (rows 4-7) in one call.
    assertThat(model.calls).hasSize(2);
    List<List<String>> batch = model.calls.get(1);
    assertThat(batch).hasSize(8);
    assertThat(batch.get(0)).isEqualTo(Arrays.asList(null, "2.5"));
    assertThat(batch.get(3)).isEqualTo(Arrays.asList(null, "8.5"));
    assertThat(batch.get(4)).isEqualTo(Arrays.asList("2.5", null));
    assertThat(batch.get(7)).isEqualTo(Arrays.asList("8.5", null));
  }

  @Test
  void withLabelsTheAccuracyDropIsJudged() {
    // x null → 0.4 on every row: rows labelled 1 become wrong, accuracy 1 → 0.5.
    List<TestCase> cases =
        nulls.run(ctx("y", new SqlModel("COALESCE(x, 4) / 10", null)), TestParams.defaults(nulls));
    TestCase x = cases.get(0);
    assertThat(x.status()).isEqualTo(TestStatus.FAIL);
    assertThat(x.severity()).isEqualTo(Severity.HIGH);
    assertThat(x.metrics().get("accuracy_original")).isEqualTo(1.0);
    assertThat(x.metrics().get("accuracy_perturbed")).isEqualTo(0.5);
    assertThat(x.metrics().get("impact")).isEqualTo(0.5);
    // |0.4 − 0.25| + |0.4 − 0.35| + |0.4 − 0.75| + |0.4 − 0.85| = 1.0, over 4 rows.
    assertThat(x.metrics().get("avg_prediction_change")).isCloseTo(0.25, within());
    assertThat(x.description())
        .isEqualTo(
            "Substituting null in 'x' of 4 evaluation rows: accuracy 1.000 → 0.5000 on 4 labelled"
                + " rows, a change of 0.5000, reaching the high threshold 0.1000, so the test"
                + " fails.");
    TestCase z = cases.get(1);
    assertThat(z.status()).isEqualTo(TestStatus.PASS);
    assertThat(z.metrics().get("impact")).isEqualTo(0.0);
  }

  @Test
  void withoutLabelsTheAveragePredictionChangeIsJudged() {
    // (x + 40) / 100 = 0.425, 0.435, 0.475, 0.485; x null → 0.45: changes 0.025, 0.015, 0.025,
    // 0.035, average 0.025: at least the low threshold 0.01, below the medium 0.05.
    List<TestCase> cases =
        nulls.run(
            ctx(null, new SqlModel("(COALESCE(x, 5) + 40) / 100", null)),
            TestParams.defaults(nulls));
    TestCase x = cases.get(0);
    assertThat(x.status()).isEqualTo(TestStatus.FAIL);
    assertThat(x.severity()).isEqualTo(Severity.LOW);
    assertThat(x.metrics().get("impact")).isCloseTo(0.025, within());
    assertThat(x.metrics()).doesNotContainKey("accuracy_original");
    assertThat(x.details().get("impact_measure")).isEqualTo("average prediction change");
  }

  @Test
  void aRegressionModelsChangeIsInReferencePredictionStandardDeviations() {
    // 10 x on the reference x = 1.5, 2.5, 8.5, 9.5: predictions 15, 25, 85, 95, mean 55,
    // population variance (40² + 30² + 30² + 40²) / 4 = 1250, sd 25√2. On the evaluation
    // (25, 35, 75, 85) x null → 50 moves them by 25, 15, 25, 35: 25 on average = 1/√2 sd: High.
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "y", null);
    config.put("model_task", "Regression");
    TestContext ctx = Fixtures.context(db, config, dir);
    ctx.setModel(new SqlModel("COALESCE(x, 5) * 10", null));
    List<TestCase> cases = nulls.run(ctx, TestParams.defaults(nulls));
    TestCase x = cases.get(0);
    double sd = 25 * Math.sqrt(2);
    assertThat((Double) x.details().get("prediction_std")).isCloseTo(sd, within());
    assertThat(x.metrics().get("impact")).isCloseTo(1 / Math.sqrt(2), within());
    assertThat(x.severity()).isEqualTo(Severity.HIGH);
    assertThat(x.description())
        .contains(
            "average prediction change 0.7071 reference prediction standard deviations (25.00 in"
                + " the prediction's units, the standard deviation being 35.36)");
    assertThat(cases.get(1).status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  void ignoreErrorsLeavesTheFailingRowsOut() {
    // The model raises on the row with z = 8.5 once x is null; the other three rows score 0.4:
    // accuracy 1 → 2/3 (the row labelled 1 turns wrong), a change of 1/3: High.
    SqlModel model = new SqlModel("COALESCE(x, 4) / 10", "x IS NULL AND z = 8.5");
    List<TestCase> cases = nulls.run(ctx("y", model), pcc(nulls, Map.of("ignore_errors", true)));
    TestCase x = cases.get(0);
    assertThat(x.status()).isEqualTo(TestStatus.FAIL);
    assertThat(x.severity()).isEqualTo(Severity.HIGH);
    assertThat(x.metrics().get("num_error_rows")).isEqualTo(1.0);
    assertThat(x.metrics().get("impact")).isCloseTo(1.0 / 3, within());
    assertThat(x.description())
        .contains("the model raised an error on 1 rows, left out as ignore_errors is true")
        .contains("ValueError: bad input");
    TestCase z = cases.get(1);
    assertThat(z.status()).isEqualTo(TestStatus.PASS);
    assertThat(z.metrics().get("num_error_rows")).isEqualTo(0.0);
  }

  @Test
  void ignoreErrorsWithEveryRowFailingSkipsTheFeature() {
    SqlModel model = new SqlModel("x / 10", "x IS NULL");
    List<TestCase> cases = nulls.run(ctx("y", model), pcc(nulls, Map.of("ignore_errors", true)));
    assertThat(cases.get(0).status()).isEqualTo(TestStatus.SKIP);
    assertThat(cases.get(0).description())
        .contains("the model raised an error on every one of the 4 perturbed rows");
  }

  @Test
  void aNaNPredictionIsAModelError() {
    // x null → NULL → NaN from the model.
    List<TestCase> cases =
        nulls.run(ctx("y", new SqlModel("x / 10", null)), TestParams.defaults(nulls));
    assertThat(cases.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat((String) cases.get(0).details().get("error")).contains("returned NaN");
    assertThat(cases.get(1).status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  void aModelErrorOnTheUnperturbedRowsFailsTheTest() {
    SqlModel model = new SqlModel("x / 10", "z > 8");
    TestContext ctx = ctx("y", model);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> nulls.run(ctx, TestParams.defaults(nulls)))
        .hasMessageContaining("ValueError: bad input");
  }

  @Test
  void theSampleIsDeterministicAndPrefersCompleteRows() {
    Fixtures.csv(dir, "eval.csv", "x,z,y", "2.5,,0", "3.5,3.5,0", "7.5,7.5,1", ",8.5,1");
    SqlModel a = new SqlModel("COALESCE(x, z) / 10", null);
    nulls.run(ctx("y", a), pcc(nulls, Map.of("num_samples_to_simulate", 2)));
    // Only rows 2 and 3 (1-based) have no missing input; they are the sample, in file order.
    assertThat(a.calls.get(0)).isEqualTo(List.of(List.of("3.5", "3.5"), List.of("7.5", "7.5")));
  }

  @Test
  void aTypeChangeGivesTheModelATextColumn() {
    Fixtures.csv(dir, "ref.csv", "n,y", "1,0", "2,0", "8,1", "9,1");
    Fixtures.csv(dir, "eval.csv", "n,y", "2,0", "3,0", "7,1", "8,1");
    FeatureTypeChangeTest t = new FeatureTypeChangeTest(ValueType.INT);
    assertThat(t.id()).isEqualTo("int_feature_type_change");
    assertThat(t.displayName()).isEqualTo("Int Feature Type Change");
    SqlModel lenient = new SqlModel("COALESCE(TRY_CAST(n AS DOUBLE), 4) / 10", null);
    TestCase c = t.run(ctx("y", lenient), TestParams.defaults(t)).get(0);
    assertThat(lenient.lastTypes).containsExactly("VARCHAR");
    assertThat(lenient.calls.get(1).get(0)).containsExactly("rime_not_a_number");
    assertThat(c.metrics().get("accuracy_perturbed")).isEqualTo(0.5);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);

    db.close();
    db = Db.open();
    SqlModel strict = new SqlModel("CAST(n AS DOUBLE) / 10", null);
    TestCase s = t.run(ctx("y", strict), TestParams.defaults(t)).get(0);
    assertThat(s.status()).isEqualTo(TestStatus.FAIL);
    assertThat(s.severity()).isEqualTo(Severity.HIGH);
    assertThat((String) s.details().get("error")).contains("rime_not_a_number");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
