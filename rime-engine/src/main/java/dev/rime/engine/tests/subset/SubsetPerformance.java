// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.subset;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.stats.Edges;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.FeatureCases;
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

/**
 * What every subset performance test shares. On the evaluation rows with a label and a prediction,
 * each categorical or numeric feature is split into subsets: numeric features between reference
 * quantile edges at {@code k / num_subsets} (de-duplicated; bins {@code (-inf, e1], …, (eK, inf)}),
 * categorical features by value; missing values are their own subset. For each subset: size,
 * metric, confidence-interval half-width at {@code confidence_level} and diff = overall metric −
 * subset metric.
 *
 * <p>Judging: subsets smaller than {@code min_sample_size} or with an undefined metric are
 * reported, not judged. A subset fails when diff ≥ the low threshold and diff &gt; its margin of
 * error. Severity comes from the worst failing subset's diff against {@code
 * performance_change_thresholds} (our default {@code [0.05, 0.1, 0.2]}).
 */
public abstract class SubsetPerformance implements StressTest {

  /** Counts of one subset from SQL. */
  protected record SubsetCounts(
      String key, long size, long positives, double accuracy, Double rankSumPositives) {}

  /** The metric's name, e.g. {@code AUC}. */
  protected abstract String metricName();

  /** Whether the SQL must compute mid-rank sums (for AUC). */
  protected abstract boolean needsRanks();

  /** The overall metric on the evaluation data, or null when undefined. */
  protected abstract Double overall(TestContext ctx);

  /** The metric of one subset, or null when undefined. */
  protected abstract Double metric(SubsetCounts s);

  /** Half-width of the subset metric's confidence interval. */
  protected abstract double margin(SubsetCounts s, double metric, double z);

