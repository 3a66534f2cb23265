// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Predicted Label Drift: PSI of the predicted labels' frequencies between reference and evaluation
 * data, judged against {@code params.psi_thresholds} when beyond sampling noise ({@link
 * PsiThresholdDrift}). Binary classification: the predicted label is 1 when the prediction is above
 * 0.5, else 0 (missing predictions left out); multi-class: the class of the largest probability.
 */
public final class PredictedLabelDriftTest implements StressTest {

  @Override
  public String id() {
    return "multiclass_pred_label_drift";
  }

  @Override
  public String displayName() {
    return "Predicted Label Drift";
  }

  @Override
  public String category() {
    return "Drift";
  }

  @Override
  public Set<ModelTask> tasks() {
    return EnumSet.of(ModelTask.BINARY_CLASSIFICATION, ModelTask.MULTI_CLASS_CLASSIFICATION);
  }

  @Override
  public List<Param> params() {
    return PsiThresholdDrift.labelDriftParams(PsiThresholdDrift.PSI_THRESHOLDS);
  }

  @Override
  public void checkParams(TestParams params) {
    FeatureDrift.checkDriftParams(params);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requireModelOutput();
    if (!ctx.modelTask().isClassification()) {
      throw new SkipTest(
          "needs a classification model; model_task is " + ctx.modelTask().displayName());
    }
    String predicted;
    String name;
    String what;
    String refRows;
    String evalRows;
    if (ctx.hasProbabilities()) {
      predicted = "CAST(" + ctx.probabilities(true).predictedClassExpr() + " AS VARCHAR)";
      name = "predicted class";
      what = "the predicted classes (the class of the largest probability)";
      refRows = ctx.scoredTable(false);
      evalRows = ctx.scoredTable(true);
    } else {
      String p = ctx.predExpr();
      predicted =
          "(CASE WHEN " + p + " IS NULL THEN NULL WHEN " + p + " > 0.5 THEN '1' ELSE '0' END)";
      name = ctx.predictionColumn().name();
      what = "the predicted labels ('" + name + "' > 0.5)";
      refRows = ctx.refTable();
      evalRows = ctx.evalTable();
    }
    var ref = Histogram.categories(ctx.db(), refRows, predicted, null, false);
    var eval = Histogram.categories(ctx.db(), evalRows, predicted, null, false);
    Histogram[] aligned = Histogram.align(ref, eval);
    return List.of(
        PsiThresholdDrift.judge(
            ctx,
            this,
            params,
            name,
            what,
            "predictions",
            aligned[0],
            aligned[1],
            PsiThresholdDrift.labelThresholds(params),
            "psi_thresholds"));
  }
}
