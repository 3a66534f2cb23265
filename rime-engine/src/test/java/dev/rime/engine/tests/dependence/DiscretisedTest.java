// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.stats.Contingency;
import dev.rime.engine.tests.TestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscretisedTest {

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
  void mutualInformationOfEveryPairMatchesScikitLearnOnTheSameCodes() {
    TestContext ctx = Fixtures.context(db, DependenceReference.config(), DependenceReference.dir());
    Discretised codes = Discretised.of(ctx);
    assertThat(codes.label()).isEqualTo("label");
    Map<String, Object> expected = DependenceReference.section("mutual_information");
    assertThat(expected).hasSize(21);
    for (String key : expected.keySet()) {
      String[] ab = key.split("\\|");
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) expected.get(key);
      for (boolean eval : new boolean[] {false, true}) {
        String side = eval ? "eval" : "ref";
        Contingency t = codes.table(eval, ab[0], ab[1]);
        assertThat(t.normalized())
            .as(key + " " + side)
            .isCloseTo(DependenceReference.number(e, side + "_nmi"), within(1e-12));
        assertThat(t.mutualInformation())
            .as(key + " " + side)
            .isCloseTo(DependenceReference.number(e, side + "_mi"), within(1e-12));
        if (e.containsKey("ref_rows")) {
          // Rows without a label are left out: 3 in the evaluation data.
          assertThat(t.total()).isEqualTo((long) DependenceReference.number(e, side + "_rows"));
        }
      }
    }
    assertThat(codes.table(true, "x", "y")).isSameAs(codes.table(true, "x", "y"));
  }

  /** Every ordered pair of the coded columns (label included) of a context. */
  private static List<List<String>> everyPair(List<String> names) {
    List<List<String>> pairs = new ArrayList<>();
    for (String a : names) {
      for (String b : names) {
        if (!a.equals(b)) {
          pairs.add(List.of(a, b));
        }
      }
    }
    return pairs;
  }

  /** Asserts that pairTables gives table()'s tables, in passes of every size. */
  private static void assertPairTablesMatch(Discretised codes, List<List<String>> pairs) {
    for (long cells : new long[] {1, 3000, Discretised.CELLS_PER_PASS}) {
      for (boolean eval : new boolean[] {false, true}) {
        Contingency[] got = new Contingency[pairs.size()];
        codes.pairTables(eval, pairs, (k, t) -> got[k] = t, cells);
        for (int k = 0; k < pairs.size(); k++) {
          List<String> p = pairs.get(k);
          assertThat(got[k])
              .as("%s, eval %s, passes of %d cells", p, eval, cells)
              .isEqualTo(codes.table(eval, p.get(0), p.get(1)));
        }
      }
    }
  }

  @Test
  void pairTablesCountedTogetherEqualOneGroupByPerPair() {
    TestContext ctx = Fixtures.context(db, DependenceReference.config(), DependenceReference.dir());
    Discretised codes = Discretised.of(ctx);
    // Rows without a label are left out of the label's tables, as table() does.
    assertPairTablesMatch(codes, everyPair(List.of("x", "y", "z", "k", "c", "h", "label")));
  }

  @Test
  void pairTablesSpanBlocksOfRows() {
    // More rows than one block: the last block is partial.
    int rows = Discretised.BLOCK_ROWS + 1234;
    for (String side : new String[] {"ref", "eval"}) {
      db.execute(
          "COPY (SELECT range * 0.37 % 11 AS x, 'c' || (hash(range) % 70) AS c,"
              + " CASE WHEN range % 17 = 0 THEN NULL ELSE (range % 3 = 0)::INTEGER END AS label"
              + " FROM range("
              + rows
              + ")) TO '"
              + dir.resolve(side + ".parquet")
              + "' (FORMAT parquet)");
    }
    TestContext ctx =
        Fixtures.context(db, Fixtures.config("ref.parquet", "eval.parquet", "label", null), dir);
    Discretised codes = Discretised.of(ctx);
    assertThat(codes.binning("c").size()).isEqualTo(52);
    assertPairTablesMatch(codes, everyPair(List.of("x", "c", "label")));
  }

  @Test
  void binsAreReferenceDecilesAndTheMostFrequentCategories() {
    TestContext ctx = Fixtures.context(db, DependenceReference.config(), DependenceReference.dir());
    Discretised codes = Discretised.of(ctx);
    @SuppressWarnings("unchecked")
    Map<String, Object> x = (Map<String, Object>) DependenceReference.section("binning").get("x");
    @SuppressWarnings("unchecked")
    List<Number> edges = (List<Number>) x.get("edges");
    // 9 edges: 10 bins and the missing-value code.
    assertThat(codes.binning("x").size()).isEqualTo(11);
    assertThat(codes.binning("x").labels().get(1))
        .isEqualTo("(" + edges.get(0).doubleValue() + ", " + edges.get(1).doubleValue() + "]");
    assertThat(codes.binning("x").labels().get(10)).isEqualTo("null");
    // c: 7 categories (unicode names, one seen only in the evaluation data), other, missing.
    @SuppressWarnings("unchecked")
    Map<String, Object> c = (Map<String, Object>) DependenceReference.section("binning").get("c");
    @SuppressWarnings("unchecked")
    List<String> kept = (List<String>) c.get("kept");
    List<String> labels = new ArrayList<>(kept);
    labels.add("other");
    labels.add("null");
    assertThat(codes.binning("c").labels()).isEqualTo(labels);
    // h: 70 categories, the 50 most frequent over both datasets kept (by count, then by
    // value), other, missing.
    @SuppressWarnings("unchecked")
    Map<String, Object> h = (Map<String, Object>) DependenceReference.section("binning").get("h");
    assertThat(codes.binning("h").size()).isEqualTo(52);
    assertThat(codes.binning("h").labels().subList(0, 50)).isEqualTo(h.get("kept"));
    // The label of a classification task: its categories and other, no missing code.
    assertThat(codes.binning("label").labels()).containsExactly("0", "1", "other");
    assertThat(codes.describe("x", "c"))
        .containsOnlyKeys("x", "c")
        .containsEntry(
            "x", "10 bins at the reference quantiles k/10, missing values a bin of their own");
  }

  @Test
  void numericCategoriesAreCodedByValueWhateverTypeEachFileWasReadAs() {
    // g: 1.0 / 2.0 / NaN in the reference (DOUBLE), 1 / 2 / x in the evaluation (text): the
    // categories 1 and 2 are one on both sides, x has a code of its own (seen only in the
    // evaluation data), NaN is missing.
    List<String> ref = new ArrayList<>(List.of("g,label"));
    List<String> eval = new ArrayList<>(List.of("g,label"));
    for (int i = 0; i < 6; i++) {
      ref.add((i < 3 ? "1.0" : "2.0") + "," + (i < 3 ? 1 : 0));
      eval.add((i < 2 ? "1" : i < 4 ? "2" : "x") + "," + (i < 2 ? 1 : 0));
    }
    ref.add("NaN,1");
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    TestContext ctx =
        Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", "label", null), dir);
    assertThat(ctx.ref().columns().get("g")).isEqualTo("DOUBLE");
    assertThat(ctx.eval().columns().get("g")).isEqualTo("VARCHAR");
    Discretised codes = Discretised.of(ctx);
    // Counts over both: 1 x5, 2 x5, x x2.
    assertThat(codes.binning("g").labels()).containsExactly("1", "2", "x", "other", "null");
    // The label's codes: 0 (7 rows in both), 1 (6), other.
    assertThat(codes.binning("label").labels()).containsExactly("0", "1", "other");
    // Reference: 1 -> label 1 (3 rows), 2 -> 0 (3), missing -> 1 (1).
    assertThat(codes.table(false, "g", "label"))
        .isEqualTo(
            Contingency.of(new long[][] {{0, 3, 0}, {3, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 1, 0}}));
    // Evaluation: 1 -> 1 (2), 2 -> 0 (2), x -> 0 (2).
    assertThat(codes.table(true, "g", "label"))
        .isEqualTo(
            Contingency.of(new long[][] {{0, 2, 0}, {2, 0, 0}, {2, 0, 0}, {0, 0, 0}, {0, 0, 0}}));
  }

  @Test
  void emptyStringsAreACategoryAndAColumnWithOneValueOrNoneHasNoInformation() {
    // Parquet keeps '' apart from null (CSV would read both as null).
    Path ref = dir.resolve("ref.parquet");
    Path eval = dir.resolve("eval.parquet");
    db.execute(
        "COPY (SELECT *, NULL::VARCHAR AS none FROM (VALUES ('', 'u', 1), ('', 'u', 1), ('a',"
            + " 'u', 0), (NULL, 'u', 0), ('a', 'u', 0), ('b', 'u', 1)) t(s, one, label)) TO '"
            + ref
            + "' (FORMAT parquet)");
    db.execute(
        "COPY (SELECT * FROM read_parquet('" + ref + "')) TO '" + eval + "' (FORMAT parquet)");
    TestContext ctx =
        Fixtures.context(db, Fixtures.config("ref.parquet", "eval.parquet", "label", null), dir);
    Discretised codes = Discretised.of(ctx);
    // '' twice, a twice, b once (count, then value: '' < 'a'), other, null.
    assertThat(codes.binning("s").labels()).containsExactly("", "a", "b", "other", "null");
    // s against the label: '' -> 1, 1; a -> 0, 0; null -> 0; b -> 1: s determines the label,
    // NMI = MI / min(H_s, H_label) = H_label / H_label = 1.
    assertThat(codes.table(false, "s", "label").normalized()).isCloseTo(1.0, within(1e-12));
    // 'one' has a single value: no information, NMI 0 (scikit-learn: MI 0, so NMI 0).
    assertThat(codes.table(false, "one", "label").normalized()).isZero();
    assertThat(codes.table(false, "one", "s").normalized()).isZero();
    // 'none' has no value at all: every row is missing, no information either.
    assertThat(codes.binning("none").labels()).containsExactly("other", "null");
    assertThat(codes.table(false, "none", "label").normalized()).isZero();
    assertThat(codes.table(true, "none", "s").total()).isEqualTo(6);
  }
}