  @Override
  public String category() {
    return "Subset Performance";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.thresholds("performance_change_thresholds", Range.UNIT, 0.05, 0.1, 0.2),
        Param.integer("min_sample_size", 20, Range.intsFrom(1)));
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requireBinaryClassification();
    ctx.requireLabels();
    ctx.requirePredictions();
    Double overall = overall(ctx);
    if (overall == null) {
      throw new SkipTest(
          metricName() + " is undefined on the evaluation data (e.g. only one label class)");
    }
    return FeatureCases.each(
        this,
        ctx.features(params, c -> c.isCategorical() || c.isNumeric()),
        "categorical or numeric",
        c -> test(ctx, params, c, overall));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c, double overall) {
    Thresholds thresholds = params.thresholds("performance_change_thresholds");
    int minSamples = params.integer("min_sample_size");
    double z = ctx.z();

    // Define the subsets.
    Map<String, String[]> names = new LinkedHashMap<>(); // key -> [name, criterion]
    String valueExpr; // the feature's value, as v
    String subsetExpr; // the subset key of v, a VARCHAR
    if (c.isNumeric()) {
      List<Double> edges = ctx.quantileEdges(c.numExpr(), ctx.config().numSubsets());
      valueExpr = c.numExpr();
      subsetExpr = "CAST(" + Edges.binSql("v", edges) + " AS VARCHAR)";
      for (int i = 0; i <= edges.size(); i++) {
        String lo = i == 0 ? "-inf" : num(edges.get(i - 1));
        String hi = i == edges.size() ? "inf" : num(edges.get(i));
        String criterion =
            i == 0
                ? c.name() + " <= " + hi
                : i == edges.size() ? c.name() + " > " + lo : lo + " < " + c.name() + " <= " + hi;
        names.put(
            Integer.toString(i),
            new String[] {"(" + lo + ", " + hi + (i == edges.size() ? ")" : "]"), criterion});
      }
    } else {
      valueExpr = c.catExpr(); // null for a missing value
      subsetExpr = "v";
    }

    // Measure.
    List<SubsetCounts> counts = measure(ctx, valueExpr, subsetExpr);
    List<Map<String, Object>> table = new ArrayList<>();
    Map<String, Object> worst = null;
    double worstDiff = Double.NEGATIVE_INFINITY;
    int failing = 0;
    double worstFailingDiff = Double.NEGATIVE_INFINITY;
    for (SubsetCounts s : counts) {
      String key = s.key() == null || (c.isNumeric() && s.key().equals("-1")) ? null : s.key();
      String name;
      String criterion;
      if (key == null) {
        name = "null";
        criterion = c.name() + " is null";
      } else if (c.isNumeric()) {
        name = names.get(key)[0];
        criterion = names.get(key)[1];
      } else {
        name = key;
        criterion = c.name() + " == " + key;
      }
      Double perf = metric(s);
      Double margin = perf == null ? null : margin(s, perf, z);
      Double diff = perf == null ? null : overall - perf;
      boolean judged = perf != null && s.size() >= minSamples;
      boolean fails = judged && diff >= thresholds.low() && diff > margin;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", name);
      row.put("size", s.size());
      row.put("criterion", criterion);
      row.put("perf", perf);
      row.put("margin_error", margin);
      row.put("diff", diff);
      row.put("pos_rate", s.size() == 0 ? null : (double) s.positives() / s.size());
      row.put("judged", judged);
      row.put("failing", fails);
      table.add(row);
      if (judged && diff > worstDiff) {
        worstDiff = diff;
        worst = row;
      }
      if (fails) {
        failing++;
        worstFailingDiff = Math.max(worstFailingDiff, diff);
      }
    }

    // Judge.
    Severity severity = failing > 0 ? thresholds.severity(worstFailingDiff) : Severity.NONE;
    CaseBuilder b =
        CaseBuilder.of(this)
            .feature(c.name())
            .judged(severity)
            .importance(worst == null ? null : Math.max(0, worstDiff))
            .metric("overall_perf", overall)
            .metric("worst_subset_perf", worst == null ? null : (Double) worst.get("perf"))
            .metric("worst_subset_diff", worst == null ? null : worstDiff)
            .metric("num_failing_subsets", failing)
            .metric("num_subsets", counts.size())
            .detail("performance_change_thresholds", thresholds.toList())
            .detail("min_sample_size", minSamples)
            .detail("confidence_level", ctx.config().confidenceLevel())
            .detail("worst_subset", worst == null ? null : worst.get("name"))
            .detail("subsets", table);
    String m = metricName();
    String desc;
    if (worst == null) {
      desc =
          String.format(
              Locale.ROOT,
              "No subset of '%s' has at least min_sample_size %d rows with a defined %s, so none"
                  + " was judged.",
              c.name(),
              minSamples,
              m);
    } else if (failing == 0) {
      desc =
          String.format(
              Locale.ROOT,
              "The worst subset of '%s' (%s) has %s %.4g against %.4g overall; no subset is lower"
                  + " by at least %.4g and beyond its margin of error.",
              c.name(),
              worst.get("name"),
              m,
              (Double) worst.get("perf"),
              overall,
              thresholds.low());
    } else {
      desc =
          String.format(
              Locale.ROOT,
              "%d subset(s) of '%s' have %s significantly below the overall %.4g; the worst"
                  + " failing one is lower by %.4g, which reaches the %s threshold %.4g.",
              failing,
              c.name(),
              m,
              overall,
              worstFailingDiff,
              severity.name().toLowerCase(Locale.ROOT),
              thresholds.of(severity));
    }
    return b.description(desc).build();
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private List<SubsetCounts> measure(TestContext ctx, String valueExpr, String subsetExpr) {
    String base =
        "SELECT "
            + subsetExpr
            + " AS s, y, p FROM (SELECT "
            + valueExpr
            + " AS v, "
            + ctx.labelExpr()
            + " AS y, "
            + ctx.predExpr()
            + " AS p FROM "
            + ctx.evalTable()
            + ")";
    String ranked =
        needsRanks()
            // The mid-rank rank + (ties − 1) / 2 as (rank + rows up to and with the peers) / 2:
            // the same half-integers from one window (one sort) instead of two.
            ? "SELECT s, y, p, (rank() OVER w + count(*) OVER w) / 2.0 AS mr FROM labeled"
                + " WINDOW w AS (PARTITION BY s ORDER BY p)"
            : "SELECT s, y, p, NULL::DOUBLE AS mr FROM labeled";
    String sql =
        "WITH labeled AS (SELECT * FROM ("
            + base
            + ") WHERE y IS NOT NULL AND p IS NOT NULL), ranked AS ("
            + ranked
            + ") SELECT s, count(*), sum(CASE WHEN y = 1 THEN 1 ELSE 0 END),"
            + " avg(CASE WHEN (p > 0.5) = (y = 1) THEN 1.0 ELSE 0.0 END),"
            + " sum(mr) FILTER (WHERE y = 1) FROM ranked GROUP BY s"
            + " ORDER BY s IS NULL, TRY_CAST(s AS INTEGER), s";
    return ctx.db()
        .query(
            sql,
            rs ->
                new SubsetCounts(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getDouble(4),
                    Db.getDouble(rs, 5)));
  }
}
