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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Subset Drift &lt;metric&gt; (RIME's Subset Performance Degradation): has the model got worse from
 * the reference to the evaluation data on some subset of a feature's rows ({@link Subsets}, the
 * same reference quantile bins or values on both sides)? Per subset: the metric on each side and
 * the degradation {@link Metric#worseBy}(reference, evaluation), significant when beyond the
 * combined margin of error z·sqrt(SE_ref² + SE_eval²).
 *
 * <p>Judging: a subset whose metric is undefined on either side, or over fewer than {@code
 * min_sample_size} rows on either side, is reported, not judged. A subset fails when its
 * degradation, on the metric's {@link ChangeScale} (relative scales divide by the metric's value on
 * all reference rows), reaches the low threshold and is beyond its margin; severity from the worst
 * failing subset against {@code performance_change_thresholds}.
 */
public final class SubsetDegradationTest implements StressTest {

  /** What a change is measured from, as descriptions name it. */
  private static final String BASELINE = "the overall reference";

  private final Metric metric;

  public SubsetDegradationTest(Metric metric) {
    this.metric = metric;
  }

  /** One test per metric, in {@link Metric} order. */
  public static List<StressTest> everyMetric() {
    List<StressTest> out = new ArrayList<>();
    for (Metric m : Metric.values()) {
      out.add(new SubsetDegradationTest(m));
    }
    return out;
  }

  @Override
  public String id() {
    return "subset_drift_" + metric.id();
  }

  @Override
  public String displayName() {
    return "Subset Drift " + metric.displayName();
  }

  @Override
  public String category() {
    return "Subset Performance Degradation";
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
    MetricStats ref = ctx.overallStats(false);
    for (boolean evaluation : new boolean[] {false, true}) {
      if (ctx.overallStats(evaluation).value(metric) == null) {
        throw new SkipTest(
            metric.displayName()
                + " is undefined on the "
                + (evaluation ? "evaluation" : "reference")
                + " data"
                + Subsets.why(metric));
      }
    }
    ChangeScale scale = ChangeScale.of(metric, ctx.modelTask());
    Double unit = scale.unit(metric, ref);
    if (unit == null) {
      throw new SkipTest(
          "a change of "
              + metric.displayName()
              + " is judged "
              + scale.description(BASELINE)
              + ", which is 0 on the reference data");
    }
    return FeatureCases.each(
        this,
        ctx.features(params, c -> c.isCategorical() || c.isNumeric()),
        "categorical or numeric",
        c -> test(ctx, params, c, scale, unit));
  }

