// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.subset;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Column;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.metrics.MetricStats;
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
import java.util.Set;

/**
 * Subset &lt;metric&gt; (RIME's Subset Performance): is the model significantly worse on a subset
 * of a feature's rows ({@link Subsets}: quantile bins or values) than on the whole evaluation data?
 * Per subset: size, metric, margin of error z·SE at {@code subset_profiling_config
 * .confidence_level}, diff = how much worse than overall ({@link Metric#worseBy}: overall − subset
 * when higher is better, subset − overall when lower is better, |subset − overall| for a metric
 * better in neither direction).
 *
 * <p>Judging: a subset whose metric is undefined or whose metric is over fewer than {@code
 * min_sample_size} rows ({@link MetricStats#support}: e.g. the positives for recall) is reported,
 * not judged. A subset fails when its change (diff on the metric's {@link ChangeScale}) reaches the
 * low threshold and exceeds its margin of error on the same scale; severity comes from the worst
 * failing subset's change against {@code performance_change_thresholds}.
 */
public final class SubsetPerformanceTest implements StressTest {

  /** What a change is measured from, as descriptions name it. */
  private static final String BASELINE = "the overall evaluation";

  /** At most this many subsets are listed in a case's details (the worst, when there are more). */
  static final int MAX_LISTED = 50;

  private final Metric metric;

  public SubsetPerformanceTest(Metric metric) {
    this.metric = metric;
  }

  /** One test per metric, in {@link Metric} order. */
  public static List<StressTest> everyMetric() {
    List<StressTest> out = new ArrayList<>();
    for (Metric m : Metric.values()) {
      out.add(new SubsetPerformanceTest(m));
    }
    return out;
  }

  public Metric metric() {
    return metric;
  }

  @Override
  public String id() {
    return "subset_" + metric.id();
  }

  @Override
  public String displayName() {
    return "Subset " + metric.displayName();
  }

  @Override
  public String category() {
    return "Subset Performance";
  }

  @Override
  public Set<ModelTask> tasks() {
    return metric.tasks();
  }

  @Override
  public List<Param> params() {
    return List.of(Subsets.thresholdsParam(metric), Subsets.minSampleSizeParam());
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    Subsets.requireMetric(ctx, metric);
    MetricStats all = ctx.overallStats(true);
    Double overall = all.value(metric);
    if (overall == null) {
      throw new SkipTest(
          metric.displayName() + " is undefined on the evaluation data" + Subsets.why(metric));
    }
    ChangeScale scale = ChangeScale.of(metric, ctx.modelTask());
    Double unit = scale.unit(metric, all);
    if (unit == null) {
      throw new SkipTest(
          "a change of "
              + metric.displayName()
              + " is judged "
              + scale.description(BASELINE)
              + ", which is 0 on the evaluation data");
    }
    return FeatureCases.each(
        this,
        ctx.features(params, c -> c.isCategorical() || c.isNumeric()),
        "categorical or numeric",
        c -> test(ctx, params, c, overall, scale, unit));
  }

