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
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.TestRunConfig;
import dev.rime.engine.data.DataException;
import dev.rime.engine.data.Db;
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
 * Reference: color a x50, b x49, c x1 (N = 100, K = 3); amount 1..100 (numeric). Evaluation: a, b,
 * c, c, d (unseen), null.
 */
class RareCategoriesTestTest {

  @TempDir Path dir;
  private Db db;
  private final RareCategoriesTest test = new RareCategoriesTest();

  @BeforeEach
  void write() {
    db = Db.open();
    List<String> ref = new ArrayList<>(List.of("color,amount"));
    for (int i = 0; i < 100; i++) {
      ref.add((i < 50 ? "a" : i < 99 ? "b" : "c") + "," + (i + 1));
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", "color,amount", "a,1", "b,2", "c,3", "c,4", "d,5", ",6");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestContext ctx() {
    return Cases.ctx(db, dir, "ref.csv", "eval.csv");
  }

  @Test
  void defaultsFindNothingRareHere() {
    // c: share 0.01 >= 0.005 / 3 = 0.00167, so not rare.
    TestCase c = one(test, ctx(), "color");
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.details()).containsEntry("num_rare_categories", 0L);
    assertThat(c.details()).containsEntry("num_categories", 3L);
  }

  @Test
  void eachCriterionMakesTheSingletonRare() {
    List<TestParams> params =
        List.of(
            TestParams.defaults(test).with("min_num_occurrences", 2), // 1 < 2
            TestParams.defaults(test).with("min_pct_occurrences", 0.02), // 0.01 < 0.02
            TestParams.defaults(test).with("min_ratio_rel_uniform", 0.05)); // 0.01 < 0.05 / 3
    for (TestParams p : params) {
      TestCase c = one(test, ctx(), p, "color");
      // Rows 3 and 4 (c) of 6; d is unseen, not rare; the null is missing.
      assertThat(metric(c, "num_failing_rows")).as(p.toString()).isEqualTo(2.0);
      assertThat(c.importanceScore()).isEqualTo(2.0 / 6);
      assertThat(c.severity()).isEqualTo(Severity.HIGH);
      assertThat(c.details().get("rare_categories"))
          .isEqualTo(List.of(Map.of("value", "c", "reference_count", 1L)));
    }
  }

  @Test
  void aBoundaryShareIsNotRare() {
    // b: share 0.49; min_pct_occurrences 0.49 is not above it (strictly less is rare).
    TestCase c =
        one(test, ctx(), TestParams.defaults(test).with("min_pct_occurrences", 0.49), "color");
    assertThat(c.details()).containsEntry("num_rare_categories", 1L); // only c
  }

  @Test
  void includeColumnsRestrictsAndSkipsWhatIsNotCategorical() {
    TestParams p = TestParams.defaults(test).with("include_columns", List.of("amount"));
    List<TestCase> cases = test.run(ctx(), p);
    assertThat(cases)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.features()).containsExactly("amount");
              assertThat(c.status()).isEqualTo(TestStatus.SKIP);
              assertThat(c.description()).contains("is numeric, not categorical");
            });
  }

  @Test
  void anIncludedColumnThatIsNoColumnIsAnErrorWhenTheDataLoads() {
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    config.put(
        "tests_config", Map.of("rare_categories", Map.of("include_columns", List.of("colour"))));
    assertThatThrownBy(() -> Fixtures.context(db, config, dir))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(
            "tests_config.rare_categories.include_columns: column 'colour' not found in");
  }

  @Test
  void parameterRanges() {
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    config.put("tests_config", Map.of("rare_categories", Map.of("min_pct_occurrences", 1.5)));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tests_config.rare_categories.min_pct_occurrences: must be a number from 0 to 1, not 1.5");
    config.put("tests_config", Map.of("rare_categories", Map.of("include_columns", List.of(""))));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessageContaining("include_columns: expected non-empty strings");
    config.put("tests_config", Map.of("rare_categories", Map.of("min_num_occurrences", -1)));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessageContaining(
            "min_num_occurrences: must be an integer from 0 to 2147483647, not -1");
  }

  @Test
  void aSingleCategoryIsNeverRare() {
    Fixtures.csv(dir, "ref.csv", "color,amount", "x,1", "x,2", "x,3");
    Fixtures.csv(dir, "eval.csv", "color,amount", "x,1");
    TestCase c =
        one(test, ctx(), TestParams.defaults(test).with("min_ratio_rel_uniform", 0.99), "color");
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  void matchesPandasOnTheReferenceData() {
    // abnormal_inputs.py: share < 0.005 / K per column; hexagon (1 of 2020) is the only rare one.
    TestContext ctx =
        Fixtures.context(
            db,
            Fixtures.config("abnormal_ref.csv", "abnormal_eval.csv", null, null),
            Reference.dir());
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> expected =
        (Map<String, Map<String, Object>>) Reference.abnormal("rare_categories");
    for (String col : List.of("color", "size", "shape")) {
      TestCase c = one(test, ctx, col);
      @SuppressWarnings("unchecked")
      List<String> rare = (List<String>) expected.get(col).get("rare");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> found =
          (List<Map<String, Object>>) c.details().get("rare_categories");
      assertThat(found).extracting(m -> m.get("value")).as(col).containsExactlyElementsOf(rare);
      assertThat(metric(c, "num_failing_rows"))
          .as(col)
          .isEqualTo(((Number) expected.get(col).get("failing")).doubleValue());
      assertThat(metric(c, "num_reference_failing_rows"))
          .as(col)
          .isEqualTo(((Number) expected.get(col).get("reference_failing")).doubleValue());
      if (expected.get(col).get("p_value") instanceof Number p) {
        // shape: hexagon once in 2020 reference rows, 3 times in 491 evaluation rows.
        assertThat(metric(c, "p_value")).as(col).isCloseTo(p.doubleValue(), within(1e-9));
        assertThat(c.status()).as(col).isEqualTo(TestStatus.FAIL);
      }
    }
  }

  @Test
  void hugeCardinalityIsNotRareByItself() {
    // 10,000 categories seen once each: share 1e-4 >= 0.005 / 10,000 = 5e-7, so none is rare; an
    // unseen one in the evaluation is not rare either.
    List<String> ref = new ArrayList<>(List.of("code,amount"));
    for (int i = 0; i < 10_000; i++) {
      ref.add("c" + i + "," + (i % 50));
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", "code,amount", "c1,1", "c9999,2", "new,3");
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    Fixtures.dataInfo(config).put("categorical_features", List.of("code")); // else an identifier
    TestCase c = one(test, Fixtures.context(db, config, dir), "code");
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.details()).containsEntry("num_categories", 10_000L);
  }
}
