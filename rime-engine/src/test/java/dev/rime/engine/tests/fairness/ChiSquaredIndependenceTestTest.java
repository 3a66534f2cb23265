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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChiSquaredIndependenceTestTest {

  @TempDir Path dir;
  private Db db;
  private final StressTest test = new ChiSquaredIndependenceTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestCase one(TestContext ctx, TestParams params) {
    return test.run(ctx, params).get(0);
  }

  @Test
  void tinyTableByHand() {
    // Groups a (40 rows: 30 positive) and b (60 rows: 15 positive); c has 5 rows, under
    // min_subset_sample_size 20: reported, not tested. Expected counts of the 2x2 table (n 100,
    // 45 positive): a 18 / 22, b 27 / 33; chi-squared = 12²(1/18 + 1/22 + 1/27 + 1/33) = 24.24...
    // = 2400/99, one degree of freedom, p = erfc(sqrt(2400/99 / 2)) = 8.494052234341352e-07
    // (scipy.stats.chi2_contingency(correction=False), 1.14.1);
    // V = sqrt(chi² / 100) = 0.4924. p < 0.005: HIGH.
    List<String> eval =
        Tiny.rows("p,y", "a,1", 30, "a,0", 10, "b,1", 15, "b,0", 45, "c,1", 5, "d,", 3);
    TestContext ctx = Tiny.context(db, dir, eval, eval, List.of("p"));
    TestCase c = one(ctx, TestParams.defaults(test));
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.metrics().get("chi_squared")).isCloseTo(2400 / 99.0, within(1e-12));
    assertThat(c.metrics().get("p_value")).isCloseTo(8.494052234341352e-07, within(1e-19));
    assertThat(c.metrics().get("cramers_v")).isCloseTo(Math.sqrt(24 / 99.0), within(1e-12));
    assertThat(c.metrics())
        .containsEntry("degrees_of_freedom", 1.0)
        .containsEntry("num_rows", 100.0)
        .containsEntry("num_groups_tested", 2.0);
    assertThat(c.details().get("groups"))
        .isEqualTo(
            List.of(
                Map.of(
                    "group",
                    "a",
                    "size",
                    40L,
                    "label_counts",
                    Map.of("0", 10L, "1", 30L),
                    "judged",
                    true),
                Map.of(
                    "group",
                    "b",
                    "size",
                    60L,
                    "label_counts",
                    Map.of("0", 45L, "1", 15L),
                    "judged",
                    true),
                Map.of(
                    "group",
                    "c",
                    "size",
                    5L,
                    "label_counts",
                    Map.of("0", 0L, "1", 5L),
                    "judged",
                    false)));
    assertThat(c.details()).containsEntry("p_value_thresholds", List.of(0.005, 0.01, 0.05));
  }

  @Test
  void pValueLevelsAndTheEffectSizeGate() {
    List<String> eval = Tiny.rows("p,y", "a,1", 30, "a,0", 10, "b,1", 15, "b,0", 45);
    TestContext ctx = Tiny.context(db, dir, eval, eval, List.of("p"));
    TestParams params = TestParams.defaults(test);
    // p ≈ 8.5e-7: below every level of [1e-7, 1e-6, 1e-3] but the first: MEDIUM.
    assertThat(one(ctx, params.with("p_value_thresholds", List.of(1e-7, 1e-6, 1e-3))).severity())
        .isEqualTo(Severity.MEDIUM);
    assertThat(one(ctx, params.with("p_value_thresholds", List.of(1e-9, 1e-8, 1e-7))).severity())
        .isEqualTo(Severity.NONE);
    // V 0.49 below min_cramers_v 0.5: significant, but too weak to matter.
    TestCase weak = one(ctx, params.with("min_cramers_v", 0.5));
    assertThat(weak.status()).isEqualTo(TestStatus.PASS);
    assertThat(weak.description()).contains("but Cramér's V is below min_cramers_v 0.5000");
  }

  @Test
  void referenceDataMatchesScipy() {
    TestContext ctx = Fixtures.context(db, FairnessReference.config(), FairnessReference.dir());
    List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
    for (TestCase c : cases) {
      String f = c.features().get(0);
      assertThat(c.metrics().get("chi_squared"))
          .as(f)
          .isCloseTo(FairnessReference.number("chi_squared", f, "chi_squared"), within(1e-9));
      double p = FairnessReference.number("chi_squared", f, "p_value");
      assertThat(c.metrics().get("p_value")).as(f).isCloseTo(p, within(1e-9 * Math.max(p, 1e-12)));
      assertThat(c.metrics().get("cramers_v"))
          .isCloseTo(FairnessReference.number("chi_squared", f, "cramers_v"), within(1e-12));
      assertThat(c.metrics().get("degrees_of_freedom"))
          .isEqualTo(FairnessReference.number("chi_squared", f, "dof"));
      assertThat(c.metrics().get("num_groups_tested"))
          .isEqualTo(FairnessReference.number("chi_squared", f, "groups_tested"));
    }
    // The label depends on sex and on age (through income), not on group.
    assertThat(cases)
        .extracting(TestCase::severity)
        .containsExactly(Severity.HIGH, Severity.HIGH, Severity.NONE);
  }

  @Test
  void skips() {
    List<String> data = Tiny.rows("p,x", "a,1", 30);
    TestContext noLabel = Tiny.context(db, dir, data, data, List.of("p"));
    assertThatThrownBy(() -> test.run(noLabel, TestParams.defaults(test)))
        .isInstanceOf(SkipTest.class)
        .hasMessage("no labels: data_info.label_col is not set");
    List<String> oneGroup = Tiny.rows("p,y", "a,1", 80, "a,0", 40, "b,1", 10);
    TestContext ctx = Tiny.context(db, dir, oneGroup, oneGroup, List.of("p"));
    assertThat(one(ctx, TestParams.defaults(test)).description())
        .isEqualTo(
            "Skipped: only one group of 'p' has at least min_subset_sample_size 20 labelled rows:"
                + " no two groups to compare");
    assertThat(one(ctx, TestParams.defaults(test).with("min_sample_size", 131)).description())
        .isEqualTo("Skipped: the evaluation data has 130 labelled rows; min_sample_size is 131");
    List<String> oneClass = Tiny.rows("p,y", "a,1", 80, "b,1", 40);
    TestContext single = Tiny.context(db, dir, oneClass, oneClass, List.of("p"));
    assertThat(one(single, TestParams.defaults(test)).description())
        .isEqualTo(
            "Skipped: the label has one class in the groups tested: independence cannot be"
                + " tested");
  }
}
