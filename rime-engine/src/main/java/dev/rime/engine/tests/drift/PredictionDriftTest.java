// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.List;

/**
 * Prediction Drift: PSI of the prediction column between reference and evaluation data, binned as
 * numeric features are ({@code num_bins} reference quantiles), judged against {@code
 * psi_thresholds} when its p-value under "no drift" ({@link dev.rime.engine.stats.NullSimulation})
 * is below {@code p_value_threshold}; below the low threshold, or within sampling noise, it passes.
 */
public final class PredictionDriftTest implements StressTest {

  @Override
  public String id() {
    return "prediction_drift";
  }

  @Override
  public String displayName() {
    return "Prediction Drift";
  }

  @Override
  public String category() {
    return "Drift";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.thresholds("psi_thresholds", Range.NON_NEGATIVE, 0.2, 0.4, 0.6),
        FeatureDrift.MIN_SAMPLE_SIZE,
        FeatureDrift.NUM_BINS,
        SignificanceParams.NUM_NULL_SIMULATIONS,
        SignificanceParams.P_VALUE_THRESHOLD);
  }

  @Override
  public void checkParams(TestParams params) {
    FeatureDrift.checkDriftParams(params);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requirePredictions();
    String name = ctx.predictionColumn().name();
    String p = ctx.predExpr();
    List<Double> edges = ctx.quantileEdges(p, params.integer("num_bins"));
    Histogram ref = Histogram.numeric(ctx.db(), ctx.refTable(), p, edges, null, false);
    Histogram eval = Histogram.numeric(ctx.db(), ctx.evalTable(), p, edges, null, false);
    Thresholds thresholds = params.thresholds("psi_thresholds");
    return List.of(
        PsiThresholdDrift.judge(
            ctx,
            this,
            params,
            name,
            "the predictions",
            "predictions",
            ref,
            eval,
            thresholds,
            "psi_thresholds"));
  }
}