  private TestCase test(
      TestContext ctx, TestParams params, Column c, ChangeScale scale, double unit) {
    Thresholds thresholds = params.thresholds("performance_change_thresholds", scale.defaults());
    int minSamples = params.integer("min_sample_size");
    double z = ctx.z();
    Subsets subsets = Subsets.of(ctx, c);

    // Measure.
    boolean ranks = Subsets.needsRanks(metric);
    Map<String, MetricStats> eval = subsets.stats(ctx, true, ranks);
    Map<String, MetricStats> ref = subsets.stats(ctx, false, ranks);
    Set<String> keys = new LinkedHashSet<>(ref.keySet());
    keys.addAll(eval.keySet());
    List<Map<String, Object>> table = new ArrayList<>();
    Map<String, Object> worst = null;
    double worstChange = Double.NEGATIVE_INFINITY;
    int failing = 0;
    double worstFailing = Double.NEGATIVE_INFINITY;
    Map<String, Object> worstFailingRow = null;
    for (String key : subsets.order(keys)) {
      MetricStats r = ref.get(key);
      MetricStats e = eval.get(key);
      Double refPerf = r == null ? null : r.value(metric);
      Double evalPerf = e == null ? null : e.value(metric);
      boolean defined = refPerf != null && evalPerf != null;
      Double degradation = defined ? metric.worseBy(refPerf, evalPerf) : null;
      Double change = defined ? degradation / unit : null;
      Double margin = null;
      if (defined) {
        double seRef = r.standardError(metric);
        double seEval = e.standardError(metric);
        margin = z * Math.sqrt(seRef * seRef + seEval * seEval);
      }
      boolean judged =
          defined && r.support(metric) >= minSamples && e.support(metric) >= minSamples;
      boolean fails = judged && change >= thresholds.low() && change > margin / unit;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", subsets.name(key));
      row.put("criterion", subsets.criterion(key));
      row.put("ref_size", r == null ? 0 : r.rows());
      row.put("eval_size", e == null ? 0 : e.rows());
      row.put("ref_perf", refPerf);
      row.put("eval_perf", evalPerf);
      row.put("degradation", degradation);
      row.put("margin_error", margin);
      if (scale != ChangeScale.ABSOLUTE) {
        row.put("change", change);
      }
      row.put("ref_sample_size", r == null ? 0 : r.support(metric));
      row.put("eval_sample_size", e == null ? 0 : e.support(metric));
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
            .metric("worst_subset_ref_perf", shown == null ? null : (Double) shown.get("ref_perf"))
            .metric(
                "worst_subset_eval_perf", shown == null ? null : (Double) shown.get("eval_perf"))
            .metric(
                "worst_subset_degradation",
                shown == null ? null : (Double) shown.get("degradation"))
            .metric("num_failing_subsets", failing)
            .metric("num_subsets", keys.size());
    if (scale != ChangeScale.ABSOLUTE) {
      b.metric("worst_subset_change", shownChange);
    }
    b.detail("performance_change_thresholds", thresholds.toList())
        .detail("change_scale", scale.description(BASELINE))
        .detail("min_sample_size", minSamples)
        .detail("sample_size_of", Subsets.supportName(metric))
        .detail("confidence_level", ctx.config().confidenceLevel())
        .detail("worst_subset", shown == null ? null : shown.get("name"))
        .detail("subsets", Subsets.listed(table, "degradation"));
    String description =
        failing > 0
            ? describeFailing(
                c, scale, thresholds, worstFailingRow, failing, worstFailing, severity)
            : describePassing(c, scale, thresholds, minSamples, worst);
    return b.description(description).build();
  }

  private String describePassing(
      Column c,
      ChangeScale scale,
      Thresholds thresholds,
      int minSamples,
      Map<String, Object> worst) {
    String m = metric.displayName();
    String unit = scale == ChangeScale.ABSOLUTE ? "" : " (" + scale.description(BASELINE) + ")";
    if (worst == null) {
      return String.format(
          Locale.ROOT,
          "No subset of '%s' has %s over at least min_sample_size %d %s on both sides, so none was"
              + " judged.",
          c.name(),
          m,
          minSamples,
          Subsets.supportName(metric));
    }
    return String.format(
        Locale.ROOT,
        "The most degraded subset of '%s' (%s) went from %s %.4g to %.4g; no subset degraded by"
            + " at least %.4g%s beyond its margin of error.",
        c.name(),
        worst.get("name"),
        m,
        (Double) worst.get("ref_perf"),
        (Double) worst.get("eval_perf"),
        thresholds.low(),
        unit);
  }

  private String describeFailing(
      Column c,
      ChangeScale scale,
      Thresholds thresholds,
      Map<String, Object> worst,
      int failing,
      double worstFailing,
      Severity severity) {
    String m = metric.displayName();
    String unit = scale == ChangeScale.ABSOLUTE ? "" : " (" + scale.description(BASELINE) + ")";
    return String.format(
        Locale.ROOT,
        "%d subset(s) of '%s' have %s significantly worse on the evaluation data than on the"
            + " reference; the worst (%s, %.4g to %.4g) degraded by %.4g%s, which reaches the %s"
            + " threshold %.4g.",
        failing,
        c.name(),
        m,
        worst.get("name"),
        (Double) worst.get("ref_perf"),
        (Double) worst.get("eval_perf"),
        worstFailing,
        unit,
        Thresholds.levelName(severity),
        thresholds.of(severity));
  }
}
