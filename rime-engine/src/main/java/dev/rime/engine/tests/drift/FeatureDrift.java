// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.stats.Psi;
import dev.rime.engine.stats.PsiSignificance;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures and judges the drift of one feature from its reference and evaluation histograms (RIME:
 * "severity is a function of the impact on the model, as well as the presence of drift"):
 *
 * <ul>
 *   <li>PSI over the bins (smoothed, see {@link Psi}) and its p-value under "no drift" ({@link
 *       PsiSignificance}, {@code num_null_simulations} draws seeded from {@code random_seed});
 *       drift is present when PSI ≥ {@code distance_threshold} and p &lt; {@code
 *       p_value_threshold}: a PSI that samples of this size reach from noise alone claims nothing;
 *   <li>with predictions, impact = {@code |Σ_b (q_b − p_b) m_b|}, where p, q are the raw bin
 *       proportions and m_b the mean reference prediction in bin b — or, for a bin (category)
 *       without reference predictions, the mean evaluation prediction there (the only evidence of
 *       how the model behaves there), and the overall reference mean when neither side has one: the
 *       change in average prediction the shift alone would cause. It is judged against {@code
 *       performance_change_thresholds} (null: {@code [s, 4s, 10s]}, s = {@code
 *       global_drift_scaling_factor}); drift with a smaller impact is LOW;
 *   <li>without predictions, PSI is judged against {@code [t, 2t, 3t]}, t = {@code
 *       distance_threshold};
 *   <li>no drift: PASS.
 * </ul>
 */
final class FeatureDrift {

  /** {@code num_bins} of the numeric drift tests. */
  static final Param NUM_BINS = Param.integer("num_bins", 100, Range.closed(2, 10000));

  /** {@code min_sample_size} of the drift tests. */
  static final Param MIN_SAMPLE_SIZE = Param.integer("min_sample_size", 100, Range.intsFrom(1));

  /** {@code distance_threshold} of the feature drift tests. */
  static final Param DISTANCE_THRESHOLD = Param.number("distance_threshold", 0.2, Range.POSITIVE);

  /** {@code performance_change_thresholds} of the feature drift tests. */
  static final Param PERFORMANCE_CHANGE_THRESHOLDS =
      Param.thresholds("performance_change_thresholds", Range.NON_NEGATIVE, (double[]) null);

  /** {@code num_null_simulations}: S, the draws of the no-drift simulation. */
  static final Param NUM_NULL_SIMULATIONS =
      Param.integer("num_null_simulations", 500, Range.closed(1, 100_000));

  /** {@code p_value_threshold}: drift needs a p-value below it. */
  static final Param P_VALUE_THRESHOLD =
      Param.number("p_value_threshold", 0.05, new Range(0, true, 1, false));

  private FeatureDrift() {}

  /**
   * Rejects {@code num_null_simulations} too small for any p-value to fall below {@code
   * p_value_threshold} (the smallest p-value is {@code 1 / (1 + S)}), which would silently turn the
   * test off.
   */
  static void checkSignificanceParams(TestParams params) {
    int s = params.integer(NUM_NULL_SIMULATIONS.key());
    double alpha = params.number(P_VALUE_THRESHOLD.key());
    if (1.0 / (1 + s) >= alpha) {
      long needed = (long) Math.floor(1 / alpha);
      throw new ConfigException(
          params.key(NUM_NULL_SIMULATIONS.key()),
          String.format(
              Locale.ROOT,
              "must be at least %d with p_value_threshold %s: the smallest p-value of %d"
                  + " simulations is 1/%d, so no drift could ever be found",
              needed,
              alpha,
              s,
              s + 1));
    }
  }

  /**
   * The PSI of two histograms over the same bins and its p-value, simulated with a seed from {@code
   * random_seed}, the test and the feature (so a feature's p-value does not depend on what else
   * runs).
   */
  static PsiSignificance significance(
      TestContext ctx,
      StressTest test,
      TestParams params,
      String feature,
      long[] ref,
      long[] eval) {
    long seed =
        ctx.config().randomSeed() * 0x9E3779B97F4A7C15L + (test.id() + "/" + feature).hashCode();
    return PsiSignificance.of(ref, eval, params.integer(NUM_NULL_SIMULATIONS.key()), seed);
  }

