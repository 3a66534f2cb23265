// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.model.ModelAdapter;
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

/** The four feature-change attacks, on in-JVM models whose best changes are known by hand. */
class FeatureChangeTestsTest {

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

  /** Reference: x1 = 0…10, x2 = 10 − x1, c alternating a / b (11 rows). */
  private static List<String> reference() {
    List<String> out = new ArrayList<>(List.of("x1,x2,c"));
    for (int i = 0; i <= 10; i++) {
      out.add(i + "," + (10 - i) + "," + (i % 2 == 0 ? "a" : "b"));
    }
    return out;
  }

  private TestContext context(List<String> ref, List<String> eval, String task, ModelAdapter m) {
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    if (task != null) {
      config.put("model_task", task);
    }
    TestContext ctx = Fixtures.context(db, config, dir);
    if (m != null) {
      ctx.setModel(m);
    }
    return ctx;
  }

  private static TestCase run(StressTest test, TestContext ctx, Object... overrides) {
    TestParams p = TestParams.defaults(test);
    for (int i = 0; i < overrides.length; i += 2) {
      p = p.with((String) overrides[i], overrides[i + 1]);
    }
    List<TestCase> cases = test.run(ctx, p);
    assertThat(cases).hasSize(1);
    return cases.get(0);
  }

  /** p = 0.2 + 0.03 x1 + 0.01 x2 + 0.05 [c = b]. */
  private static RowModel linear() {
    return RowModel.of(
        r ->
            0.2
                + 0.03 * RowModel.num(r, "x1")
                + 0.01 * RowModel.num(r, "x2")
                + ("b".equals(r.get("c")) ? 0.05 : 0));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> worst(TestCase c) {
    return (Map<String, Object>) c.details().get("worst");
  }

  @Test
  void singleFeatureChangeOfALinearModelIsTheOneComputedByHand() {
    // Values tried for x1 and x2: the reference deciles of 0…10 = 0, 1, …, 10; for c: a, b.
    // Row (5,5,a): x1 → 0 or 10 moves p by 0.03·5 = 0.15 (x2: 0.05, c: 0.05).
    // Row (2,8,b): x1 → 10 moves p by 0.03·8 = 0.24 (x2: 0.08, c: 0.05).
    // Row (9,0,a): x1 → 0 moves p by 0.03·9 = 0.27 (x2: 0.10, c: 0.05).
    // Average (0.15 + 0.24 + 0.27) / 3 = 0.22: medium (0.15 ≤ 0.22 < 0.25).
    RowModel m = linear();
    TestContext ctx = context(reference(), List.of("x1,x2,c", "5,5,a", "2,8,b", "9,0,a"), null, m);
    TestCase c = run(new SingleFeatureChangesTest(), ctx);
    assertThat(c.metrics().get("avg_prediction_change")).isCloseTo(0.22, within(1e-12));
    assertThat(c.metrics().get("max_prediction_change")).isCloseTo(0.27, within(1e-12));
    assertThat(c.metrics()).containsEntry("num_rows_attacked", 3.0);
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(c.features()).containsExactly("x1");
    Map<String, Object> w = worst(c);
    assertThat(w).containsEntry("row", 2L);
    assertThat(w.get("changes"))
        .isEqualTo(List.of(Map.of("feature", "x1", "old_value", 9L, "new_value", 0L)));
    assertThat((Double) w.get("old_prediction")).isCloseTo(0.47, within(1e-12));
    assertThat((Double) w.get("new_prediction")).isCloseTo(0.20, within(1e-12));
    // One model call: the 3 rows unchanged plus every candidate (x1: 10 other values, x2: 10,
    // c: 1 per row = 21 per row).
    assertThat(m.batches).containsExactly(3 + 3 * 21);
    // The model is given its input columns, named as in the data.
    assertThat(m.columnsSeen.get(0)).containsExactly("x1", "x2", "c");
    assertThat(c.description())
        .startsWith(
            "Over 3 sampled evaluation rows, changing one feature to a value seen in the"
                + " reference data moved the model's output by 0.2200 on average; the largest,"
                + " 0.2700, on row 2: x1 9 → 0, P(label 1) 0.4700 → 0.2000")
        .endsWith("reaching the medium threshold 0.1500.");
  }

  @Test
  void boundedChangesStayWithinTheFractionOfTheRange() {
    // linf_constraint 0.1 of the range 10 = 1: x1 ± 1 moves p by 0.03 (x2 ± 1: 0.01; c is not
    // numeric, so not changed). Every row: 0.03, below the low threshold 0.05.
    RowModel m = linear();
    TestContext ctx = context(reference(), List.of("x1,x2,c", "5,5,a", "2,8,b"), null, m);
    StressTest test = new BoundedSingleFeatureChangesTest();
    TestCase c = run(test, ctx, "linf_constraint", 0.1);
    assertThat(c.metrics().get("avg_prediction_change")).isCloseTo(0.03, within(1e-12));
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.severity()).isEqualTo(Severity.NONE);
    assertThat(c.details().get("features_searched")).isEqualTo(List.of("x1", "x2"));
    assertThat(c.description())
        .startsWith(
            "Over 2 sampled evaluation rows, changing one feature by at most 0.1 of its reference"
                + " range moved the model's output by 0.0300 on average")
        .endsWith("below the low threshold 0.0500.");
    // The default 0.01 of 10 = 0.1 cannot change a whole-number column: no change at all.
    TestCase none = run(test, ctx);
    assertThat(none.metrics().get("avg_prediction_change")).isEqualTo(0.0);
    assertThat(none.status()).isEqualTo(TestStatus.PASS);
    assertThat(none.description()).contains("(no change moved it)");
  }

