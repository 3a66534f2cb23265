// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.performance;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.Range;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.metrics.MetricStats;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One model metric on reference and evaluation data (RIME's {@code MetricDegradationTest} and
 * {@code MetricAbsoluteTest} in one test): how much worse the evaluation value is ({@link
 * Degradation}: a difference for bounded metrics, relative for unbounded errors, in standard
 * deviations for a regression model's average prediction; either way for a metric better in neither
 * direction) is judged against {@code degradation_thresholds} when it is beyond its margin of error
 * (z · the standard errors of the two values combined); optional {@code absolute_thresholds} judge
 * the evaluation value alone (floors when higher is better, ceilings when lower is better). The
 * case takes the higher severity. SKIP when the metric is not one of the model task's, the model's
 * output or the labels it needs are missing, or it is undefined on the evaluation data.
 */
public final class MetricPerformanceTest implements StressTest {

  private final Metric metric;
  private final String id;
  private final String thresholdsKey;

  /** The test of {@code metric}, id the metric's id. */
  public MetricPerformanceTest(Metric metric) {
    this(metric, metric.id(), "degradation_thresholds");
  }

  private MetricPerformanceTest(Metric metric, String id, String thresholdsKey) {
    this.metric = metric;
    this.id = id;
    this.thresholdsKey = thresholdsKey;
  }

  /**
   * RIME's Average Confidence ({@code avg_confidence}): the change of the mean confidence in the
   * predicted class, judged against {@code severity_thresholds} [0.05, 0.1, 0.2].
   */
  public static MetricPerformanceTest averageConfidence() {
    return new MetricPerformanceTest(
        Metric.AVERAGE_CONFIDENCE, "avg_confidence", "severity_thresholds");
  }

