// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
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

/** Subset Sensitivity (Pos Pred) and (Avg Pred). */
class SensitivityTestTest {

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
    Object[][] tests = {
      {
        new SubsetSensitivityPosPredTest(),
        "subset_sensitivity_pos_pred",
        "positive_prediction_rate"
      },
      {new SubsetSensitivityAvgPredTest(), "subset_sensitivity_avg_pred", "average_prediction"},
    };
    for (Object[] t : tests) {
      StressTest test = (StressTest) t[0];
      List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
      for (TestCase c : cases) {
        String f = c.features().get(0);
        Map<String, Object> e = FairnessReference.object("group_metrics", f, (String) t[1]);
        assertThat(c.metrics().get("overall_" + t[2]))
            .isCloseTo(((Number) e.get("overall")).doubleValue(), within(1e-12));
        assertThat(c.metrics().get("max_diff"))
            .as(f)
            .isCloseTo(((Number) e.get("max_diff")).doubleValue(), within(1e-12));
        if (e.get("claimed_diff") == null) {
          assertThat(c.metrics().get("claimed_diff")).as(f).isNull();
        } else {
          assertThat(c.metrics().get("claimed_diff"))
              .as(f)
              .isCloseTo(((Number) e.get("claimed_diff")).doubleValue(), within(1e-12));
        }
        assertThat(c.severity().name()).as(f + " " + t[1]).isEqualTo(e.get("severity"));
      }
    }
  }

  @Test
  void furthestGroupFromTheWholeDataByHand() {
    // a: 50 of 100 positive, b: none of 100: overall 0.25, both 0.25 away. a's margin 1.96 ·
    // 0.05 = 0.098 < 0.25 − 0.1; b's is 0: claimed 0.25, MEDIUM.
    List<String> eval = Tiny.rows("p,pred", "a,0.9", 50, "a,0.1", 50, "b,0.1", 100);
    TestContext ctx = Tiny.context(db, dir, eval, eval, List.of("p"));
    StressTest test = new SubsetSensitivityPosPredTest();
    TestCase c = test.run(ctx, TestParams.defaults(test)).get(0);
    assertThat(c.metrics())
        .containsEntry("overall_positive_prediction_rate", 0.25)
        .containsEntry("max_diff", 0.25)
        .containsEntry("claimed_diff", 0.25);
    assertThat(c.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(c.details()).containsEntry("furthest_group", "a");
    assertThat(test.defaultParams())
        .containsEntry("performance_thresholds", List.of(0.1, 0.2, 0.3))
        .containsEntry("num_samples_to_simulate", 100);
  }
}
