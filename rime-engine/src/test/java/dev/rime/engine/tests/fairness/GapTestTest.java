// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

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

/** The gap tests: Equalized Odds and Predictive Equality. */
class GapTestTest {

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

  @Test
  void referenceDataMatchesNumpy() {
    TestContext ctx = Fixtures.context(db, FairnessReference.config(), FairnessReference.dir());
    List<String> features = List.of("sex", "age", "group");
    Object[][] tests = {
      {new EqualizedOddsTest(), "equalized_odds", List.of("recall", "false_positive_rate")},
      {new PredictiveEqualityTest(), "predictive_equality", List.of("false_positive_rate")},
    };
    for (Object[] t : tests) {
      StressTest test = (StressTest) t[0];
      List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
      for (int i = 0; i < 3; i++) {
        TestCase c = cases.get(i);
        String f = features.get(i);
        Map<String, Object> expected = FairnessReference.object("group_metrics", f, (String) t[1]);
        @SuppressWarnings("unchecked")
        List<String> metrics = (List<String>) t[2];
        for (String m : metrics) {
          assertThat(c.metrics().get(m + "_gap"))
              .as(f + " " + m)
              .isCloseTo(((Number) expected.get(m + "_gap")).doubleValue(), within(1e-12));
        }
        Object claimed = expected.get("claimed_gap");
        if (claimed == null) {
          assertThat(c.metrics().get("claimed_gap")).as(f).isNull();
        } else {
          assertThat(c.metrics().get("claimed_gap"))
              .as(f)
              .isCloseTo(((Number) claimed).doubleValue(), within(1e-12));
        }
        assertThat(c.severity().name()).as(f).isEqualTo(expected.get("severity"));
      }
    }
  }

  @Test
  void largestGapByHand() {
    // a: TPR 40/50 = 0.8, FPR 5/50 = 0.1; b: TPR 20/50 = 0.4, FPR 0.1. TPR gap 0.4, beyond 0.1
    // by more than 1.96 sqrt(0.8·0.2/50 + 0.4·0.6/50) = 0.1753: claimed, 0.4 ≥ 0.3: HIGH.
    List<String> eval =
        Tiny.rows(
            "p,y,pred",
            "a,1,0.9",
            40,
            "a,1,0.1",
            10,
            "a,0,0.9",
            5,
            "a,0,0.1",
            45,
            "b,1,0.9",
            20,
            "b,1,0.1",
            30,
            "b,0,0.9",
            5,
            "b,0,0.1",
            45);
    TestContext ctx = Tiny.context(db, dir, eval, eval, List.of("p"));
    StressTest test = new EqualizedOddsTest();
    TestCase c = test.run(ctx, TestParams.defaults(test)).get(0);
    assertThat(c.metrics().get("recall_gap")).isCloseTo(0.4, within(1e-12));
    assertThat(c.metrics().get("false_positive_rate_gap")).isCloseTo(0.0, within(1e-12));
    assertThat(c.metrics().get("claimed_gap")).isCloseTo(0.4, within(1e-12));
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.details().get("groups"))
        .isEqualTo(
            List.of(
                Map.of(
                    "group",
                    "a",
                    "recall_size",
                    50L,
                    "recall",
                    0.8,
                    "recall_judged",
                    true,
                    "false_positive_rate_size",
                    50L,
                    "false_positive_rate",
                    0.1,
                    "false_positive_rate_judged",
                    true),
                Map.of(
                    "group",
                    "b",
                    "recall_size",
                    50L,
                    "recall",
                    0.4,
                    "recall_judged",
                    true,
                    "false_positive_rate_size",
                    50L,
                    "false_positive_rate",
                    0.1,
                    "false_positive_rate_judged",
                    true)));
    // Predictive Equality looks at the false positive rates only: equal, PASS.
    StressTest fpr = new PredictiveEqualityTest();
    TestCase p = fpr.run(ctx, TestParams.defaults(fpr)).get(0);
    assertThat(p.status()).isEqualTo(TestStatus.PASS);
    assertThat(p.description()).endsWith("Every gap is below the low threshold 0.1000.");
  }

  @Test
  void groupsWithFewPositivesAreNotJudgedForRecall() {
    // b has 100 rows but 5 positives: its recall (0) is reported, not judged; a alone: SKIP.
    List<String> eval =
        Tiny.rows("p,y,pred", "a,1,0.9", 50, "a,0,0.1", 50, "b,1,0.1", 5, "b,0,0.1", 95);
    TestContext ctx = Tiny.context(db, dir, eval, eval, List.of("p"));
    StressTest test = new EqualizedOddsTest();
    TestCase c = test.run(ctx, TestParams.defaults(test)).get(0);
    assertThat(c.metrics()).doesNotContainKey("recall_gap");
    assertThat(c.metrics()).containsEntry("false_positive_rate_gap", 0.0);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }
}
