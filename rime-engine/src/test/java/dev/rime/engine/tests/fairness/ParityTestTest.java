// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

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

/**
 * The ratio-to-best tests: Demographic Parity, Equal Opportunity, Intersectional Group Fairness.
 */
class ParityTestTest {

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

  private static TestCase one(StressTest test, TestContext ctx) {
    return test.run(ctx, TestParams.defaults(test)).get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> group(TestCase c, String name) {
    return ((List<Map<String, Object>>) c.details().get("groups"))
        .stream().filter(r -> r.get("group").equals(name)).findFirst().orElseThrow();
  }

  /** Checks one case against fairness.py's values for its grouping and test. */
  private static void matches(TestCase c, String grouping, String test, String metric) {
    Map<String, Object> expected = FairnessReference.object("group_metrics", grouping, test);
    String what = grouping + " " + test;
    assertThat(c.metrics().get("worst_ratio"))
        .as(what)
        .isCloseTo(
            FairnessReference.number("group_metrics", grouping, test, "worst_ratio"),
            within(1e-12));
    assertThat(c.details().get("best_group")).as(what).isEqualTo(expected.get("best_group"));
    assertThat(c.details().get("worst_group")).as(what).isEqualTo(expected.get("worst_group"));
    assertThat(c.metrics().get("num_failing_groups"))
        .as(what)
        .isEqualTo(((Number) expected.get("num_failing")).doubleValue());
    assertThat(c.severity().name()).as(what).isEqualTo(expected.get("severity"));
    Map<String, Object> groups = FairnessReference.object("group_metrics", grouping, "groups");
    for (String g : groups.keySet()) {
      Object v = ((Map<?, ?>) groups.get(g)).get(metric);
      Object actual = group(c, g).get(metric);
      if (v == null) {
        assertThat(actual).as(what + " " + g).isNull();
      } else {
        assertThat((Double) actual)
            .as(what + " " + g)
            .isCloseTo(((Number) v).doubleValue(), within(1e-12));
      }
    }
  }

  @Test
  void referenceDataMatchesNumpy() {
    TestContext ctx = Fixtures.context(db, FairnessReference.config(), FairnessReference.dir());
    List<String> features = List.of("sex", "age", "group");
    Object[][] tests = {
      {new DemographicParityTest(), "demographic_parity", "positive_prediction_rate"},
      {new DemographicParityAvgPredTest(), "demographic_parity_avg_pred", "average_prediction"},
      {new EqualOpportunityTest(), "equal_opportunity", "recall"},
    };
    for (Object[] t : tests) {
      StressTest test = (StressTest) t[0];
      List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
      assertThat(cases)
          .extracting(TestCase::features)
          .containsExactly(List.of("sex"), List.of("age"), List.of("group"));
      for (int i = 0; i < 3; i++) {
        matches(cases.get(i), features.get(i), (String) t[1], (String) t[2]);
      }
    }
    // The crossed groups of every pair of protected features.
    Object[][] crossed = {
      {new IntersectionalGroupFairnessTest(), "demographic_parity", "positive_prediction_rate"},
      {new GroupFairnessAvgPredTest(), "demographic_parity_avg_pred", "average_prediction"},
    };
    List<String> pairs = List.of("sex x age", "sex x group", "age x group");
    for (Object[] t : crossed) {
      StressTest test = (StressTest) t[0];
      List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
      assertThat(cases)
          .extracting(TestCase::features)
          .containsExactly(List.of("sex", "age"), List.of("sex", "group"), List.of("age", "group"));
      for (int i = 0; i < 3; i++) {
        matches(cases.get(i), pairs.get(i), (String) t[1], (String) t[2]);
      }
    }
  }

  @Test
  void ratioToTheBestGroupByHand() {
    // a: 50 of 100 predicted positive; b: 20 of 100; c: 5 rows, under min_sample_size 20.
    // Ratio b/a = 0.4. Margin of error 1.96 sqrt(0.2·0.8/100 + 0.8²·0.5·0.5/100) = 0.1109, and
    // 0.8 · 0.5 − 0.2 = 0.2 exceeds it: b fails, 0.4 < 0.6: HIGH.
    List<String> eval =
        Tiny.rows("p,pred", "a,0.9", 50, "a,0.1", 50, "b,0.7", 20, "b,0.3", 80, "c,0.6", 5);
    TestContext ctx = Tiny.context(db, dir, eval, eval, List.of("p"));
    TestCase c = one(new DemographicParityTest(), ctx);
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.metrics().get("worst_ratio")).isCloseTo(0.4, within(1e-12));
    assertThat(c.metrics())
        .containsEntry("worst_group_positive_prediction_rate", 0.2)
        .containsEntry("best_group_positive_prediction_rate", 0.5)
        .containsEntry("num_failing_groups", 1.0)
        .containsEntry("num_groups", 3.0);
    assertThat((Double) group(c, "b").get("margin_error"))
        .isCloseTo(1.959963984540054 * Math.sqrt(0.0016 + 0.64 * 0.0025), within(1e-12));
    assertThat(group(c, "c"))
        .containsEntry("size", 5L)
        .containsEntry("positive_prediction_rate", 1.0)
        .containsEntry("ratio_to_best", null)
        .containsEntry("judged", false);
    assertThat(c.description())
        .isEqualTo(
            "The group of 'p' with the lowest Positive Prediction Rate, b (0.2000), has 0.4000 of"
                + " the best group's, a (0.5000); 1 group falls below the low floor 0.8000 beyond"
                + " sampling noise, the lowest ratio among them 0.4000 is below the high floor"
                + " 0.6000: severity High.");
    // A model whose rates are equal passes.
    List<String> fair = Tiny.rows("p,pred", "a,0.9", 50, "a,0.1", 50, "b,0.8", 50, "b,0.2", 50);
    TestContext fairCtx = Tiny.context(db, dir, fair, fair, List.of("p"));
    TestCase pass = one(new DemographicParityTest(), fairCtx);
    assertThat(pass.status()).isEqualTo(TestStatus.PASS);
    assertThat(pass.metrics()).containsEntry("worst_ratio", 1.0);
  }

