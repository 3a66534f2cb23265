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

class ClassImbalanceTestTest {

  @TempDir Path dir;
  private Db db;
  private final StressTest test = new ClassImbalanceTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<TestCase> run(TestContext ctx) {
    return test.run(ctx, TestParams.defaults(test));
  }

  @Test
  void largestGroupShareByHand() {
    // 24 of 25 evaluation rows are '女', one is missing (its own group): share 0.96, HIGH.
    TestContext ctx =
        Tiny.context(
            db,
            dir,
            Tiny.rows("p,x", "女,1", 3, "b,2", 3),
            Tiny.rows("p,x", "女,1", 24, ",2", 1),
            List.of("p"));
    TestCase c = run(ctx).get(0);
    assertThat(c.features()).containsExactly("p");
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.metrics())
        .containsEntry("largest_group_share", 0.96)
        .containsEntry("smallest_group_share", 0.04)
        .containsEntry("num_groups", 2.0)
        .containsEntry("num_rows", 25.0);
    assertThat(c.details())
        .containsEntry("largest_group", "女")
        .containsEntry("smallest_group", "null")
        .containsEntry("performance_change_thresholds", List.of(0.9, 0.93, 0.96));
    assertThat(c.details().get("groups"))
        .isEqualTo(
            List.of(
                Map.of("group", "女", "size", 24L, "share", 0.96, "largest", true),
                Map.of("group", "null", "size", 1L, "share", 0.04, "largest", false)));
    assertThat(c.description())
        .isEqualTo(
            "The largest group of 'p' (女) holds 0.9600 of the 25 evaluation rows (2 groups; the"
                + " smallest, null, holds 0.04000), which reaches the high threshold 0.9600: the"
                + " other groups are too few to judge how the model treats them.");
  }

  @Test
  void referenceDataMatchesPandas() {
    TestContext ctx = Fixtures.context(db, FairnessReference.config(), FairnessReference.dir());
    List<TestCase> cases = run(ctx);
    assertThat(cases)
        .extracting(TestCase::features)
        .containsExactly(List.of("sex"), List.of("age"), List.of("group"));
    for (int i = 0; i < 3; i++) {
      String f = cases.get(i).features().get(0);
      assertThat(cases.get(i).metrics().get("largest_group_share"))
          .as(f)
          .isCloseTo(
              FairnessReference.number("class_imbalance", f, "largest_share"), within(1e-12));
      assertThat(cases.get(i).metrics().get("num_groups"))
          .isEqualTo(FairnessReference.number("class_imbalance", f, "num_groups"));
    }
    // sex 0.63 and age's largest decile pass; group, 95.4% 'a', reaches 0.93: MEDIUM.
    assertThat(cases)
        .extracting(TestCase::severity)
        .containsExactly(Severity.NONE, Severity.NONE, Severity.MEDIUM);
    // age's 10 bins and the missing values (3 'n/a' read as missing in the evaluation too).
    assertThat(cases.get(1).details().get("grouping").toString()).startsWith("10 bins");
  }

  @Test
  void skipsWithoutProtectedFeaturesOrRows() {
    List<String> data = Tiny.rows("p,x", "a,1", 30);
    TestContext none = Tiny.context(db, dir, data, data, List.of());
    assertThatThrownBy(() -> run(none))
        .isInstanceOf(SkipTest.class)
        .hasMessage("no protected features: data_info.protected_features is not set");
    TestContext ctx = Tiny.context(db, dir, data, data, List.of("p"));
    TestParams excluded =
        new TestParams("tests_config.class_imbalance", test.defaultParams(), List.of("p"));
    assertThatThrownBy(() -> test.run(ctx, excluded))
        .isInstanceOf(SkipTest.class)
        .hasMessage("every protected feature is excluded: p");
    TestCase few = test.run(ctx, TestParams.defaults(test).with("min_sample_size", 31)).get(0);
    assertThat(few.status()).isEqualTo(TestStatus.SKIP);
    assertThat(few.description())
        .isEqualTo("Skipped: the evaluation data has 30 rows; min_sample_size is 31");
    // A single group: the whole data is one group, the largest possible share.
    assertThat(run(ctx).get(0).severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void allMissingAndNonFeatureProtectedColumnsSkip() {
    List<String> data = Tiny.rows("p,x,y", ",1,0", 30);
    TestContext ctx = Tiny.context(db, dir, data, data, List.of("p", "y"));
    List<TestCase> cases = run(ctx);
    assertThat(cases).extracting(TestCase::status).containsOnly(TestStatus.SKIP);
    assertThat(cases.get(0).description())
        .isEqualTo("Skipped: 'p' is missing in every evaluation row");
    assertThat(cases.get(1).description())
        .isEqualTo("Skipped: 'y' is the label column, not a feature");
  }

  @Test
  void numericProtectedFeatureIsGroupedByReferenceDeciles() {
    // Reference 1..100: numpy's deciles 1 + 99k/10 = 10.9, 20.8, ..., 90.10000000000001 (0.9 *
    // 99 in floating point); evaluation 5 (first bin) and 95.5 (last bin).
    List<String> ref = new ArrayList<>(List.of("age,x"));
    for (int i = 1; i <= 100; i++) {
      ref.add(i + ",1");
    }
    TestContext ctx =
        Tiny.context(db, dir, ref, Tiny.rows("age,x", "5,1", 20, "95.5,1", 5), List.of("age"));
    TestCase c = run(ctx).get(0);
    assertThat(c.details()).containsEntry("largest_group", "(-inf, 10.9]");
    assertThat(c.details()).containsEntry("smallest_group", "(90.10000000000001, inf)");
    assertThat(c.metrics()).containsEntry("largest_group_share", 0.8);
  }
}
