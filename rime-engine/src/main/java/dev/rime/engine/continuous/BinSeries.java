// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.continuous;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.ContinuousRunResult.TimeSeriesValue;
import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Sql;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.metrics.MetricStats;
import dev.rime.engine.stats.Edges;
import dev.rime.engine.stats.Psi;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The time-series values of every bin at once: {@code GROUP BY} the bin over {@link
 * TimeBins#TABLE}, one scan for every drift histogram and one for the model metrics, whatever the
 * number of bins; the reference side (quantile edges, histograms) once. Metric ids are listed in
 * {@code docs/continuous-testing.md}:
 *
 * <ul>
 *   <li>{@code prediction_drift_psi}: PSI of the predictions (binary, regression) against the
 *       reference, over the bins of Prediction Drift ({@code num_bins} reference quantiles);
 *   <li>{@code feature_drift_psi} per feature: PSI of a numeric feature over the bins of Numeric
 *       Feature Drift, of a categorical one over its categories (missing values left out, as the
 *       drift tests do by default);
 *   <li>each model metric of the task by its id ({@code accuracy}, {@code auc}, {@code rmse}, …):
 *       those that need labels only with a label column; null where undefined in a bin;
 *   <li>from each bin's tests ({@link #fromCases}): {@code test_pass_rate}, {@code
 *       severity_high_count}, {@code severity_medium_count}, {@code severity_low_count}, {@code
 *       abnormal_rate} overall and per feature.
 * </ul>
 */
public final class BinSeries {

  /** Metric id: PSI of the predictions in a bin against the reference. */
  public static final String PREDICTION_DRIFT_PSI = "prediction_drift_psi";

  /** Metric id (per feature): PSI of a feature in a bin against the reference. */
  public static final String FEATURE_DRIFT_PSI = "feature_drift_psi";

  /** Metric id: share of a bin's rows an abnormal-input test failed on (overall, per feature). */
  public static final String ABNORMAL_RATE = "abnormal_rate";

  /** Metric id: passing test cases over those that passed, warned or failed. */
  public static final String TEST_PASS_RATE = "test_pass_rate";

  private BinSeries() {}

  /** One histogram to compare per bin: its SQL key over the binned table and the reference's. */
  private record Hist(String metric, String feature, String keyExpr, Map<String, Long> ref) {}

  /**
   * The drift and model-metric values of every bin, by bin start.
   *
   * @param ctx the run's context (its reference table and columns; the binned table beside it)
   * @param binTests the tests a bin runs with, whose parameters (bins, excluded columns) apply
   */
  public static Map<Long, List<TimeSeriesValue>> compute(
      TestContext ctx, TestParamsSource binTests, TimeBins bins) {
    Map<Long, List<TimeSeriesValue>> out = new LinkedHashMap<>();
    for (TimeBins.Bin b : bins.bins()) {
      out.put(b.start(), new ArrayList<>());
    }
    List<Hist> hists = new ArrayList<>();
    if (ctx.hasPredictions()) {
      int n = binTests.params("prediction_drift").integer("num_bins");
      hists.add(numeric(ctx, PREDICTION_DRIFT_PSI, null, ctx.predExpr(), n));
    }
    TestParams numericParams = binTests.params("continuous_drift");
    for (Column c : ctx.features(numericParams, Column::isNumeric)) {
      hists.add(
          numeric(
              ctx, FEATURE_DRIFT_PSI, c.name(), c.numExpr(), numericParams.integer("num_bins")));
    }
    for (Column c : ctx.features(binTests.params("categorical_drift"), Column::isCategorical)) {
      hists.add(categorical(ctx, c));
    }
    drift(ctx, hists, out);
    if (ctx.hasModelOutput()) {
      metrics(ctx, out);
    }
    return out;
  }

  /** The parameters of a catalogue test by id, as a bin runs it. */
  @FunctionalInterface
  public interface TestParamsSource {
    TestParams params(String testId);
  }

  private static Hist numeric(
      TestContext ctx, String metric, String feature, String numExpr, int numBins) {
    List<Double> edges = ctx.quantileEdges(numExpr, numBins);
    String key = "CAST(" + Edges.binSql("(" + numExpr + ")", edges) + " AS VARCHAR)";
    String keyNonNull = "CASE WHEN (" + numExpr + ") IS NOT NULL THEN " + key + " END";
    return new Hist(metric, feature, keyNonNull, refCounts(ctx, keyNonNull));
  }

  private static Hist categorical(TestContext ctx, Column c) {
    return new Hist(FEATURE_DRIFT_PSI, c.name(), c.catExpr(), refCounts(ctx, c.catExpr()));
  }

