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
 * Label Drift (Regression): PSI of the label between reference and evaluation data, binned as
 * numeric features are ({@code params.num_bins} reference quantiles, missing labels left out),
 * judged against {@code params.psi_thresholds} when beyond sampling noise ({@link
 * PsiThresholdDrift}). Regression only.
 */
public final class RegressionLabelDriftTest implements StressTest {

  @Override
  public String id() {
    return "regression_label_drift";
  }

  @Override
  public String displayName() {
    return "Label Drift (Regression)";
  }

  @Override
  public String category() {
    return "Drift";
  }

  @Override
  public Set<ModelTask> tasks() {
    return EnumSet.of(ModelTask.REGRESSION);
  }

  @Override
  public List<Param> params() {
    return PsiThresholdDrift.labelDriftParams(
        PsiThresholdDrift.PSI_THRESHOLDS, FeatureDrift.NUM_BINS);
  }

  @Override
  public void checkParams(TestParams params) {
    FeatureDrift.checkDriftParams(params);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requireLabels();
    if (ctx.modelTask() != ModelTask.REGRESSION) {
      throw new SkipTest(
          "needs regression labels; model_task is "
              + ctx.modelTask().displayName()
              + " (Label Drift (Categorical) tests its labels)");
    }
    String y = ctx.labelExpr();
    int numBins = params.object("params").integer("num_bins");
    List<Double> edges = ctx.quantileEdges(y, numBins);
    Histogram ref = Histogram.numeric(ctx.db(), ctx.refTable(), y, edges, null, false);
    Histogram eval = Histogram.numeric(ctx.db(), ctx.evalTable(), y, edges, null, false);
    String name = ctx.labelColumn().name();
    return List.of(
        PsiThresholdDrift.judge(
            ctx,
            this,
            params,
            name,
            "the labels ('" + name + "')",
            "labels",
            ref,
            eval,
            PsiThresholdDrift.labelThresholds(params),
            "psi_thresholds"));
  }
}