  private TestCase test(
      TestContext ctx,
      TestParams params,
      Column c,
      double overall,
      ChangeScale scale,
      double unit) {
    Thresholds thresholds = params.thresholds("performance_change_thresholds", scale.defaults());
    int minSamples = params.integer("min_sample_size");
    double z = ctx.z();
    Subsets subsets = Subsets.of(ctx, c);

    // Measure.
    Map<String, MetricStats> stats = subsets.stats(ctx, true, Subsets.needsRanks(metric));
    List<Map<String, Object>> table = new ArrayList<>();
    Map<String, Object> worst = null;
    double worstChange = Double.NEGATIVE_INFINITY;
    int failing = 0;
    double worstFailing = Double.NEGATIVE_INFINITY;
    Map<String, Object> worstFailingRow = null;
    for (String key : subsets.order(stats.keySet())) {
      MetricStats s = stats.get(key);
      Double perf = s.value(metric);
      Double se = s.standardError(metric);
      Double margin = se == null ? null : z * se;
      Double diff = perf == null ? null : metric.worseBy(overall, perf);
      Double change = diff == null ? null : diff / unit;
      boolean judged = perf != null && s.support(metric) >= minSamples;
      boolean fails = judged && change >= thresholds.low() && change > margin / unit;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", subsets.name(key));
      row.put("size", s.rows());
      row.put("criterion", subsets.criterion(key));
      row.put("perf", perf);
      row.put("margin_error", margin);
      row.put("diff", diff);
      if (scale != ChangeScale.ABSOLUTE) {
        row.put("change", change);
      }
      row.put("pos_rate", Subsets.positiveRate(s));
      row.put("sample_size", s.support(metric));
      row.put("judged", judged);
      row.put("failing", fails);
      table.add(row);
      if (judged && change > worstChange) {
        worstChange = change;
        worst = row;
      }
      if (fails) {
        failing++;
        if (change > worstFailing) {
          worstFailing = change;
          worstFailingRow = row;
        }
      }
    }

    // Judge. The subset shown is the worst failing one, else the worst judged one.
    Severity severity = failing > 0 ? thresholds.severity(worstFailing) : Severity.NONE;
    Map<String, Object> shown = failing > 0 ? worstFailingRow : worst;
    Double shownChange =
        failing > 0 ? (Double) worstFailing : worst == null ? null : (Double) worstChange;
    CaseBuilder b =
        CaseBuilder.of(this)
            .feature(c.name())
            .judged(severity)
            .importance(shownChange == null ? null : Math.max(0, shownChange))
            .metric("overall_perf", overall)
            .metric("worst_subset_perf", shown == null ? null : (Double) shown.get("perf"))
            .metric("worst_subset_diff", shown == null ? null : (Double) shown.get("diff"))
            .metric("num_failing_subsets", failing)
            .metric("num_subsets", stats.size());
    if (scale != ChangeScale.ABSOLUTE) {
      b.metric("worst_subset_change", shownChange);
    }
    b.detail("performance_change_thresholds", thresholds.toList())
        .detail("change_scale", scale.description(BASELINE))
        .detail("min_sample_size", minSamples)
        .detail("sample_size_of", Subsets.supportName(metric))
        .detail("confidence_level", ctx.config().confidenceLevel())
        .detail("worst_subset", shown == null ? null : shown.get("name"))
        .detail("subsets", Subsets.listed(table, "diff"));
    return b.description(
            describe(c, overall, scale, thresholds, minSamples, shown, failing, severity))
        .build();
  }

  private String describe(
      Column c,
      double overall,
      ChangeScale scale,
      Thresholds thresholds,
      int minSamples,
      Map<String, Object> shown,
      int failing,
      Severity severity) {
    String m = metric.displayName();
    String unit = scale == ChangeScale.ABSOLUTE ? "" : " (" + scale.description(BASELINE) + ")";
    if (shown == null) {
      return String.format(
          Locale.ROOT,
          "No subset of '%s' has %s over at least min_sample_size %d %s, so none was judged.",
          c.name(),
          m,
          minSamples,
          Subsets.supportName(metric));
    }
    // A rate or average better in neither direction (e.g. the positive prediction rate) differs;
    // a metric with a better direction is worse.
    boolean neither = metric.direction() == Metric.Direction.NEITHER;
    String worse = neither ? "different" : "worse";
    if (failing == 0) {
      return String.format(
          Locale.ROOT,
          "The %s subset of '%s' (%s) has %s %.4g against %.4g overall; no subset is %s by"
              + " at least %.4g%s and beyond its margin of error.",
          neither ? "most different" : "worst",
          c.name(),
          shown.get("name"),
          m,
          (Double) shown.get("perf"),
          overall,
          worse,
          thresholds.low(),
          unit);
    }
    double change = (Double) shown.get(scale == ChangeScale.ABSOLUTE ? "diff" : "change");
    return String.format(
        Locale.ROOT,
        "%d subset(s) of '%s' have %s significantly %s the overall %.4g; the %s"
            + " failing one (%s, %.4g) is %s by %.4g%s, which reaches the %s threshold %.4g.",
        failing,
        c.name(),
        m,
        neither ? "different from" : "worse than",
        overall,
        neither ? "most different" : "worst",
        shown.get("name"),
        (Double) shown.get("perf"),
        neither ? "off" : "worse",
        change,
        unit,
        Thresholds.levelName(severity),
        thresholds.of(severity));
  }
}