  @Test
  void aShortfallWithinNoiseIsNotClaimed() {
    // a: 10 of 20, b: 7 of 20: ratio 0.7 < 0.8, but 0.8 · 0.5 − 0.35 = 0.05 is within the margin
    // 1.96 sqrt(0.35·0.65/20 + 0.64·0.25/20) = 0.273.
    List<String> eval = Tiny.rows("p,pred", "a,0.9", 10, "a,0.1", 10, "b,0.9", 7, "b,0.1", 13);
    TestContext ctx = Tiny.context(db, dir, eval, eval, List.of("p"));
    TestCase c = one(new DemographicParityTest(), ctx);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.metrics().get("worst_ratio")).isCloseTo(0.7, within(1e-12));
    assertThat(c.description())
        .endsWith(
            "below the low floor 0.8000, but within sampling noise (margin of error 0.2728 at"
                + " confidence level 0.9500), so no disparity is claimed.");
  }

  @Test
  void skipsWhereRatiosDoNotApply() {
    List<String> oneBig = Tiny.rows("p,pred", "a,0.9", 30, "b,0.1", 5);
    TestContext ctx = Tiny.context(db, dir, oneBig, oneBig, List.of("p"));
    assertThat(one(new DemographicParityTest(), ctx).description())
        .isEqualTo(
            "Skipped: only one group of 'p' has a Positive Prediction Rate on at least"
                + " min_sample_size 20 rows: no two groups to compare");
    List<String> none = Tiny.rows("p,pred", "a,0.1", 30, "b,0.2", 30);
    TestContext zero = Tiny.context(db, dir, none, none, List.of("p"));
    assertThat(one(new DemographicParityTest(), zero).description())
        .isEqualTo("Skipped: every judged group of 'p' has Positive Prediction Rate 0: no ratio");
    // Recall needs labels.
    assertThatThrownBy(() -> one(new EqualOpportunityTest(), zero))
        .isInstanceOf(SkipTest.class)
        .hasMessage("no labels: data_info.label_col is not set");
    // Positive prediction rates are binary; Macro Recall multi-class.
    assertThatThrownBy(() -> one(new EqualOppMacroRecallTest(), zero))
        .isInstanceOf(SkipTest.class)
        .hasMessage("needs Multi-class Classification; model_task is Binary Classification");
  }

  @Test
  void regressionAveragePredictionsNeedNonNegativeValues() {
    List<String> eval = Tiny.rows("p,y,pred", "a,1,2.0", 30, "b,1,-1.0", 30);
    Fixtures.csv(dir, "ref.csv", eval);
    Fixtures.csv(dir, "eval.csv", eval);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "y", "pred");
    config.put("model_task", "Regression");
    Fixtures.dataInfo(config).put("protected_features", List.of("p"));
    TestContext ctx = Fixtures.context(db, config, dir);
    assertThat(one(new DemographicParityAvgPredTest(), ctx).description())
        .isEqualTo(
            "Skipped: the Average Prediction of group b of 'p' is negative (-1.000): ratios need"
                + " non-negative values");
    assertThatThrownBy(() -> one(new DemographicParityTest(), ctx))
        .isInstanceOf(SkipTest.class)
        .hasMessage("needs Binary Classification; model_task is Regression");
  }

  @Test
  void macroRecallOfAMultiClassModel() {
    // Classes 0, 1, 2. Group a: 30 rows, every class predicted right: macro recall 1. Group b:
    // 30 rows of each class predicted 0: recalls 1, 0, 0, macro recall 1/3. Ratio 1/3: HIGH.
    List<String> data = new ArrayList<>(List.of("p,y"));
    List<String> probs = new ArrayList<>(List.of("c0,c1,c2"));
    for (int i = 0; i < 90; i++) {
      int y = i % 3;
      data.add("a," + y);
      probs.add(y == 0 ? "0.8,0.1,0.1" : y == 1 ? "0.1,0.8,0.1" : "0.1,0.1,0.8");
    }
    for (int i = 0; i < 90; i++) {
      data.add("b," + (i % 3));
      probs.add("0.8,0.1,0.1");
    }
    Fixtures.csv(dir, "ref.csv", data);
    Fixtures.csv(dir, "eval.csv", data);
    Fixtures.csv(dir, "ref_probs.csv", probs);
    Fixtures.csv(dir, "eval_probs.csv", probs);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "y", null);
    config.put("model_task", "Multi-class Classification");
    Fixtures.dataInfo(config).put("ref_pred_path", "ref_probs.csv");
    Fixtures.dataInfo(config).put("eval_pred_path", "eval_probs.csv");
    Fixtures.dataInfo(config).put("protected_features", List.of("p"));
    TestContext ctx = Fixtures.context(db, config, dir);
    TestCase c = one(new EqualOppMacroRecallTest(), ctx);
    assertThat(c.metrics().get("worst_ratio")).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(c.details()).containsEntry("worst_group", "b").containsEntry("best_group", "a");
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void intersectionsAddCrossingsAndOneFeatureAloneHasNone() {
    List<String> data =
        Tiny.rows("p,q,r,pred", "a,x,u,0.9", 30, "a,y,v,0.1", 30, "b,x,v,0.9", 30, "b,y,u,0.9", 30);
    Fixtures.csv(dir, "ref.csv", data);
    Fixtures.csv(dir, "eval.csv", data);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, "pred");
    Fixtures.dataInfo(config).put("protected_features", List.of("p", "q"));
    Fixtures.dataInfo(config)
        .put(
            "intersections",
            List.of(Map.of("features", List.of("q", "p")), Map.of("features", List.of("p", "r"))));
    TestContext ctx = Fixtures.context(db, config, dir);
    StressTest test = new IntersectionalGroupFairnessTest();
    List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
    // (q, p) is the pair (p, q) again; (p, r) crosses a feature that is not protected.
    assertThat(cases)
        .extracting(TestCase::features)
        .containsExactly(List.of("p", "q"), List.of("p", "r"));
    // p=a & q=y predicts no positive: ratio 0 to the others' 1.
    assertThat(cases.get(0).details()).containsEntry("worst_group", "p=a & q=y");
    assertThat(cases.get(0).metrics()).containsEntry("worst_ratio", 0.0);

    Fixtures.dataInfo(config).put("protected_features", List.of("p"));
    Fixtures.dataInfo(config).remove("intersections");
    TestContext single = Fixtures.context(db, config, dir);
    assertThatThrownBy(() -> test.run(single, TestParams.defaults(test)))
        .isInstanceOf(SkipTest.class)
        .hasMessage("one protected feature and no data_info.intersections: no groups to cross");
  }
}
