// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.poisoning;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Label Flipping Detection (Exact Match): labelled evaluation rows whose features exactly match
 * reference rows that all have one label, and whose own label differs from it. Features are the
 * columns in both files that the model uses, except the label, the prediction and excluded columns
 * ({@code features_not_in_model} are left out of the match; identifiers stay in it, so an id that
 * differs between the files belongs in {@code features_not_in_model}). Missing values match missing
 * values (NaN included); numbers compare by value ({@code 1} and {@code 1.0} alike); rows without a
 * label are not counted.
 *
 * <p>When the matching reference rows have several labels (noisy labels, or features that do not
 * determine the label), the evaluation row cannot be said to be flipped whatever its label: such
 * rows are counted as ambiguous ({@code num_ambiguous_rows}, with examples) and not as flips (ADR
 * 0009). One hash join in SQL, run once into a temporary table: the reference grouped by its
 * features (smallest and largest label per group), joined to the evaluation rows on a hash of the
 * features, then on the features themselves; the table keeps the features of flipped and ambiguous
 * rows only.
 *
 * <p>The share of flipped rows among labelled evaluation rows is judged against {@code
 * severity_thresholds} (RIME's {@code [0.0, 0.001, 0.005]}): no flipped row PASS; a share reaching
 * a threshold FAIL with that severity, so with a low threshold of 0.0 any flipped row is at least
 * LOW (ADR 0009); flipped rows below a positive low threshold WARNING.
 */
public final class ExactMatchLabelFlippingTest implements StressTest {

  /** Default {@code severity_thresholds}. */
  public static final Thresholds DEFAULT_THRESHOLDS = Thresholds.of(0.0, 0.001, 0.005);

  /** Flipped (and ambiguous) rows shown in the details. */
  static final int EXAMPLES = 5;

  /** How an evaluation row relates to the reference ({@code kind} in the matches table). */
  private static final int UNMATCHED = 0;

  private static final int SAME = 1;
  private static final int FLIPPED = 2;
  private static final int AMBIGUOUS = 3;

  @Override
  public String id() {
    return "exact_match_label_flipping";
  }

  @Override
  public String displayName() {
    return "Label Flipping Detection (Exact Match)";
  }

  @Override
  public String category() {
    return "Data Poisoning Detection";
  }

  @Override
  public List<Param> params() {
    return List.of(Param.thresholds("severity_thresholds", Range.UNIT, 0.0, 0.001, 0.005));
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requireLabels();
    List<Column> features =
        ctx.columns().stream()
            .filter(Column::isFeature)
            .filter(Column::inBoth)
            .filter(Column::inModel)
            .filter(c -> !params.excludeColumns().contains(c.name()))
            .collect(Collectors.toList());
    if (features.isEmpty()) {
      throw new SkipTest("no feature columns used by the model in both datasets to match rows on");
    }
    Thresholds thresholds = params.thresholds("severity_thresholds", DEFAULT_THRESHOLDS);

    // Measure: the join once, then counts and examples from its table.
    String matches = ctx.tempTable("label_flipping", matchesSql(ctx, features));
    long[] counts =
        ctx.db()
            .queryOne(
                "SELECT COALESCE(sum(n), 0), COALESCE(sum(n) FILTER (WHERE kind <> "
                    + UNMATCHED
                    + "), 0), COALESCE(sum(n) FILTER (WHERE kind = "
                    + FLIPPED
                    + "), 0), COALESCE(sum(n) FILTER (WHERE kind = "
                    + AMBIGUOUS
                    + "), 0) FROM "
                    + matches,
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
    long labelled = counts[0];
    long matched = counts[1];
    long flipped = counts[2];
    long ambiguous = counts[3];
    if (labelled == 0) {
      throw new SkipTest("no evaluation row has a label");
    }
    double share = (double) flipped / labelled;
    List<Map<String, Object>> examples =
        flipped == 0 ? List.of() : examples(ctx, matches, features, FLIPPED);
    List<Map<String, Object>> ambiguousExamples =
        ambiguous == 0 ? List.of() : examples(ctx, matches, features, AMBIGUOUS);

    // Judge: no flipped row passes whatever the thresholds (a low threshold of 0.0 is reached by
    // any share, including 0, so the count decides first).
    Severity severity = flipped == 0 ? Severity.NONE : thresholds.severity(share);
    TestStatus status =
        severity != Severity.NONE
            ? TestStatus.FAIL
            : flipped > 0 ? TestStatus.WARNING : TestStatus.PASS;
    String verdict =
        flipped == 0
            ? "so the test passes"
            : severity != Severity.NONE
                ? String.format(
                    Locale.ROOT,
                    "a share of %.4g reaching the %s threshold %.4g",
                    share,
                    severity.name().toLowerCase(Locale.ROOT),
                    thresholds.of(severity))
                : String.format(
                    Locale.ROOT,
                    "a share of %.4g, below the low threshold %.4g: a warning",
                    share,
                    thresholds.low());
    String mixed =
        ambiguous == 0
            ? ""
            : String.format(
                Locale.ROOT,
                " %d match reference rows with mixed labels: ambiguous, not counted as flips.",
                ambiguous);
    return List.of(
        CaseBuilder.of(this)
            .feature(ctx.labelColumn().name())
            .status(status)
            .severity(severity)
            .importance(share)
            .metric("num_flipped_rows", flipped)
            .metric("flipped_rows_fraction", share)
            .metric("num_ambiguous_rows", ambiguous)
            .metric("num_matched_rows", matched)
            .metric("num_labelled_eval_rows", labelled)
            .detail("severity_thresholds", thresholds.toList())
            .detail(
                "columns_compared",
                features.stream().map(Column::name).collect(Collectors.toList()))
            .detail("examples", examples)
            .detail("ambiguous_examples", ambiguousExamples)
            .description(
                String.format(
                    Locale.ROOT,
                    "%d of %d labelled evaluation rows match a reference row on all %d feature"
                        + " columns; %d of them have another label than the one label the"
                        + " reference gives those features, %s.%s",
                    matched,
                    labelled,
                    features.size(),
                    flipped,
                    verdict,
                    mixed))
            .build());
  }

  /**
   * The matches table: per labelled evaluation row its {@code kind} ({@link #UNMATCHED}, {@link
   * #SAME}, {@link #FLIPPED}, {@link #AMBIGUOUS}), its features f0… (null unless flipped or
   * ambiguous), label y and the smallest and largest label of its reference group lo, hi; grouped,
   * with the number of rows {@code n}.
   */
  private static String matchesSql(TestContext ctx, List<Column> features) {
    List<String> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> on = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      values.add(value(features.get(i)) + " AS f" + i);
      names.add("f" + i);
      on.add("e.f" + i + " IS NOT DISTINCT FROM ra.f" + i);
      kept.add("CASE WHEN kind >= " + FLIPPED + " THEN f" + i + " END AS f" + i);
    }
    String fs = String.join(", ", names);
    String y = ctx.labelColumn().catExpr();
    return "WITH ra AS (SELECT hash("
        + fs
        + ") AS h, "
        + fs
        + ", min(y) AS lo, max(y) AS hi FROM (SELECT "
        + String.join(", ", values)
        + ", "
        + y
        + " AS y FROM "
        + ctx.refTable()
        + ") WHERE y IS NOT NULL GROUP BY ALL),"
        + " e AS (SELECT *, hash("
        + fs
        + ") AS h FROM (SELECT "
        + String.join(", ", values)
        + ", "
        + y
        + " AS y FROM "
        + ctx.evalTable()
        + ") WHERE y IS NOT NULL),"
        + " j AS (SELECT "
        + names.stream().map(n -> "e." + n).collect(Collectors.joining(", "))
        + ", e.y, ra.lo, ra.hi, CASE WHEN ra.lo IS NULL THEN "
        + UNMATCHED
        + " WHEN ra.lo <> ra.hi THEN "
        + AMBIGUOUS
        + " WHEN ra.lo = e.y THEN "
        + SAME
        + " ELSE "
        + FLIPPED
        + " END AS kind FROM e LEFT JOIN ra ON e.h = ra.h AND "
        + String.join(" AND ", on)
        + ") SELECT kind, "
        + String.join(", ", kept)
        + ", y, lo, hi, count(*) AS n FROM j GROUP BY ALL";
  }

  /**
   * How a feature is compared, as cheaply as the types allow (a cast to text per row is the costly
   * part on millions of rows): the column itself when both files read it as the same type that
   * needs no normalising (not a float, which may hold NaN; not numbers read as text, where {@code
   * 1} and {@code 1.0} are one value); as DOUBLE with NaN missing when both files read it as
   * numbers ({@code 1.0} equals {@code 1}); otherwise as a category ({@link Column#catExpr()}:
   * numbers by value, NaN missing, other text as itself).
   */
  private static String value(Column c) {
    String ref = c.refType();
    String eval = c.evalType();
    if (ref.equals(eval) && !Db.isFloatType(ref) && (Db.isNumericType(ref) || !c.numericValues())) {
      return c.quoted();
    }
    if (Db.isNumericType(ref) && Db.isNumericType(eval)) {
      return c.numExpr();
    }
    return c.catExpr();
  }

  /**
   * Up to {@link #EXAMPLES} feature tuples of one kind, in feature order, with the evaluation
   * label, how many evaluation rows have them and the reference labels (smallest and largest).
   */
  private static List<Map<String, Object>> examples(
      TestContext ctx, String matches, List<Column> features, int kind) {
    String cols =
        java.util.stream.IntStream.range(0, features.size())
            .mapToObj(i -> "CAST(f" + i + " AS VARCHAR)")
            .collect(Collectors.joining(", "));
    String order =
        java.util.stream.IntStream.range(0, features.size())
            .mapToObj(i -> "f" + i)
            .collect(Collectors.joining(", "));
    String sql =
        "SELECT "
            + cols
            + ", y, lo, hi, n FROM "
            + matches
            + " WHERE kind = "
            + kind
            + " ORDER BY "
            + order
            + ", y LIMIT "
            + EXAMPLES;
    int k = features.size();
    return ctx.db()
        .query(
            sql,
            rs -> {
              Map<String, Object> row = new LinkedHashMap<>();
              Map<String, Object> values = new LinkedHashMap<>();
              for (int i = 0; i < k; i++) {
                values.put(features.get(i).name(), rs.getString(i + 1));
              }
              row.put("features", values);
              row.put("eval_label", rs.getString(k + 1));
              String lo = rs.getString(k + 2);
              String hi = rs.getString(k + 3);
              row.put("ref_labels", lo.equals(hi) ? List.of(lo) : List.of(lo, hi));
              row.put("count", rs.getLong(k + 4));
              return row;
            });
  }
}
