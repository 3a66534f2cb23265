// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.cleanliness;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.Range;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.List;
import java.util.Locale;

/**
 * Label Imbalance: how much the majority label dominates, on reference and evaluation data. With
 * {@code normalize} (default) imbalance = {@code (p_max − 1/k) / (1 − 1/k)} (0 when balanced, 1
 * when one class), else {@code p_max}; k = 2 for binary classification. The larger of the two
 * datasets' imbalance is judged against {@code severity_thresholds}.
 */
public final class LabelImbalanceTest implements StressTest {

  @Override
  public String id() {
    return "label_imbalance";
  }

  @Override
  public String displayName() {
    return "Label Imbalance";
  }

  @Override
  public String category() {
    return "Data Cleanliness";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.thresholds("severity_thresholds", Range.UNIT, 0.6, 0.75, 0.9),
        Param.bool("normalize", true));
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requireLabels();
    if (ctx.modelTask() != ModelTask.BINARY_CLASSIFICATION) {
      throw new SkipTest("needs class labels; model_task is " + ctx.modelTask().displayName());
    }
    Thresholds thresholds = params.thresholds("severity_thresholds");
    boolean normalize = params.bool("normalize");
    int k = 2;

    // Measure.
    Double ref = imbalance(ctx, false, k, normalize);
    Double eval = imbalance(ctx, true, k, normalize);
    if (ref == null && eval == null) {
      throw new SkipTest("no labelled rows in either dataset");
    }
    double judgedValue = Math.max(ref == null ? 0 : ref, eval == null ? 0 : eval);

    // Judge.
    Severity severity = thresholds.severity(judgedValue);
    return List.of(
        CaseBuilder.of(this)
            .feature(ctx.labelColumn().name())
            .judged(severity)
            .importance(judgedValue)
            .metric("ref_imbalance", ref)
            .metric("eval_imbalance", eval)
            .detail("severity_thresholds", thresholds.toList())
            .detail("normalize", normalize)
            .description(
                String.format(
                    Locale.ROOT,
                    "Label imbalance (%s) is %s on the reference and %s on the evaluation data; the"
                        + " larger, %.4g, %s.",
                    normalize ? "normalised majority share" : "majority share",
                    fmt(ref),
                    fmt(eval),
                    judgedValue,
                    severity == Severity.NONE
                        ? "is below the low threshold " + thresholds.low()
                        : "reaches the "
                            + severity.name().toLowerCase(Locale.ROOT)
                            + " threshold "
                            + thresholds.of(severity)))
            .build());
  }

  private static Double imbalance(TestContext ctx, boolean evaluation, int k, boolean normalize) {
    Double pmax =
        ctx.db()
            .queryOne(
                "SELECT max(n)::DOUBLE / sum(n) FROM (SELECT y, count(*) AS n FROM (SELECT "
                    + ctx.labelExpr()
                    + " AS y FROM "
                    + ctx.table(evaluation)
                    + ") WHERE y IS NOT NULL GROUP BY y)",
                rs -> dev.rime.engine.data.Db.getDouble(rs, 1));
    if (pmax == null) {
      return null;
    }
    return normalize ? (pmax - 1.0 / k) / (1 - 1.0 / k) : pmax;
  }

  private static String fmt(Double v) {
    return v == null ? "undefined" : String.format(Locale.ROOT, "%.4g", v);
  }
}
