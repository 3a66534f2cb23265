// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import static dev.rime.engine.tests.abnormal.Cases.metric;
import static dev.rime.engine.tests.abnormal.Cases.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.Reference;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.SkipTest;
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

class InconsistenciesTestTest {

  @TempDir Path dir;
  private Db db;
  private final InconsistenciesTest test = new InconsistenciesTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Reference rows of (a, b) from counts {@code pu, pv, qu, qv}. */
  private void reference(int pu, int pv, int qu, int qv) {
    List<String> lines = new ArrayList<>(List.of("a,b"));
    for (int i = 0; i < pu; i++) {
      lines.add("p,u");
    }
    for (int i = 0; i < pv; i++) {
      lines.add("p,v");
    }
    for (int i = 0; i < qu; i++) {
      lines.add("q,u");
    }
    for (int i = 0; i < qv; i++) {
      lines.add("q,v");
    }
    Fixtures.csv(dir, "ref.csv", lines);
  }

  private TestContext ctx() {
    return Cases.ctx(db, dir, "ref.csv", "eval.csv");
  }

  @Test
  void pairsNeverSeenTogetherFailWhenIndependenceExpectsEnoughOfThem() {
    // (p,u) 60, (q,v) 40: n = 100, perfectly associated. V^2 = (sum n_ab^2 / (n_a n_b) - 1) /
    // (2 - 1) = (60^2 / (60 * 60) + 40^2 / (40 * 40) - 1) = 1.
    // (p,v): E = 60 * 40 / 100 = 24; t = 0.1: t E = 2.4 >= 1 and n_pv = 0 < 2.4: inconsistent;
    // (q,u) likewise. Evaluation: (p,u) ok, (q,v) ok, (p,v) and (q,u) fail, (r,u) has an unseen
    // value (no inconsistency), (null,u) is missing: 2 failing rows of 6.
    reference(60, 0, 0, 40);
    Fixtures.csv(dir, "eval.csv", "a,b", "p,u", "q,v", "p,v", "q,u", "r,u", ",u");
    TestCase c =
        one(test, ctx(), TestParams.defaults(test).with("freq_ratio_threshold", 0.1), "a", "b");
    assertThat((Double) c.details().get("cramers_v")).isCloseTo(1.0, within(1e-12));
    assertThat(c.details()).containsEntry("cramers_v_rows", 100L);
    assertThat(c.details()).containsEntry("num_inconsistent_value_pairs", 2L);
    assertThat(c.details()).containsEntry("num_inconsistent_value_pairs_in_reference", 0L);
    assertThat(metric(c, "num_failing_rows")).isEqualTo(2.0);
    assertThat(c.importanceScore()).isEqualTo(2.0 / 6);
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.description()).contains("in 'a' and 'b'");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> examples = (List<Map<String, Object>>) c.details().get("examples");
    assertThat(examples.get(0))
        .containsEntry("values", Map.of("a", "p", "b", "v"))
        .containsEntry("count", 1L)
        .containsEntry("reference_count", 0L)
        .containsEntry("reference_expected_count", 24.0);
  }

  @Test
  void aThresholdBelowOneRowCannotBeResolved() {
    // Same data, default t = 0.02: t E = 0.48 < 1, so a pair never seen is not inconsistent.
    reference(60, 0, 0, 40);
    Fixtures.csv(dir, "eval.csv", "a,b", "p,v", "q,u");
    TestCase c = one(test, ctx(), "a", "b");
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.details()).containsEntry("num_inconsistent_value_pairs", 0L);
  }

  @Test
  void aPairSeenButRareIsInconsistent() {
    // (p,u) 300, (p,v) 1, (q,u) 99, (q,v) 100: n = 500; n_p = 301, n_v = 101, E(p,v) = 60.802,
    // t E = 1.216 > 1 = n_pv: inconsistent. Every other pair is common.
    reference(300, 1, 99, 100);
    Fixtures.csv(dir, "eval.csv", "a,b", "p,v", "p,u", "q,u", "q,v");
    TestCase c = one(test, ctx(), "a", "b");
    assertThat(c.details()).containsEntry("num_inconsistent_value_pairs", 1L);
    assertThat(c.details()).containsEntry("num_inconsistent_value_pairs_in_reference", 1L);
    assertThat(metric(c, "num_failing_rows")).isEqualTo(1.0);
  }

  @Test
  void skipsWhenNoPairIsAssociated() {
    reference(25, 25, 25, 25); // independent: V = 0
    Fixtures.csv(dir, "eval.csv", "a,b", "p,v");
    TestContext ctx = ctx();
    assertThatThrownBy(() -> test.run(ctx, TestParams.defaults(test)))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining(
            "no pair of categorical features has Cramér's V >= min_correlation 0.1000")
        .hasMessageContaining("(1 pairs measured)");
  }

  @Test
  void skipsWithFewerThanTwoCategoricalFeatures() {
    List<String> lines = new ArrayList<>(List.of("a,x"));
    for (int i = 0; i < 12; i++) {
      lines.add((i % 2 == 0 ? "p" : "q") + "," + i + ".5"); // x: 12 distinct numbers, numeric
    }
    Fixtures.csv(dir, "ref.csv", lines);
    Fixtures.csv(dir, "eval.csv", "a,x", "p,1.5");
    TestContext ctx = ctx();
    assertThatThrownBy(() -> test.run(ctx, TestParams.defaults(test)))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("fewer than two categorical features");
  }

  @Test
  void aSingleCategoryHasNoAssociationAndMaxPairwiseTestsKeepsTheStrongest() {
    // a-b perfectly associated (V = 1), a-c half (c follows a on half the rows), k constant.
    List<String> lines = new ArrayList<>(List.of("a,b,c,k"));
    for (int i = 0; i < 100; i++) {
      String a = i < 50 ? "p" : "q";
      String b = i < 50 ? "u" : "v";
      String c = i % 2 == 0 ? a : "z";
      lines.add(a + "," + b + "," + c + ",only");
    }
    Fixtures.csv(dir, "ref.csv", lines);
    Fixtures.csv(dir, "eval.csv", "a,b,c,k", "p,u,p,only");
    List<TestCase> all = test.run(ctx(), TestParams.defaults(test));
    assertThat(all).extracting(TestCase::features).first().isEqualTo(List.of("a", "b"));
    assertThat(all).noneMatch(c -> c.features().contains("k"));
    List<TestCase> one = test.run(ctx(), TestParams.defaults(test).with("max_pairwise_tests", 1));
    assertThat(one)
        .singleElement()
        .satisfies(c -> assertThat(c.features()).containsExactly("a", "b"));
  }

  @Test
  void matchesScipyAndPandasOnTheReferenceData() {
    // abnormal_inputs.py: Cramér's V with scipy.stats.contingency.association (no correction);
    // inconsistent pairs and failing rows with pandas.
    TestContext ctx =
        Fixtures.context(
            db,
            Fixtures.config("abnormal_ref.csv", "abnormal_eval.csv", null, null),
            Reference.dir());
    List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
    @SuppressWarnings("unchecked")
    Map<String, Object> v = (Map<String, Object>) Reference.abnormal("cramers_v");
    // Only color-size reaches 0.1 (color-shape 0.028, size-shape 0.041; flag has one category).
    assertThat(cases)
        .singleElement()
        .satisfies(c -> assertThat(c.features()).containsExactly("color", "size"));
    TestCase c = cases.get(0);
    assertThat((Double) c.details().get("cramers_v"))
        .isCloseTo(((Number) v.get("color|size")).doubleValue(), within(1e-12));
    @SuppressWarnings("unchecked")
    Map<String, Object> inc =
        (Map<String, Object>) Reference.abnormal("inconsistencies_color_size");
    assertThat(((Number) c.details().get("num_inconsistent_value_pairs")).intValue())
        .isEqualTo(((List<?>) inc.get("inconsistent")).size());
    assertThat(metric(c, "num_failing_rows"))
        .isEqualTo(((Number) inc.get("failing")).doubleValue());
    // The reference has 2 rows in inconsistent pairs; the evaluation's share is far above.
    assertThat(metric(c, "num_reference_failing_rows"))
        .isEqualTo(((Number) inc.get("reference_failing")).doubleValue());
    double p = ((Number) inc.get("p_value")).doubleValue();
    assertThat(metric(c, "p_value")).isCloseTo(p, within(1e-9 * p));
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
  }

  @Test
  void aSampledReferenceGivesAStableNearlyExactV() {
    // 300,000 rows (above the 200,000 measured whole): b equals a on 80% of the rows.
    db.execute(
        "COPY (SELECT CASE WHEN i % 2 = 0 THEN 'p' ELSE 'q' END AS a, CASE WHEN i % 10 < 8 THEN"
            + " (CASE WHEN i % 2 = 0 THEN 'u' ELSE 'v' END) ELSE (CASE WHEN i % 2 = 0 THEN 'v'"
            + " ELSE 'u' END) END AS b FROM range(300000) t(i)) TO '"
            + dir.resolve("big.parquet")
            + "' (FORMAT parquet)");
    Fixtures.csv(dir, "eval.csv", "a,b", "p,u");
    TestContext ctx = Cases.ctx(db, dir, "big.parquet", "eval.csv");
    TestCase first = one(test, ctx, "a", "b");
    TestCase again = one(test, ctx, "a", "b");
    long rows = (Long) first.details().get("cramers_v_rows");
    // Whole data: a 2x2 table with 0.4 / 0.1 / 0.1 / 0.4: V = |0.4 * 0.4 - 0.1 * 0.1| / 0.25 = 0.6.
    assertThat(rows).isBetween(190_000L, 210_000L);
    assertThat((Double) first.details().get("cramers_v")).isCloseTo(0.6, within(0.01));
    assertThat(again.details().get("cramers_v")).isEqualTo(first.details().get("cramers_v"));
  }

  @Test
  void uniquePairsOfHugeCardinalityMakeNoInconsistency() {
    // 3,000 rows, a and b each with 1,000 values, b = a: V = 1, but E = 3 * 3 / 3000 for any pair,
    // so t E < 1 everywhere: nothing can be told inconsistent.
    List<String> lines = new ArrayList<>(List.of("a,b"));
    for (int i = 0; i < 3000; i++) {
      lines.add("a" + (i % 1000) + ",b" + (i % 1000));
    }
    Fixtures.csv(dir, "ref.csv", lines);
    Fixtures.csv(dir, "eval.csv", "a,b", "a1,b2", "a3,b3");
    TestCase c = one(test, ctx(), "a", "b"); // 1,000 distinct of 3,000: categorical
    assertThat((Double) c.details().get("cramers_v")).isCloseTo(1.0, within(1e-9));
    assertThat(c.details()).containsEntry("num_inconsistent_value_pairs", 0L);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }
}