  @Test
  void boundedChangesOfFractionalValuesMoveByTheBound() {
    // Reference z = 0.0, 0.5, …, 5.0 (range 5): the bound 0.01 · 5 = 0.05; p = 0.5 + 2 z moves by
    // 2 · 0.05 = 0.1 on every row: low (0.05 ≤ 0.1 < 0.15).
    List<String> ref = new ArrayList<>(List.of("z"));
    for (int i = 0; i <= 10; i++) {
      ref.add(String.valueOf(i / 2.0));
    }
    TestContext ctx =
        context(
            ref,
            List.of("z", "1.25", "3.5"),
            null,
            RowModel.of(r -> 0.5 + 2 * RowModel.num(r, "z") / 10));
    // p = 0.5 + 0.2 z: 0.2 · 0.05 = 0.01 per row.
    TestCase c = run(new BoundedSingleFeatureChangesTest(), ctx);
    assertThat(c.metrics().get("avg_prediction_change")).isCloseTo(0.01, within(1e-12));
    Map<String, Object> w = worst(c);
    @SuppressWarnings("unchecked")
    Map<String, Object> change = ((List<Map<String, Object>>) w.get("changes")).get(0);
    assertThat((Double) change.get("new_value") - (Double) change.get("old_value"))
        .isCloseTo(-0.05, within(1e-12));
  }

  /** p = 0.1 + 0.4 [x1 > 5] + 0.4 [x2 > 5]: one feature moves p by 0.4, both by 0.8. */
  private static RowModel twoSteps() {
    return RowModel.of(
        r -> 0.1 + (RowModel.num(r, "x1") > 5 ? 0.4 : 0) + (RowModel.num(r, "x2") > 5 ? 0.4 : 0));
  }

  @Test
  void twoFeaturesTogetherBeatAnySingleOne() {
    List<String> eval = List.of("x1,x2,c", "0,0,a", "1,2,b");
    TestCase single =
        run(new SingleFeatureChangesTest(), context(reference(), eval, null, twoSteps()));
    assertThat(single.metrics().get("avg_prediction_change")).isCloseTo(0.4, within(1e-12));
    db.close();
    db = Db.open();
    RowModel m = twoSteps();
    TestCase multi = run(new MultiFeatureChangesTest(), context(reference(), eval, null, m));
    // Round 1 finds x1 → 6 (0.4), round 2 adds x2 → 6 (0.8), round 3 finds nothing better.
    assertThat(multi.metrics().get("avg_prediction_change")).isCloseTo(0.8, within(1e-12));
    assertThat(multi.severity()).isEqualTo(Severity.HIGH);
    assertThat(multi.features()).containsExactly("x1", "x2");
    assertThat(worst(multi).get("changes"))
        .isEqualTo(
            List.of(
                Map.of("feature", "x1", "old_value", 0L, "new_value", 6L),
                Map.of("feature", "x2", "old_value", 0L, "new_value", 6L)));
    // One model call per round: round 1 scores the 2 rows and 21 candidates each; round 2 the
    // 11 candidates of x2 and c each; round 3 the 1 candidate of c each.
    assertThat(m.batches).containsExactly(2 + 2 * 21, 2 * 11, 2 * 1);
    assertThat(multi.metrics()).containsEntry("num_model_calls", 3.0);
  }

