// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.stats.Psi;
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
 * psi_thresholds}; below the low threshold it passes.
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
        Param.thresholds("psi_thresholds", 0.2, 0.4, 0.6),
        Param.integer("min_sample_size", 100),
        Param.integer("num_bins", 100));
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requirePredictions();
    String name = ctx.predictionColumn().name();
    String p = ctx.predExpr();
    List<Double> edges = ctx.quantileEdges(p, Math.max(1, params.integer("num_bins")));
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
    double psi = Psi.of(pr, q);

    Thresholds thresholds = params.thresholds("psi_thresholds", DEFAULT_THRESHOLDS);
    Severity severity = thresholds.severity(psi);
    return List.of(
        CaseBuilder.of(this)
            .feature(name)
            .judged(severity)
            .importance(psi)
            .metric("psi", psi)
            .metric("num_ref_values", ref.total())
            .metric("num_eval_values", eval.total())
            .detail("psi_thresholds", thresholds.toList())
            .detail("num_bins", pr.length)
            .detail("top_bins", FeatureDrift.topBins(ref.labels(), pr, q))
            .description(
                String.format(
                    Locale.ROOT,
                    "PSI of the predictions between reference and evaluation data is %.4g; %s.",
                    psi,
                    severity == Severity.NONE
                        ? "below the low threshold " + thresholds.low() + ", so the test passes"
                        : "it reaches the "
                            + severity.name().toLowerCase(Locale.ROOT)
                            + " threshold "
                            + thresholds.of(severity)))
            .build());
  }
}
