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
 * Label Flipping Detection (Exact Match): evaluation rows whose features (every column in both
 * files but the label, the prediction and excluded columns) exactly match a reference row, but
 * whose label differs from that row's (from any matching row's, when the reference itself has
 * several labels for those features). Missing values match missing values (NaN included); numbers
 * compare by value ({@code 1} and {@code 1.0} alike); rows without a label are not counted. One
 * hash join in SQL: the reference grouped by its features (with the smallest and largest label per
 * group), joined to the evaluation rows on a hash of the features, then on the features themselves.
 *
 * <p>The share of flipped rows among labelled evaluation rows is judged against {@code
 * severity_thresholds} (RIME's {@code [0.0, 0.001, 0.005]}): no flipped row PASS; a share reaching
 * a threshold FAIL with that severity, so with a low threshold of 0.0 any flipped row is at least
 * LOW (ADR 0009); flipped rows below a positive low threshold WARNING.
 */
public final class ExactMatchLabelFlippingTest implements StressTest {

  /** Default {@code severity_thresholds}. */
  public static final Thresholds DEFAULT_THRESHOLDS = Thresholds.of(0.0, 0.001, 0.005);

  /** Flipped rows shown in the details. */
  static final int EXAMPLES = 5;

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
            .filter(c -> !params.excludeColumns().contains(c.name()))
            .collect(Collectors.toList());
    if (features.isEmpty()) {
      throw new SkipTest("no feature columns in both datasets to match rows on");
    }
    Thresholds thresholds = params.thresholds("severity_thresholds", DEFAULT_THRESHOLDS);

    // Measure.
    String join = joinSql(ctx, features);
    long[] counts =
        ctx.db()
            .queryOne(
                join
                    + " SELECT (SELECT count(*) FROM e), count(*),"
                    + " count(*) FILTER (WHERE flipped) FROM j",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
    long labelled = counts[0];
    long matched = counts[1];
    long flipped = counts[2];
    if (labelled == 0) {
      throw new SkipTest("no evaluation row has a label");
    }
    double share = (double) flipped / labelled;
    List<Map<String, Object>> examples = flipped == 0 ? List.of() : examples(ctx, join, features);

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
    return List.of(
        CaseBuilder.of(this)
            .feature(ctx.labelColumn().name())
            .status(status)
            .severity(severity)
            .importance(share)
            .metric("num_flipped_rows", flipped)
            .metric("flipped_rows_fraction", share)
            .metric("num_matched_rows", matched)
            .metric("num_labelled_eval_rows", labelled)
            .detail("severity_thresholds", thresholds.toList())
            .detail(
                "columns_compared",
                features.stream().map(Column::name).collect(Collectors.toList()))
            .detail("examples", examples)
            .description(
                String.format(
                    Locale.ROOT,
                    "%d of %d labelled evaluation rows match a reference row on all %d feature"
                        + " columns; %d of them have a different label than the reference gives"
                        + " those features, %s.",
                    matched,
                    labelled,
                    features.size(),
                    flipped,
                    verdict))
            .build());
  }

  /**
   * CTEs {@code e} (labelled evaluation rows: features f0…, label y, hash h), {@code ra} (the
   * reference grouped by its features: smallest and largest label lo, hi) and {@code j} (the
   * matches, with {@code flipped}).
   */
  private static String joinSql(TestContext ctx, List<Column> features) {
    List<String> ref = new ArrayList<>();
    List<String> eval = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      ref.add(value(features.get(i)) + " AS f" + i);
      eval.add(value(features.get(i)) + " AS f" + i);
    }
    String names =
        java.util.stream.IntStream.range(0, features.size())
            .mapToObj(i -> "f" + i)
            .collect(Collectors.joining(", "));
    String on =
        java.util.stream.IntStream.range(0, features.size())
            .mapToObj(i -> "e.f" + i + " IS NOT DISTINCT FROM ra.f" + i)
            .collect(Collectors.joining(" AND "));
    String y = ctx.labelColumn().catExpr();
    return "WITH r AS (SELECT "
        + String.join(", ", ref)
        + ", "
        + y
        + " AS y FROM "
        + ctx.refTable()
        + "), ra AS (SELECT hash("
        + names
        + ") AS h, "
        + names
        + ", min(y) AS lo, max(y) AS hi FROM r WHERE y IS NOT NULL GROUP BY ALL),"
        + " e AS (SELECT *, hash("
        + names
        + ") AS h FROM (SELECT "
        + String.join(", ", eval)
        + ", "
        + y
        + " AS y FROM "
        + ctx.evalTable()
        + ") WHERE y IS NOT NULL),"
        + " j AS (SELECT e.*, ra.lo, ra.hi, NOT (ra.lo = e.y AND ra.hi = e.y) AS flipped"
        + " FROM e JOIN ra ON e.h = ra.h AND "
        + on
        + ")";
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

  private static List<Map<String, Object>> examples(
      TestContext ctx, String join, List<Column> features) {
    String cols =
        java.util.stream.IntStream.range(0, features.size())
            .mapToObj(i -> "CAST(f" + i + " AS VARCHAR)")
            .collect(Collectors.joining(", "));
    String order =
        java.util.stream.IntStream.range(0, features.size())
            .mapToObj(i -> "f" + i)
            .collect(Collectors.joining(", "));
    String sql =
        join
            + " SELECT "
            + cols
            + ", y, lo, hi FROM j WHERE flipped ORDER BY "
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
              return row;
            });
  }
}