  @Test
  void boundedMultiFeatureChangesAddUpWithinTheBound() {
    // linf 0.1 of range 10 = 1 per feature: x1 ± 1 (0.03) then x2 ± 1 (0.01): 0.04 per row.
    TestContext ctx = context(reference(), List.of("x1,x2,c", "5,5,a"), null, linear());
    TestCase c = run(new BoundedMultiFeatureChangesTest(), ctx, "linf", 0.1);
    assertThat(c.metrics().get("avg_prediction_change")).isCloseTo(0.04, within(1e-12));
    assertThat(c.features()).containsExactly("x1", "x2");
  }

  @Test
  void aModelThatRaisesFailsWithHighSeverity() {
    TestContext ctx =
        context(reference(), List.of("x1,x2,c", "5,5,a"), null, RowModel.raising("boom"));
    for (StressTest t :
        List.of(
            new SingleFeatureChangesTest(),
            new BoundedSingleFeatureChangesTest(),
            new MultiFeatureChangesTest(),
            new BoundedMultiFeatureChangesTest())) {
      TestCase c = run(t, ctx);
      assertThat(c.status()).isEqualTo(TestStatus.FAIL);
      assertThat(c.severity()).isEqualTo(Severity.HIGH);
      assertThat(c.description())
          .isEqualTo(
              "The model raised an error on changed rows: model_info.path: raising model, batch"
                  + " rows 0-9: boom");
      assertThat(c.details()).containsEntry("model_log", "Traceback ...");
    }
  }

  @Test
  void withoutAModelTheTestsSkip() {
    TestContext ctx = context(reference(), List.of("x1,x2,c", "5,5,a"), null, null);
    assertThatThrownBy(() -> run(new SingleFeatureChangesTest(), ctx))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("no model");
  }

  @Test
  void regressionChangesAreInReferencePredictionStandardDeviations() {
    // y = 2 x1 on the reference x1 = 0…10: predictions 0, 2, …, 20, population std 2·√10.
    // Row x1 = 9: → 0 moves y by 18 = 18 / (2√10) = 2.846 standard deviations.
    TestContext ctx =
        context(
            reference(),
            List.of("x1,x2,c", "9,1,a"),
            "Regression",
            RowModel.of(r -> 2 * RowModel.num(r, "x1")));
    TestCase c = run(new SingleFeatureChangesTest(), ctx);
    double sd = 2 * Math.sqrt(10);
    assertThat((Double) c.details().get("prediction_std")).isCloseTo(sd, within(1e-12));
    assertThat(c.metrics().get("avg_prediction_change")).isCloseTo(18 / sd, within(1e-12));
    assertThat(c.description()).contains("reference prediction standard deviations");
  }