  private static Map<String, Long> refCounts(TestContext ctx, String keyExpr) {
    Map<String, Long> out = new HashMap<>();
    ctx.db()
        .forEach(
            "SELECT k, count(*) FROM (SELECT "
                + keyExpr
                + " AS k FROM "
                + ctx.refTable()
                + ") WHERE k IS NOT NULL GROUP BY k",
            rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  /** Every histogram of every bin in one scan: GROUPING SETS of (bin, key). */
  private static void drift(
      TestContext ctx, List<Hist> hists, Map<Long, List<TimeSeriesValue>> out) {
    if (hists.isEmpty()) {
      return;
    }
    String bin = Sql.ident(TimeBins.BIN);
    List<String> keys = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    List<String> groupings = new ArrayList<>();
    for (int i = 0; i < hists.size(); i++) {
      keys.add(hists.get(i).keyExpr() + " AS k" + i);
      sets.add("(" + bin + ", k" + i + ")");
      groupings.add("GROUPING(k" + i + ")");
    }
    // counts.get(hist).get(bin start).get(key)
    List<Map<Long, Map<String, Long>>> counts = new ArrayList<>();
    hists.forEach(h -> counts.add(new HashMap<>()));
    StringBuilder sql = new StringBuilder("SELECT ").append(bin);
    for (int i = 0; i < hists.size(); i++) {
      sql.append(", k").append(i).append(", ").append(groupings.get(i));
    }
    sql.append(", count(*) FROM (SELECT ")
        .append(bin)
        .append(", ")
        .append(String.join(", ", keys))
        .append(" FROM ")
        .append(Sql.ident(TimeBins.TABLE))
        .append(" WHERE ")
        .append(bin)
        .append(" IS NOT NULL) GROUP BY GROUPING SETS (")
        .append(String.join(", ", sets))
        .append(")");
    int width = hists.size();
    ctx.db()
        .forEach(
            sql.toString(),
            rs -> {
              long start = rs.getLong(1);
              for (int i = 0; i < width; i++) {
                if (rs.getInt(3 + 2 * i) == 0) {
                  String k = rs.getString(2 + 2 * i);
                  if (k != null) {
                    counts
                        .get(i)
                        .computeIfAbsent(start, s -> new HashMap<>())
                        .put(k, rs.getLong(2 + 2 * width));
                  }
                  return;
                }
              }
            });
    for (Map.Entry<Long, List<TimeSeriesValue>> e : out.entrySet()) {
      for (int i = 0; i < hists.size(); i++) {
        Hist h = hists.get(i);
        Map<String, Long> eval = counts.get(i).getOrDefault(e.getKey(), Map.of());
        e.getValue().add(new TimeSeriesValue(h.metric(), h.feature(), psi(h.ref(), eval)));
      }
    }
  }

  /** PSI over the union of the two sides' keys; null when either side has no value. */
  static Double psi(Map<String, Long> ref, Map<String, Long> eval) {
    TreeSet<String> union = new TreeSet<>(ref.keySet());
    union.addAll(eval.keySet());
    long[] r = new long[union.size()];
    long[] q = new long[union.size()];
    int i = 0;
    long nr = 0;
    long nq = 0;
    for (String k : union) {
      r[i] = ref.getOrDefault(k, 0L);
      q[i] = eval.getOrDefault(k, 0L);
      nr += r[i];
      nq += q[i];
      i++;
    }
    return nr == 0 || nq == 0 ? null : Psi.ofCounts(r, q);
  }

  /** Every metric of the task in every bin: one GROUP BY the bin. */
  private static void metrics(TestContext ctx, Map<Long, List<TimeSeriesValue>> out) {
    List<Metric> metrics = new ArrayList<>();
    for (Metric m : Metric.forTask(ctx.modelTask())) {
      if (!m.needsLabels() || ctx.hasLabels()) {
        metrics.add(m);
      }
    }
    boolean ranks = metrics.contains(Metric.AUC) || metrics.contains(Metric.MULTICLASS_AUC);
    Map<String, MetricStats> stats =
        MetricStats.byGroup(ctx, true, Sql.ident(TimeBins.TABLE), Sql.ident(TimeBins.BIN), ranks);
    for (Map.Entry<Long, List<TimeSeriesValue>> e : out.entrySet()) {
      MetricStats s = stats.get(Long.toString(e.getKey()));
      for (Metric m : metrics) {
        Double v = s == null ? null : s.value(m);
        e.getValue().add(new TimeSeriesValue(m.id(), null, finite(v)));
      }
    }
  }

  /**
   * The values a bin's own test run gives: the test pass rate, the count of cases per severity, and
   * the abnormal rate overall and per feature ({@code failingRows}: rows of the bin a failing
   * abnormal-input test found abnormal, overall and by feature).
   *
   * @param features the features an abnormal rate is given for (0 when none of its rows failed)
   */
  public static List<TimeSeriesValue> fromCases(
      List<TestCase> cases,
      long rows,
      long failingRows,
      Map<String, Long> failingRowsByFeature,
      List<String> features,
      boolean abnormalInputsRan) {
    List<TimeSeriesValue> out = new ArrayList<>();
    long pass = 0;
    long judged = 0;
    Map<Severity, Long> severities = new TreeMap<>();
    for (TestCase c : cases) {
      if (c.status() != TestStatus.SKIP) {
        judged++;
        if (c.status() == TestStatus.PASS) {
          pass++;
        }
      }
      severities.merge(c.severity(), 1L, Long::sum);
    }
    out.add(new TimeSeriesValue(TEST_PASS_RATE, null, judged == 0 ? null : (double) pass / judged));
    for (Severity s : List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
      out.add(
          new TimeSeriesValue(
              "severity_" + s.name().toLowerCase(java.util.Locale.ROOT) + "_count",
              null,
              (double) severities.getOrDefault(s, 0L)));
    }
    if (abnormalInputsRan) {
      out.add(new TimeSeriesValue(ABNORMAL_RATE, null, rate(failingRows, rows)));
      for (String f : features) {
        out.add(
            new TimeSeriesValue(
                ABNORMAL_RATE, f, rate(failingRowsByFeature.getOrDefault(f, 0L), rows)));
      }
    }
    return out;
  }

  private static Double rate(long n, long rows) {
    return rows == 0 ? null : (double) n / rows;
  }

  private static Double finite(Double v) {
    return v == null || v.isNaN() || v.isInfinite() ? null : v;
  }
}
