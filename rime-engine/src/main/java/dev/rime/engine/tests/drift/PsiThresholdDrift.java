// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.stats.Psi;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import dev.rime.engine.tests.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * Judges the drift of one column that is not a feature (predictions, labels, predicted labels) by
 * its PSI against {@code psi_thresholds} (RIME's Prediction and Label Drift tests): at least {@code
 * min_sample_size} values a side, else SKIP; the PSI and its p-value under "no drift" (ADR 0006);
 * severity from the thresholds when p &lt; {@code p_value_threshold}; below the low threshold, or
 * within sampling noise, PASS.
 */
final class PsiThresholdDrift {

  /** RIME's {@code params.psi_thresholds} of the label drift tests. */
  static final Param PSI_THRESHOLDS =
      Param.thresholds("psi_thresholds", Range.NON_NEGATIVE, 0.2, 0.4, 0.6);

  private PsiThresholdDrift() {}

  /**
   * The parameters of a label drift test in RIME's shape: {@code drift_statistic} (only "Population
   * Stability Index") and {@code params} with {@code children}; then this engine's {@code
   * min_sample_size}, {@code num_null_simulations} and {@code p_value_threshold}.
   */
  static List<Param> labelDriftParams(Param... children) {
    return List.of(
        DriftStatistic.param(List.of(DriftStatistic.PSI)),
        Param.object("params", children),
        FeatureDrift.MIN_SAMPLE_SIZE,
        SignificanceParams.NUM_NULL_SIMULATIONS,
        SignificanceParams.P_VALUE_THRESHOLD);
  }

  /** {@code params.psi_thresholds} of a label drift test. */
  static Thresholds labelThresholds(TestParams params) {
    return params.object("params").thresholds("psi_thresholds");
  }

  /**
   * @param feature the column the case names
   * @param subject how the description names what drifted, e.g. {@code the predictions}
   * @param noun what the values are, for the SKIP reason, e.g. {@code predictions}
   */
  static TestCase judge(
      TestContext ctx,
      StressTest test,
      TestParams params,
      String feature,
      String subject,
      String noun,
      Histogram ref,
      Histogram eval,
      Thresholds thresholds,
      String thresholdsKey) {
    int minSamples = params.integer("min_sample_size");
    if (ref.total() < minSamples || eval.total() < minSamples) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "%d reference and %d evaluation %s; min_sample_size is %d",
              ref.total(),
              eval.total(),
              noun,
              minSamples));
    }

    // Measure.
    double[] p = Psi.proportions(ref.counts());
    double[] q = Psi.proportions(eval.counts());
    DriftMeasure m = FeatureDrift.psi(ctx, test, params, feature, ref, eval);
    double psi = m.value();
    double alpha = SignificanceParams.alpha(params);

    // Judge.
    Verdict verdict = Verdict.of(thresholds.severity(psi), m.pValue() < alpha);
    Severity severity = verdict.severity();
    String tail =
        severity == Severity.NONE
            ? FeatureDrift.judgement(m, thresholds.low(), "low threshold", alpha, null, severity)
            : String.format(
                Locale.ROOT,
                "; it reaches the %s threshold %.4g and is beyond sampling noise (p-value %.3g;"
                    + " mean PSI from noise alone %.4g).",
                Thresholds.levelName(severity),
                thresholds.of(severity),
                m.pValue(),
                m.simulation().nullMean());
    return CaseBuilder.of(test)
        .feature(feature)
        .judged(severity)
        .importance(psi)
        .metric("psi", psi)
        .metric("p_value", m.pValue())
        .metric("null_psi_mean", m.simulation().nullMean())
        .metric("num_ref_values", ref.total())
        .metric("num_eval_values", eval.total())
        .detail(thresholdsKey, thresholds.toList())
        .detail("p_value_threshold", alpha)
        .detail("num_null_simulations", m.simulation().simulations())
        .detail("num_bins", p.length)
        .detail("top_bins", FeatureDrift.topBins(ref.labels(), p, q))
        .description(
            String.format(
                    Locale.ROOT,
                    "PSI of %s between reference and evaluation data is %.4g",
                    subject,
                    psi)
                + tail)
        .build();
  }
}