  @Test
  void multiClassChangeIsTheLargestChangeOfAnyClassProbability() {
    // Class 2's probability is x1 / 20, classes 0 and 1 share the rest equally: x1 9 → 0 moves
    // class 2 by 0.45, classes 0 and 1 by 0.225 each.
    List<String> ref = new ArrayList<>(List.of("x1,x2,c,y"));
    for (int i = 0; i <= 10; i++) {
      ref.add(i + "," + (10 - i) + ",a," + (i % 3));
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", List.of("x1,x2,c,y", "9,1,a,2"));
    Fixtures.csv(dir, "ref_probs.csv", probs(11));
    Fixtures.csv(dir, "eval_probs.csv", probs(1));
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "y", null);
    config.put("model_task", "Multi-class Classification");
    Fixtures.dataInfo(config).put("ref_pred_path", "ref_probs.csv");
    Fixtures.dataInfo(config).put("eval_pred_path", "eval_probs.csv");
    TestContext ctx = Fixtures.context(db, config, dir);
    ctx.setModel(
        RowModel.classes(
            3,
            r -> {
              double p2 = RowModel.num(r, "x1") / 20;
              return new double[] {(1 - p2) / 2, (1 - p2) / 2, p2};
            }));
    TestCase c = run(new SingleFeatureChangesTest(), ctx);
    assertThat(c.metrics().get("avg_prediction_change")).isCloseTo(0.45, within(1e-12));
    assertThat(worst(c)).containsEntry("class", 2);
  }

  private static List<String> probs(int n) {
    List<String> out = new ArrayList<>(List.of("p0,p1,p2"));
    for (int i = 0; i < n; i++) {
      out.add("0.3,0.3,0.4");
    }
    return out;
  }

  @Test
  void edgeCasesAllNullConstantAndOneCategoryGiveNoChange() {
    // n is null everywhere, k is 3 everywhere, c is always a: none can take another value, so
    // only x moves the prediction (p = 0.1 + 0.05 x: x 2 → 10 = 0.4 on the one row).
    List<String> ref = new ArrayList<>(List.of("x,n,k,c"));
    for (int i = 0; i <= 10; i++) {
      ref.add(i + ",,3,a");
    }
    RowModel m =
        RowModel.of(
            r ->
                0.1
                    + 0.05 * RowModel.num(r, "x")
                    + RowModel.num(r, "n")
                    + RowModel.num(r, "k")
                    + ("a".equals(r.get("c")) ? 0 : 0.3));
    TestContext ctx = context(ref, List.of("x,n,k,c", "2,,3,a"), null, m);
    TestCase c = run(new MultiFeatureChangesTest(), ctx);
    assertThat(c.metrics().get("avg_prediction_change")).isCloseTo(0.4, within(1e-12));
    assertThat(c.features()).containsExactly("x");
    // Bounded: k and n have no range; only x (bound 0.1) can move, 0.005, nothing beyond.
    TestCase b = run(new BoundedSingleFeatureChangesTest(), ctx);
    assertThat(b.metrics().get("avg_prediction_change")).isEqualTo(0.0);
  }

  @Test
  void onlyFeaturesWithoutOtherValuesSkipOrPass() {
    // n is null everywhere, k is 3 everywhere (a category: too few values to be numeric).
    List<String> ref = new ArrayList<>(List.of("n,k"));
    for (int i = 0; i <= 10; i++) {
      ref.add(",3");
    }
    TestContext ctx = context(ref, List.of("n,k", ",3"), null, RowModel.of(r -> 0.5));
    TestCase bounded = run(new BoundedSingleFeatureChangesTest(), ctx);
    assertThat(bounded.status()).isEqualTo(TestStatus.SKIP);
    assertThat(bounded.description()).isEqualTo("Skipped: no numeric feature to change");
    // k's one value is the row's own: nothing to try, no change.
    TestCase c = run(new SingleFeatureChangesTest(), ctx);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.metrics().get("avg_prediction_change")).isEqualTo(0.0);
  }

  @Test
  void theSampleIsSeededAndRepeatable() {
    List<String> eval = new ArrayList<>(List.of("x1,x2,c"));
    for (int i = 0; i < 50; i++) {
      eval.add((i % 11) + "," + (10 - i % 11) + ",a");
    }
    TestContext ctx = context(reference(), eval, null, linear());
    StressTest test = new SingleFeatureChangesTest();
    TestCase first = run(test, ctx, "sample_size", 5);
    TestCase again = run(test, ctx, "sample_size", 5);
    assertThat(first.metrics()).containsEntry("num_rows_attacked", 5.0);
    assertThat(again.details().get("rows")).isEqualTo(first.details().get("rows"));
    assertThat(again.metrics()).isEqualTo(first.metrics());
  }
}