  public Metric metric() {
    return metric;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String displayName() {
    return metric.displayName();
  }

  @Override
  public String category() {
    return "Model Performance";
  }

  @Override
  public Set<ModelTask> tasks() {
    return metric.tasks();
  }

  @Override
  public List<Param> params() {
    List<Param> out = new ArrayList<>();
    out.add(degradationParam());
    switch (metric.direction()) {
      case HIGHER_IS_BETTER ->
          out.add(
              Param.floors(
                  "absolute_thresholds",
                  metric == Metric.R_SQUARED
                      ? new Range(Double.NEGATIVE_INFINITY, true, 1, false)
                      : Range.UNIT));
      case LOWER_IS_BETTER ->
          out.add(Param.thresholds("absolute_thresholds", valueRange(), (double[]) null));
      case NEITHER -> {}
    }
    return out;
  }

  private Param degradationParam() {
    return switch (metric) {
      case AVERAGE_PREDICTION ->
          Param.thresholds(thresholdsKey, Range.NON_NEGATIVE, (double[]) null);
      case POSITIVE_PREDICTION_RATE, AVERAGE_CONFIDENCE ->
          Param.thresholds(thresholdsKey, Range.UNIT, 0.05, 0.1, 0.2);
      case LOG_LOSS, MAE, MAPE, RMSE ->
          Param.thresholds(thresholdsKey, Range.NON_NEGATIVE, 0.1, 0.2, 0.5);
      case MSE, MSLE -> Param.thresholds(thresholdsKey, Range.NON_NEGATIVE, 0.21, 0.44, 1.25);
      case R_SQUARED -> Param.thresholds(thresholdsKey, Range.NON_NEGATIVE, 0.02, 0.05, 0.1);
      default -> Param.thresholds(thresholdsKey, Range.UNIT, 0.02, 0.05, 0.1);
    };
  }

  /** The values a lower-is-better metric takes: rates in [0, 1], errors from 0 up. */
  private Range valueRange() {
    return metric == Metric.FALSE_POSITIVE_RATE || metric == Metric.FALSE_NEGATIVE_RATE
        ? Range.UNIT
        : Range.NON_NEGATIVE;
  }

  /**
   * {@code degradation_thresholds} of the average prediction when null: a change of 0.05, 0.1, 0.2
   * in a classifier's mean probability, of 0.1, 0.2, 0.5 reference standard deviations in a
   * regression model's mean prediction.
   */
  static Thresholds averagePredictionDefault(ModelTask task) {
    return task == ModelTask.REGRESSION
        ? Thresholds.of(0.1, 0.2, 0.5)
        : Thresholds.of(0.05, 0.1, 0.2);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    if (!metric.tasks().contains(ctx.modelTask())) {
      throw new SkipTest(
          metric.displayName()
              + " is not a metric of "
              + ctx.modelTask().displayName()
              + " models");
    }
    ctx.requireModelOutput();
    if (metric.needsLabels()) {
      ctx.requireLabels();
    }
    MetricStats ref = ctx.overallStats(false);
    MetricStats eval = ctx.overallStats(true);
    Double e = finite(eval.value(metric));
    if (e == null) {
      throw new SkipTest(
          metric.displayName()
              + " is undefined on the evaluation data ("
              + undefinedReason(eval)
              + ")");
    }
    Degradation scale = Degradation.of(metric, ctx.modelTask());
    Thresholds degradation =
        params.thresholds(thresholdsKey, averagePredictionDefault(ctx.modelTask()));
    Thresholds absolute =
        switch (metric.direction()) {
          case HIGHER_IS_BETTER -> params.floors("absolute_thresholds");
          case LOWER_IS_BETTER -> params.thresholds("absolute_thresholds");
          case NEITHER -> null;
        };

    // Measure: how much worse, and the margin of error of that difference (metric units), then
    // both on the metric's scale.
    Double r = finite(ref.value(metric));
    Double worse = null;
    Double margin = null;
    Double diff = null;
    Double scaledMargin = null;
    Double unit = null;
    if (r != null) {
      worse = metric.worseBy(r, e);
      double seR = ref.standardError(metric);
      double seE = eval.standardError(metric);
      margin = ctx.z() * Math.sqrt(seR * seR + seE * seE);
      unit =
          switch (scale) {
            case DIFFERENCE -> 1.0;
            case RELATIVE -> Math.abs(r);
            case STANDARDISED -> finite(ref.predictionStandardDeviation());
          };
      if (unit != null && Double.isFinite(margin)) {
        diff = scale.scale(worse, unit);
        scaledMargin = scale.scale(margin, unit);
      }
    }

    // Judge.
    boolean beyondNoise = worse != null && worse > margin;
    Severity byDegradation =
        diff == null || !beyondNoise ? Severity.NONE : degradation.severity(diff);
    Severity byAbsolute = absolute == null ? Severity.NONE : absolute.severity(e);
    Severity severity = byDegradation.max(byAbsolute);

    return List.of(
        CaseBuilder.of(this)
            .judged(severity)
            .importance(diff)
            .metric("ref_" + metric.id(), r)
            .metric("eval_" + metric.id(), e)
            .metric("degradation", diff)
            .metric("margin_of_error", scaledMargin)
            .detail("degradation_measure", scale.wireName())
            .detail(thresholdsKey, degradation.toList())
            .detail("absolute_thresholds", absolute == null ? null : absolute.toList())
            .detail("ref_rows", ref.support(metric))
            .detail("eval_rows", eval.support(metric))
            .description(
                describe(ref, r, e, worse, diff, scaledMargin, beyondNoise, scale, degradation)
                    + describeAbsolute(e, absolute, byAbsolute)
                    + ".")
            .build());
  }

  private String describe(
      MetricStats ref,
      Double r,
      double e,
      Double worse,
      Double diff,
      Double margin,
      boolean beyondNoise,
      Degradation scale,
      Thresholds degradation) {
    String name = metric.displayName();
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%s is %s on the reference and %s on the evaluation data",
            name,
            r == null ? "undefined" : num(r),
            num(e)));
    if (r == null) {
      return s.append(" (")
          .append(undefinedReason(ref))
          .append(" on the reference), so degradation was not judged")
          .toString();
    }
    if (diff == null) {
      return s.append(
              scale == Degradation.STANDARDISED
                  ? "; the reference predictions have no finite standard deviation (fewer than"
                      + " two rows or infinite values), so the change was not judged"
                  : "; the margin of error is not finite, so the change was not judged")
          .toString();
    }
    if (worse <= 0 && metric.direction() != Metric.Direction.NEITHER) {
      return s.append(": no worse than on the reference").toString();
    }
    String what = metric.direction() == Metric.Direction.NEITHER ? "a change of " : "degradation ";
    s.append("; ").append(what).append(num(diff)).append(scale.unitName());
    if (!beyondNoise) {
      return s.append(" is within its margin of error ")
          .append(num(margin))
          .append(", so it is not claimed")
          .toString();
    }
    Severity sev = degradation.severity(diff);
    if (sev == Severity.NONE) {
      return s.append(", beyond its margin of error ")
          .append(num(margin))
          .append(", is below the low threshold ")
          .append(num(degradation.low()))
          .toString();
    }
    return s.append(", beyond its margin of error ")
        .append(num(margin))
        .append(", reaches the ")
        .append(Thresholds.levelName(sev))
        .append(" threshold ")
        .append(num(degradation.of(sev)))
        .toString();
  }

  private String describeAbsolute(double e, Thresholds absolute, Severity byAbsolute) {
    if (absolute == null) {
      return "";
    }
    boolean floors = absolute.descending();
    String bound = floors ? "floor" : "ceiling";
    if (byAbsolute == Severity.NONE) {
      return String.format(
          Locale.ROOT,
          "; the evaluation value is not %s the low %s %s",
          floors ? "below" : "above",
          bound,
          num(absolute.low()));
    }
    return String.format(
        Locale.ROOT,
        "; the evaluation value %s the %s %s %s",
        floors ? "is below" : "reaches",
        Thresholds.levelName(byAbsolute),
        bound,
        num(absolute.of(byAbsolute)));
  }

  /** Why the metric is undefined (or not finite) on these rows. */
  private String undefinedReason(MetricStats s) {
    Double v = s.value(metric);
    if (v != null && !Double.isFinite(v)) {
      return "it is not finite: the predictions or labels hold infinite values";
    }
    if (s.rows() == 0) {
      return "no row has a model output";
    }
    if (metric.needsLabels() && s.labeledRows() == 0) {
      return "no row has both a label and a model output";
    }
    return switch (metric) {
      case AUC -> "only one label class";
      case MULTICLASS_AUC -> "no class has both rows of its own and rows of others";
      case PRECISION -> "no positive predictions";
      case RECALL, FALSE_NEGATIVE_RATE -> "no positive labels";
      case FALSE_POSITIVE_RATE -> "no negative labels";
      case F1 -> "no positive labels or predictions";
      case MSLE -> "a label or prediction is negative";
      case R_SQUARED -> "fewer than two labelled rows";
      default -> "no rows to compute it on";
    };
  }

  private static Double finite(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }

  private static String num(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "infinite" : "-infinite";
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
