// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Label Drift (Categorical): PSI of the label's class frequencies between reference and evaluation
 * data (classes compared by value, missing labels left out), judged against {@code
 * params.psi_thresholds} when beyond sampling noise ({@link PsiThresholdDrift}). Classification
 * only.
 */
public final class CategoricalLabelDriftTest implements StressTest {

  @Override
  public String id() {
    return "categorical_label_drift";
  }

  @Override
  public String displayName() {
    return "Label Drift (Categorical)";
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
    ctx.requireLabels();
    if (!ctx.modelTask().isClassification()) {
      throw new SkipTest(
          "needs class labels; model_task is "
              + ctx.modelTask().displayName()
              + " (Label Drift (Regression) tests its labels)");
    }
    Column label = ctx.labelColumn();
    var ref = Histogram.categories(ctx.db(), ctx.refTable(), label.catExpr(), null, false);
    var eval = Histogram.categories(ctx.db(), ctx.evalTable(), label.catExpr(), null, false);
    Histogram[] aligned = Histogram.align(ref, eval);
    return List.of(
        PsiThresholdDrift.judge(
            ctx,
            this,
            params,
            label.name(),
            "the labels ('" + label.name() + "')",
            "labels",
            aligned[0],
            aligned[1],
            PsiThresholdDrift.labelThresholds(params),
            "psi_thresholds"));
  }
}
