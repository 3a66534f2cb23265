// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.stats.Psi;
import dev.rime.engine.tests.CaseBuilder;
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
 *   <li>PSI over the bins (smoothed, see {@link Psi}); drift is present when PSI ≥ {@code
 *       distance_threshold};
 *   <li>with predictions, impact = {@code |Σ_b (q_b − p_b) m_b|}, where p, q are the raw bin
 *       proportions and m_b the mean reference prediction in bin b (the overall reference mean for
 *       a bin without reference predictions): the change in average prediction the shift alone
 *       would cause. It is judged against {@code performance_change_thresholds} (null: {@code [s,
 *       4s, 10s]}, s = {@code global_drift_scaling_factor}); drift with a smaller impact is LOW;
 *   <li>without predictions, PSI is judged against {@code [t, 2t, 3t]}, t = {@code
 *       distance_threshold};
 *   <li>no drift: PASS.
 * </ul>
 */
final class FeatureDrift {

  private FeatureDrift() {}

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

    // Measure.
    double[] p = Psi.proportions(ref.counts());
    double[] q = Psi.proportions(eval.counts());
    double psi = Psi.of(p, q);
    Double impact = null;
    if (ctx.hasPredictions()) {
      Double overall = ctx.refMetrics().averagePrediction();
      double sum = 0;
      for (int b = 0; b < p.length; b++) {
        double m =
            ref.predCounts()[b] > 0
                ? ref.predSums()[b] / ref.predCounts()[b]
                : overall == null ? 0 : overall;
        sum += (q[b] - p[b]) * m;
      }
      impact = Math.abs(sum);
    }

    // Judge.
    boolean drift = psi >= threshold;
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
            .metric("prediction_impact", impact)
            .metric("num_ref_values", nRef)
            .metric("num_eval_values", nEval)
            .detail("distance_threshold", threshold)
            .detail("num_bins", p.length)
            .detail(
                impact != null ? "performance_change_thresholds" : "psi_severity_thresholds",
                impact != null ? impactThresholds.toList() : psiThresholds.toList())
            .detail("top_bins", topBins(ref.labels(), p, q));
    return b.description(describe(column, psi, threshold, drift, impact, severity)).build();
  }

  private static String describe(
      Column column, double psi, double threshold, boolean drift, Double impact, Severity s) {
    String head =
        String.format(
            Locale.ROOT,
            "PSI of '%s' between reference and evaluation data is %.4g, %s the distance threshold"
                + " %.4g",
            column.name(),
            psi,
            drift ? "at or above" : "below",
            threshold);
    if (!drift) {
      return head + ", so there is no drift.";
    }
    if (impact == null) {
      return head + "; without predictions severity follows the PSI: " + sev(s) + ".";
    }
    return head
        + String.format(
            Locale.ROOT,
            "; the shift alone would move the average prediction by %.4g, so severity is %s.",
            impact,
            sev(s));
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
