// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.performance;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.metrics.MetricStats;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Average Thresholded Confidence (Garg et al., ICLR 2022, "Leveraging unlabeled data to predict
 * out-of-distribution performance"): predicts the evaluation accuracy without evaluation labels. A
 * confidence threshold t is chosen on the labelled reference rows so that the share of them above t
 * equals the reference accuracy; the predicted evaluation accuracy is the share of evaluation rows
 * above t. The predicted drop (reference accuracy − predicted evaluation accuracy) is judged
 * against {@code severity_thresholds}.
 *
 * <p>t is the (n − c)-th smallest reference confidence (n labelled rows, c of them correct), one
 * SQL {@code quantile_disc}; rows whose confidence equals t count with the weight that makes the
 * reference reproduce its accuracy exactly (ADR 0012), so identical data predicts no drop even when
 * confidences tie, as rounded probabilities do. Binary and multi-class classification.
 */
public final class AverageThresholdedConfidenceTest implements StressTest {

  @Override
  public String id() {
    return "atc";
  }

  @Override
  public String displayName() {
    return "Average Thresholded Confidence";
  }

  @Override
  public String category() {
    return "Model Performance";
  }

  @Override
  public Set<ModelTask> tasks() {
    return EnumSet.of(ModelTask.BINARY_CLASSIFICATION, ModelTask.MULTI_CLASS_CLASSIFICATION);
  }

  @Override
  public List<Param> params() {
    return List.of(Param.thresholds("severity_thresholds", Range.UNIT, 0.05, 0.1, 0.2));
  }

  /** What the test measured: threshold, tie weight, accuracies. */
  record Measurement(
      double refAccuracy,
      Double threshold,
      double tieWeight,
      long refRows,
      long evalRows,
      double predictedEvalAccuracy) {

    double drop() {
      return refAccuracy - predictedEvalAccuracy;
    }
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    Metric accuracy = accuracyOf(ctx.modelTask());
    ctx.requireModelOutput();
    ctx.requireLabels();
    Thresholds thresholds = params.thresholds("severity_thresholds");

    Measurement m = measure(ctx, accuracy);
    Double actual = ctx.overallStats(true).value(accuracy);

    double drop = m.drop();
    Severity severity = thresholds.severity(drop);
    String verdict =
        severity == Severity.NONE
            ? String.format(Locale.ROOT, "below the low threshold %s", num(thresholds.low()))
            : String.format(
                Locale.ROOT,
                "which reaches the %s threshold %s",
                Thresholds.levelName(severity),
                num(thresholds.of(severity)));
    return List.of(
        CaseBuilder.of(this)
            .judged(severity)
            .importance(drop)
            .metric("ref_accuracy", m.refAccuracy())
            .metric("predicted_eval_accuracy", m.predictedEvalAccuracy())
            .metric("predicted_accuracy_drop", drop)
            .metric("confidence_threshold", m.threshold())
            .metric("eval_accuracy", actual)
            .detail("severity_thresholds", thresholds.toList())
            .detail("tie_weight", m.tieWeight())
            .detail("ref_rows", m.refRows())
            .detail("eval_rows", m.evalRows())
            .description(
                String.format(
                        Locale.ROOT,
                        "The confidence threshold %s leaves a share of %s of the %d labelled"
                            + " reference rows above it (their accuracy) and %s of the %d"
                            + " evaluation rows: the accuracy predicted for the evaluation data is"
                            + " %s lower, %s",
                        m.threshold() == null ? "(below every confidence)" : num(m.threshold()),
                        num(m.refAccuracy()),
                        m.refRows(),
                        num(m.predictedEvalAccuracy()),
                        m.evalRows(),
                        num(drop),
                        verdict)
                    + (actual == null
                        ? ""
                        : String.format(
                            Locale.ROOT, " (the labelled evaluation accuracy is %s)", num(actual)))
                    + ".")
            .build());
  }

  /** The accuracy of a classification task; SKIP for other tasks. */
  private static Metric accuracyOf(ModelTask task) {
    return switch (task) {
      case BINARY_CLASSIFICATION -> Metric.ACCURACY;
      case MULTI_CLASS_CLASSIFICATION -> Metric.MULTICLASS_ACCURACY;
      default ->
          throw new SkipTest(
              "needs a classification model's confidence; model_task is " + task.displayName());
    };
  }

  /** Threshold on the reference, shares above it on both sides: three scans, nothing per row. */
  static Measurement measure(TestContext ctx, Metric accuracy) {
    MetricStats ref = ctx.overallStats(false);
    Double refAccuracy = ref.value(accuracy);
    if (refAccuracy == null) {
      throw new SkipTest("no reference row has both a label and a model output");
    }
    long n = ref.labeledRows();
    long correct = Math.round(refAccuracy * n);
    String refRows = "(" + MetricStats.outputRows(ctx, false) + ") WHERE correct IS NOT NULL";
    String evalRows = "(" + MetricStats.outputRows(ctx, true) + ")";
    Db db = ctx.db();
    Double t =
        correct == n
            ? null // every reference prediction is right: the threshold lies below them all
            : db.queryOne(
                "SELECT quantile_disc(conf, "
                    + Sql.dbl((n - correct - 0.5) / n)
                    + ") FROM "
                    + refRows,
                rs -> Db.getDouble(rs, 1));
    long[] r = counts(db, refRows, t);
    long[] e = counts(db, evalRows, t);
    if (e[0] == 0) {
      throw new SkipTest("no evaluation row has a model output");
    }
    // Ties at t count with the weight that makes the reference share equal its accuracy.
    double weight = r[2] == 0 ? 0 : (double) (correct - r[1]) / r[2];
    double predicted = (e[1] + weight * e[2]) / e[0];
    return new Measurement(refAccuracy, t, weight, n, e[0], predicted);
  }

  /** {@code [rows, above t, equal to t]}; with no threshold every row is above. */
  private static long[] counts(Db db, String rows, Double t) {
    String lit = t == null ? null : Sql.dbl(t);
    String above = t == null ? "count(*)" : "count(*) FILTER (WHERE conf > " + lit + ")";
    String at = t == null ? "0" : "count(*) FILTER (WHERE conf = " + lit + ")";
    return db.queryOne(
        "SELECT count(*), " + above + ", " + at + " FROM " + rows,
        rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