  static TestCase judge(
      TestContext ctx,
      StressTest test,
      TestParams params,
      Column column,
      Histogram ref,
      Histogram eval) {
    int minSamples = params.integer("min_sample_size");
    long nRef = ref.total();
    long nEval = eval.total();
    if (nRef < minSamples || nEval < minSamples) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "'%s' has %d reference and %d evaluation values; min_sample_size is %d",
              column.name(),
              nRef,
              nEval,
              minSamples));
    }
    double threshold = params.number("distance_threshold");
    double alpha = params.number(P_VALUE_THRESHOLD.key());

    // Measure.
    double[] p = Psi.proportions(ref.counts());
    double[] q = Psi.proportions(eval.counts());
    PsiSignificance sig =
        significance(ctx, test, params, column.name(), ref.counts(), eval.counts());
    double psi = sig.psi();
    Double impact = null;
    if (ctx.hasPredictions()) {
      impact = impact(ref, eval, p, q, ctx.refMetrics().averagePrediction());
    }

    // Judge.
    boolean reaches = psi >= threshold;
    boolean drift = reaches && sig.pValue() < alpha;
    Thresholds impactThresholds = params.thresholds("performance_change_thresholds");
    if (impactThresholds == null) {
      impactThresholds = ctx.testsConfig().driftImpactThresholds();
    }
    Thresholds psiThresholds = Thresholds.of(threshold, 2 * threshold, 3 * threshold);
    Severity severity = Severity.NONE;
    if (drift) {
      severity =
          impact != null
              ? impactThresholds.severity(impact).max(Severity.LOW)
              : psiThresholds.severity(psi);
    }

    CaseBuilder b =
        CaseBuilder.of(test)
            .feature(column.name())
            .judged(severity)
            .importance(impact != null ? impact : psi)
            .metric("psi", psi)
            .metric("p_value", sig.pValue())
            .metric("null_psi_mean", sig.nullMean())
            .metric("prediction_impact", impact)
            .metric("num_ref_values", nRef)
            .metric("num_eval_values", nEval)
            .detail("distance_threshold", threshold)
            .detail("p_value_threshold", alpha)
            .detail("num_null_simulations", sig.simulations())
            .detail("num_bins", p.length)
            .detail(
                impact != null ? "performance_change_thresholds" : "psi_severity_thresholds",
                impact != null ? impactThresholds.toList() : psiThresholds.toList())
            .detail("top_bins", topBins(ref.labels(), p, q));
    String head =
        String.format(
            Locale.ROOT,
            "PSI of '%s' between reference and evaluation data is %.4g",
            column.name(),
            psi);
    return b.description(
            head + judgement(sig, threshold, "distance threshold", alpha, impact, severity))
        .build();
  }

  /**
   * {@code |Σ_b (q_b − p_b) m_b|}: m_b is the mean reference prediction of bin b, else (no
   * reference predictions there, e.g. a category unseen in the reference) the mean evaluation
   * prediction of bin b, else {@code overall}.
   */
  static double impact(Histogram ref, Histogram eval, double[] p, double[] q, Double overall) {
    double sum = 0;
    for (int b = 0; b < p.length; b++) {
      double m;
      if (ref.predCounts()[b] > 0) {
        m = ref.predSums()[b] / ref.predCounts()[b];
      } else if (eval.predCounts()[b] > 0) {
        m = eval.predSums()[b] / eval.predCounts()[b];
      } else {
        m = overall == null ? 0 : overall;
      }
      sum += (q[b] - p[b]) * m;
    }
    return Math.abs(sum);
  }

  /**
   * The rest of the description after "PSI … is x": below the threshold, within noise, or drift
   * with its severity.
   */
  static String judgement(
      PsiSignificance sig,
      double threshold,
      String thresholdName,
      double alpha,
      Double impact,
      Severity severity) {
    double psi = sig.psi();
    if (psi < threshold) {
      return String.format(
          Locale.ROOT,
          ", below the %s %.4g, so there is no drift (p-value %.3g: %s).",
          thresholdName,
          threshold,
          sig.pValue(),
          sig.pValue() < alpha
              ? "a difference beyond sampling noise, but smaller than the threshold"
              : "within sampling noise too");
    }
    if (sig.pValue() >= alpha) {
      return String.format(
          Locale.ROOT,
          "; it reaches the %s %.4g, but two samples of this size from one distribution give PSI"
              + " ≥ %.4g in %.0f%% of draws (p-value %.3g, not below p_value_threshold %.3g; mean"
              + " PSI from noise alone %.4g), so no drift is claimed.",
          thresholdName,
          threshold,
          psi,
          100 * sig.reachedFraction(),
          sig.pValue(),
          alpha,
          sig.nullMean());
    }
    String head =
        String.format(
            Locale.ROOT,
            ", at or above the %s %.4g and beyond sampling noise (p-value %.3g; mean PSI from"
                + " noise alone %.4g)",
            thresholdName,
            threshold,
            sig.pValue(),
            sig.nullMean());
    if (impact == null) {
      return head + "; without predictions severity follows the PSI: " + sev(severity) + ".";
    }
    return head
        + String.format(
            Locale.ROOT,
            "; the shift alone would move the average prediction by %.4g, so severity is %s.",
            impact,
            sev(severity));
  }

  private static String sev(Severity s) {
    return s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT);
  }

  /** The 5 bins contributing most to the PSI. */
  static List<Map<String, Object>> topBins(List<String> labels, double[] p, double[] q) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      idx.add(i);
    }
    idx.sort(Comparator.comparingDouble((Integer i) -> -Psi.term(p[i], q[i])));
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i : idx.subList(0, Math.min(5, idx.size()))) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("bin", labels.get(i));
      m.put("ref_proportion", p[i]);
      m.put("eval_proportion", q[i]);
      m.put("psi_contribution", Psi.term(p[i], q[i]));
      out.add(m);
    }
    return out;
  }
}
