// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.performance;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import dev.rime.engine.metrics.MetricStats;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Calibration Comparison: the model's reliability curve on the reference and on the evaluation
 * data, compared. The curve is scikit-learn's {@code calibration_curve(strategy="uniform")}: {@code
 * num_bins} equal-width bins of the predicted probability (bin i holds (i/n, (i+1)/n], the first
 * also 0), per bin the mean predicted probability and the observed rate of the event. A binary
 * model's probability is its prediction and the event a positive label; a multi-class model's
 * probability is its confidence in the predicted class and the event a correct prediction. The mean
 * squared difference of the observed rates over the bins populated on both sides is judged against
 * {@code severity_thresholds}. Needs labels on both sides.
 */
public final class CalibrationComparisonTest implements StressTest {

  @Override
  public String id() {
    return "calibration_comparison";
  }

  @Override
  public String displayName() {
    return "Calibration Comparison";
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
    return List.of(
        Param.integer("num_bins", 10, Range.closed(1, 10000)),
        Param.thresholds("severity_thresholds", Range.UNIT, 0.02, 0.06, 0.1));
  }

  /** One bin of a reliability curve: rows, mean predicted probability, observed event rate. */
  record Bin(long rows, double meanPredicted, double observed) {}

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ModelTask task = ctx.modelTask();
    if (task != ModelTask.BINARY_CLASSIFICATION && task != ModelTask.MULTI_CLASS_CLASSIFICATION) {
      throw new SkipTest(
          "needs a classification model's probabilities; model_task is " + task.displayName());
    }
    ctx.requireModelOutput();
    ctx.requireLabels();
    int bins = params.integer("num_bins");
    Thresholds thresholds = params.thresholds("severity_thresholds");

    // Measure.
    Map<Integer, Bin> ref = curve(ctx, false, bins);
    Map<Integer, Bin> eval = curve(ctx, true, bins);
    List<Map<String, Object>> table = new ArrayList<>();
    double sum = 0;
    int common = 0;
    TreeMap<Integer, Boolean> all = new TreeMap<>();
    ref.keySet().forEach(k -> all.put(k, true));
    eval.keySet().forEach(k -> all.put(k, true));
    for (int k : all.keySet()) {
      Bin r = ref.get(k);
      Bin e = eval.get(k);
      if (r != null && e != null) {
        double d = r.observed() - e.observed();
        sum += d * d;
        common++;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("bin", k);
      row.put("lower", (double) k / bins);
      row.put("upper", (double) (k + 1) / bins);
      row.put("ref_rows", r == null ? 0L : r.rows());
      row.put("ref_mean_predicted", r == null ? null : r.meanPredicted());
      row.put("ref_observed", r == null ? null : r.observed());
      row.put("eval_rows", e == null ? 0L : e.rows());
      row.put("eval_mean_predicted", e == null ? null : e.meanPredicted());
      row.put("eval_observed", e == null ? null : e.observed());
      table.add(row);
    }
    if (common == 0) {
      throw new SkipTest(
          "no bin of the predicted probability holds labelled rows of both datasets");
    }
    double mse = sum / common;

    // Judge.
    Severity severity = thresholds.severity(mse);
    String what =
        task == ModelTask.BINARY_CLASSIFICATION
            ? "the positive rate per bin of the predicted probability"
            : "the accuracy per bin of the confidence in the predicted class";
    String verdict =
        severity == Severity.NONE
            ? "below the low threshold " + num(thresholds.low())
            : "which reaches the "
                + Thresholds.levelName(severity)
                + " threshold "
                + num(thresholds.of(severity));
    return List.of(
        CaseBuilder.of(this)
            .judged(severity)
            .importance(mse)
            .metric("calibration_mse", mse)
            .metric("num_common_bins", common)
            .detail("severity_thresholds", thresholds.toList())
            .detail("num_bins", bins)
            .detail("bins", table)
            .description(
                String.format(
                    Locale.ROOT,
                    "Reliability curves over %d equal-width bins: %s differs between reference and"
                        + " evaluation by a mean square of %s over the %d bins both populate, %s.",
                    bins,
                    what,
                    num(mse),
                    common,
                    verdict))
            .build());
  }

  /** The populated bins of one side's reliability curve, by bin index. */
  static Map<Integer, Bin> curve(TestContext ctx, boolean evaluation, int bins) {
    String rows = "(" + MetricStats.outputRows(ctx, evaluation) + ") WHERE outcome IS NOT NULL";
    Db db = ctx.db();
    double[] range =
        db.queryOne(
            "SELECT count(*), min(prob), max(prob) FROM " + rows,
            rs -> new double[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3)});
    String side = evaluation ? "evaluation" : "reference";
    if (range[0] == 0) {
      throw new SkipTest("no " + side + " row has both a label and a model output");
    }
    if (range[1] < 0 || range[2] > 1) {
      throw new SkipTest(
          "the " + side + " predictions are not probabilities: they range outside [0, 1]");
    }
    Map<Integer, Bin> out = new TreeMap<>();
    db.forEach(
        "SELECT b, count(*), avg(prob), avg(outcome) FROM (SELECT prob, outcome, "
            + binExpr("k", "prob", bins)
            + " AS b FROM (SELECT prob, outcome, "
            + "least("
            + (bins - 1)
            + ", greatest(0, CAST(floor(prob * "
            + bins
            + ") AS BIGINT))) AS k FROM "
            + rows
            + ")) GROUP BY b ORDER BY b",
        rs -> out.put(rs.getInt(1), new Bin(rs.getLong(2), rs.getDouble(3), rs.getDouble(4))));
    return out;
  }

  /**
   * The bin of {@code p} in [0, 1] as numpy's {@code searchsorted(linspace(0, 1, n + 1)[1:-1], p)}
   * finds it: the number of inner edges i · (1/n) below p. {@code k} = floor(p · n) (clamped to the
   * bins) is that count up to rounding, corrected by one where an edge computed as numpy computes
   * it says otherwise.
   */
  static String binExpr(String k, String p, int n) {
    String step = Sql.dbl(1.0 / n);
    return "("
        + k
        + " - CASE WHEN "
        + k
        + " >= 1 AND "
        + k
        + " * "
        + step
        + " >= "
        + p
        + " THEN 1 ELSE 0 END + CASE WHEN "
        + k
        + " + 1 <= "
        + (n - 1)
        + " AND ("
        + k
        + " + 1) * "
        + step
        + " < "
        + p
        + " THEN 1 ELSE 0 END)";
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
