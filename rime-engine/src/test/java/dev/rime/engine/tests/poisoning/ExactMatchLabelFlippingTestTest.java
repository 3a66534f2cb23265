// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.poisoning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.config.TestRunConfig;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestCatalogue;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label Flipping Detection (Exact Match). */
class ExactMatchLabelFlippingTestTest {

  @TempDir Path dir;
  private Db db;
  private final StressTest test = new ExactMatchLabelFlippingTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestContext context(List<String> ref, List<String> eval, String pred) {
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    return Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", "y", pred), dir);
  }

  private TestCase run(TestContext ctx) {
    return test.run(ctx, TestParams.defaults(test)).get(0);
  }

  @Test
  void tinyTableByHand() {
    // Evaluation: (1, x) matches the reference with label 0 but has 1: flipped. (2, y) matches
    // with the same label. (4, w) matches nothing. (3, z) has no label: not counted.
    // The prediction column differs everywhere and is not compared.
    TestContext ctx =
        context(
            List.of("a,b,y,p", "1,x,0,0.1", "2,y,1,0.2", "3,z,0,0.3"),
            List.of("a,b,y,p", "1,x,1,0.9", "2,y,1,0.8", "4,w,0,0.7", "3,z,,0.6"),
            "p");
    TestCase c = run(ctx);
    assertThat(c.metrics())
        .containsEntry("num_labelled_eval_rows", 3.0)
        .containsEntry("num_matched_rows", 2.0)
        .containsEntry("num_flipped_rows", 1.0)
        .containsEntry("flipped_rows_fraction", 1 / 3.0);
    // 1/3 >= 0.005: HIGH.
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.details()).containsEntry("columns_compared", List.of("a", "b"));
    assertThat(c.details().get("examples"))
        .isEqualTo(
            List.of(
                Map.of(
                    "features",
                    Map.of("a", "1", "b", "x"),
                    "eval_label",
                    "1",
                    "ref_labels",
                    List.of("0"),
                    "count",
                    1L)));
    assertThat(c.description())
        .isEqualTo(
            "2 of 3 labelled evaluation rows match a reference row on all 2 feature columns; 1 of"
                + " them have another label than the one label the reference gives those"
                + " features, a share of 0.3333 reaching the high threshold 0.005000.");
  }

  /** n reference rows (x numeric, c categorical, y label) from a seeded Random. */
  private static List<String> reference(int n) {
    Random r = new Random(5);
    List<String> out = new ArrayList<>(List.of("x,c,y"));
    for (int i = 0; i < n; i++) {
      out.add(
          String.format(Locale.ROOT, "%.6f,k%d,%d", r.nextGaussian(), r.nextInt(20), r.nextInt(2)));
    }
    return out;
  }

  /** The reference rows 1..n with the labels of the first {@code flips} flipped. */
  private static List<String> flippedCopy(List<String> ref, int n, int flips) {
    List<String> out = new ArrayList<>(List.of(ref.get(0)));
    for (int i = 1; i <= n; i++) {
      String row = ref.get(i);
      if (i <= flips) {
        int comma = row.lastIndexOf(',');
        row = row.substring(0, comma + 1) + (row.endsWith("0") ? "1" : "0");
      }
      out.add(row);
    }
    return out;
  }

  @Test
  void aLabelFlippedCopyOfReferenceRowsIsFoundWithItsSeverity() {
    List<String> ref = reference(2000);
    // 10 of 1000 copied rows flipped: 0.01 >= 0.005: HIGH.
    TestCase high = run(context(ref, flippedCopy(ref, 1000, 10), null));
    assertThat(high.metrics().get("num_flipped_rows")).isEqualTo(10.0);
    assertThat(high.metrics().get("num_matched_rows")).isEqualTo(1000.0);
    assertThat(high.severity()).isEqualTo(Severity.HIGH);
    db.close();
    db = Db.open();
    // 3 of 1000: 0.003 >= 0.001: MEDIUM.
    assertThat(run(context(ref, flippedCopy(ref, 1000, 3), null)).severity())
        .isEqualTo(Severity.MEDIUM);
    db.close();
    db = Db.open();
    // 1 of 2000: 0.0005 >= 0.0: LOW.
    TestCase low = run(context(ref, flippedCopy(ref, 2000, 1), null));
    assertThat(low.status()).isEqualTo(TestStatus.FAIL);
    assertThat(low.severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void noFlippedRowPassesDespiteTheLowThresholdZero() {
    List<String> ref = reference(500);
    TestCase c = run(context(ref, flippedCopy(ref, 500, 0), null));
    assertThat(c.metrics().get("num_flipped_rows")).isZero();
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.severity()).isEqualTo(Severity.NONE);
    assertThat(c.description())
        .endsWith(
            "0 of them have another label than the one label the reference"
                + " gives those features, so the test passes.");
  }

  @Test
  void flipsBelowAPositiveLowThresholdWarn() {
    List<String> ref = reference(2000);
    TestContext ctx = context(ref, flippedCopy(ref, 2000, 1), null);
    TestCase c =
        test.run(
                ctx,
                TestParams.defaults(test).with("severity_thresholds", List.of(0.001, 0.002, 0.01)))
            .get(0);
    assertThat(c.status()).isEqualTo(TestStatus.WARNING);
    assertThat(c.severity()).isEqualTo(Severity.NONE);
  }

  @Test
  void valuesMatchAsCategoriesDo() {
    // n: 1.0 in the reference (a float column, with NaN) and 1 in the evaluation data (integers);
    // t: integers read as text ("5" and "5.0" are one value); u: unicode and empty strings.
    // Every evaluation row matches a reference row; NaN matches an empty (null) value.
    TestContext ctx =
        context(
            List.of("n,t,u,y", "1.0,\"5\",Ünï,0", "NaN,\"6\",\"\",1", "2.5,\"7\",日本,0"),
            List.of("n,t,u,y", "1,\"5.0\",Ünï,1", ",\"6\",\"\",1", "3,\"7\",日本,0"),
            null);
    TestCase c = run(ctx);
    // (1, 5, Ünï) flipped 0 -> 1; (missing, 6, "") same label; (3, 7, 日本) has no match (2.5).
    assertThat(c.metrics())
        .containsEntry("num_matched_rows", 2.0)
        .containsEntry("num_flipped_rows", 1.0);
  }

  @Test
  void conflictingReferenceLabelsMakeAMatchAmbiguousNotAFlip() {
    TestContext ctx =
        context(List.of("a,y", "1,0", "1,1", "2,0"), List.of("a,y", "1,0", "1,1", "2,0"), null);
    TestCase c = run(ctx);
    // a = 1 has labels 0 and 1 in the reference: neither evaluation row with a = 1 can be called
    // flipped. a = 2 has the reference's one label. Nothing flipped: PASS.
    assertThat(c.metrics())
        .containsEntry("num_matched_rows", 3.0)
        .containsEntry("num_flipped_rows", 0.0)
        .containsEntry("num_ambiguous_rows", 2.0);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.details().get("ambiguous_examples"))
        .isEqualTo(
            List.of(
                Map.of(
                    "features",
                    Map.of("a", "1"),
                    "eval_label",
                    "0",
                    "ref_labels",
                    List.of("0", "1"),
                    "count",
                    1L),
                Map.of(
                    "features",
                    Map.of("a", "1"),
                    "eval_label",
                    "1",
                    "ref_labels",
                    List.of("0", "1"),
                    "count",
                    1L)));
    assertThat(c.description())
        .endsWith(
            "so the test passes. 2 match reference rows with mixed labels: ambiguous, not counted"
                + " as flips.");
  }

  /**
   * n rows of three binary features and a label that is {@code a AND b} with 20% of the labels
   * flipped at random: every feature tuple appears with both labels in a sample of 2000.
   */
  private static List<String> noisy(int n, long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>(List.of("a,b,c,y"));
    for (int i = 0; i < n; i++) {
      int a = r.nextInt(2);
      int b = r.nextInt(2);
      int c = r.nextInt(2);
      int y = a & b;
      if (r.nextDouble() < 0.2) {
        y = 1 - y;
      }
      out.add(a + "," + b + "," + c + "," + y);
    }
    return out;
  }

  @Test
  void twoIndependentSamplesWithNoisyLabelsHaveNoFlips() {
    // 8 feature tuples of about 250 reference rows each, 20% of them with the other label: every
    // tuple has both labels in the reference, so every evaluation row is ambiguous, none flipped.
    // (Counting a row as flipped when its reference group has two labels rated all 2000 HIGH.)
    TestCase c = run(context(noisy(2000, 1), noisy(2000, 2), null));
    assertThat(c.metrics())
        .containsEntry("num_labelled_eval_rows", 2000.0)
        .containsEntry("num_matched_rows", 2000.0)
        .containsEntry("num_ambiguous_rows", 2000.0)
        .containsEntry("num_flipped_rows", 0.0);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.severity()).isEqualTo(Severity.NONE);
  }

  @Test
  void featuresNotInModelAreLeftOutOfTheMatch() {
    // id differs between the files (a row id); with id in features_not_in_model the rows match on
    // a alone: (a = 1) has reference label 0 and evaluation label 1, flipped; (a = 2) agrees.
    Fixtures.csv(dir, "ref.csv", "id,a,y", "1,1,0", "2,2,1");
    Fixtures.csv(dir, "eval.csv", "id,a,y", "11,1,1", "12,2,1");
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "y", null);
    Fixtures.dataInfo(config).put("features_not_in_model", List.of("id"));
    TestCase c = run(Fixtures.context(db, config, dir));
    assertThat(c.details()).containsEntry("columns_compared", List.of("a"));
    assertThat(c.metrics())
        .containsEntry("num_matched_rows", 2.0)
        .containsEntry("num_flipped_rows", 1.0);
    // Without it, the id is part of the match and no row matches.
    db.close();
    db = Db.open();
    TestCase withId =
        run(Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", "y", null), dir));
    assertThat(withId.details()).containsEntry("columns_compared", List.of("id", "a"));
    assertThat(withId.metrics()).containsEntry("num_matched_rows", 0.0);
  }

  @Test
  void needsLabels() {
    Fixtures.csv(dir, "ref.csv", "a,b", "1,2");
    Fixtures.csv(dir, "eval.csv", "a,b", "1,2");
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, null), dir);
    assertThatThrownBy(() -> test.run(ctx, TestParams.defaults(test)))
        .isInstanceOf(SkipTest.class)
        .hasMessageStartingWith("no labels");
  }

  @Test
  void dataPoisoningDetectionIsACategoryButNotADefault() {
    Map<String, Object> config = Fixtures.config("r.csv", "e.csv", "y", null);
    config.put("tests_config", Map.of("categories", List.of("Data Poisoning Detection")));
    assertThat(
            TestRunConfig.parse(config).testsConfig().select(TestCatalogue.all()).stream()
                .map(StressTest::id))
        .containsExactly("exact_match_label_flipping");
    config.remove("tests_config");
    assertThat(
            TestRunConfig.parse(config).testsConfig().select(TestCatalogue.all()).stream()
                .map(StressTest::id))
        .doesNotContain("exact_match_label_flipping")
        .contains("required_features", "null_proportion");
  }
}
