// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.stats.Psi;
import dev.rime.engine.stats.PsiSignificance;
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
 * Prediction Drift: PSI of the prediction column between reference and evaluation data, binned as
 * numeric features are ({@code num_bins} reference quantiles), judged against {@code
 * psi_thresholds} when its p-value under "no drift" ({@link PsiSignificance}) is below {@code
 * p_value_threshold}; below the low threshold, or within sampling noise, it passes.
 */
public final class PredictionDriftTest implements StressTest {

  /** Default {@code psi_thresholds}. */
  public static final Thresholds DEFAULT_THRESHOLDS = Thresholds.of(0.2, 0.4, 0.6);

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
        FeatureDrift.NUM_NULL_SIMULATIONS,
        FeatureDrift.P_VALUE_THRESHOLD);
  }

  @Override
  public void checkParams(TestParams params) {
    FeatureDrift.checkSignificanceParams(params);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requirePredictions();
    String name = ctx.predictionColumn().name();
    String p = ctx.predExpr();
    List<Double> edges = ctx.quantileEdges(p, params.integer("num_bins"));
    Histogram ref = Histogram.numeric(ctx.db(), ctx.refTable(), p, edges, null, false);
    Histogram eval = Histogram.numeric(ctx.db(), ctx.evalTable(), p, edges, null, false);
    int minSamples = params.integer("min_sample_size");
    if (ref.total() < minSamples || eval.total() < minSamples) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "%d reference and %d evaluation predictions; min_sample_size is %d",
              ref.total(),
              eval.total(),
              minSamples));
    }
    double[] pr = Psi.proportions(ref.counts());
    double[] q = Psi.proportions(eval.counts());
    PsiSignificance sig =
        FeatureDrift.significance(ctx, this, params, name, ref.counts(), eval.counts());
    double psi = sig.psi();
    double alpha = params.number("p_value_threshold");

    Thresholds thresholds = params.thresholds("psi_thresholds", DEFAULT_THRESHOLDS);
    Severity severity = sig.pValue() < alpha ? thresholds.severity(psi) : Severity.NONE;
    String tail =
        severity == Severity.NONE
            ? FeatureDrift.judgement(sig, thresholds.low(), "low threshold", alpha, null, severity)
            : String.format(
                Locale.ROOT,
                "; it reaches the %s threshold %.4g and is beyond sampling noise (p-value %.3g;"
                    + " mean PSI from noise alone %.4g).",
                severity.name().toLowerCase(Locale.ROOT),
                thresholds.of(severity),
                sig.pValue(),
                sig.nullMean());
    return List.of(
        CaseBuilder.of(this)
            .feature(name)
            .judged(severity)
            .importance(psi)
            .metric("psi", psi)
            .metric("p_value", sig.pValue())
            .metric("null_psi_mean", sig.nullMean())
            .metric("num_ref_values", ref.total())
            .metric("num_eval_values", eval.total())
            .detail("psi_thresholds", thresholds.toList())
            .detail("p_value_threshold", alpha)
            .detail("num_null_simulations", sig.simulations())
            .detail("num_bins", pr.length)
            .detail("top_bins", FeatureDrift.topBins(ref.labels(), pr, q))
            .description(
                String.format(
                        Locale.ROOT,
                        "PSI of the predictions between reference and evaluation data is %.4g",
                        psi)
                    + tail)
            .build());
  }
}
