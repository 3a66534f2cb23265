// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.stats.ChiSquared;
import dev.rime.engine.stats.JensenShannon;
import dev.rime.engine.stats.KolmogorovSmirnov;
import dev.rime.engine.stats.NullSimulation;
import dev.rime.engine.stats.Psi;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
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
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleBiFunction;

/**
 * Measures and judges the drift of one feature (RIME: "severity is a function of the impact on the
 * model, as well as the presence of drift"):
 *
 * <ul>
 *   <li>the {@code drift_statistic} ({@link DriftStatistic}, PSI by default) gives an effect size
 *       and its p-value under "no drift": by the null simulation over the bins for PSI and
 *       Jensen-Shannon ({@link NullSimulation}, {@code num_null_simulations} draws seeded from
 *       {@code random_seed}), by the statistic's own test for Kolmogorov-Smirnov, Wasserstein (the
 *       KS test on the same values) and chi-squared. Drift is present when the effect size ≥ {@code
 *       distance_threshold} (null: the statistic's default) and p &lt; {@code p_value_threshold}:
 *       an effect that samples of this size reach from noise alone claims nothing;
 *   <li>with predictions, impact = {@code |Σ_b (q_b − p_b) m_b|} over the histogram's bins, where
 *       p, q are the raw bin proportions and m_b the mean reference prediction in bin b — or, for a
 *       bin (category) without reference predictions, the mean evaluation prediction there (the
 *       only evidence of how the model behaves there), and the overall reference mean when neither
 *       side has one: the change in average prediction the shift alone would cause. It is judged
 *       against {@code performance_change_thresholds} (null: {@code [s, 4s, 10s]}, s = {@code
 *       global_drift_scaling_factor}); drift with a smaller impact is LOW;
 *   <li>without predictions, the effect size is judged against {@code [t, 2t, 3t]}, t = the
 *       distance threshold;
 *   <li>no drift: PASS.
 * </ul>
 */
final class FeatureDrift {

  /** {@code num_bins} of the numeric drift tests. */
  static final Param NUM_BINS = Param.integer("num_bins", 100, Range.closed(2, 10000));

  /** {@code min_sample_size} of the drift tests. */
  static final Param MIN_SAMPLE_SIZE = Param.integer("min_sample_size", 100, Range.intsFrom(1));

  /** {@code performance_change_thresholds} of the feature drift tests. */
  static final Param PERFORMANCE_CHANGE_THRESHOLDS =
      Param.thresholds("performance_change_thresholds", Range.NON_NEGATIVE, (double[]) null);

  /** Evidently's floor of the reference standard deviation in the normalised Wasserstein. */
  static final double MIN_STD = 0.001;

  private FeatureDrift() {}

  /**
   * Rejects parameter values that would leave a drift test unable to find drift: a {@code
   * distance_threshold} above what the {@code drift_statistic} can reach ({@link
   * DriftStatistic#checkThreshold}), and, where the p-value is simulated (without {@code
   * drift_statistic}: PSI), {@code num_null_simulations} too small for any p-value to fall below
   * {@code p_value_threshold} ({@link SignificanceParams#checkSimulations}).
   */
  static void checkDriftParams(TestParams params) {
    DriftStatistic statistic =
        params.asMap().containsKey("drift_statistic")
            ? DriftStatistic.of(params)
            : DriftStatistic.PSI;
    statistic.checkThreshold(params);
    if (statistic.simulated()) {
      SignificanceParams.checkSimulations(params);
    }
  }

  /**
   * The null simulation of a statistic of two histograms over the same bins ({@link
   * NullSimulation}), seeded from {@code random_seed}, the test and the feature (so a feature's
   * p-value does not depend on what else runs).
   */
  static NullSimulation simulate(
      TestContext ctx,
      StressTest test,
      TestParams params,
      String feature,
      Histogram ref,
      Histogram eval,
      ToDoubleBiFunction<long[], long[]> statistic) {
    return NullSimulation.of(
        ref.counts(),
        eval.counts(),
        SignificanceParams.simulations(params),
        SignificanceParams.seed(ctx, test, feature),
        statistic);
  }

  /** SKIP unless both sides have {@code min_sample_size} values. */
  static void requireSamples(String what, long nRef, long nEval, int minSamples) {
    requireSamples(what, "values", nRef, nEval, minSamples);
  }

  /** SKIP unless both sides have {@code min_sample_size} values (or rows: {@code noun}). */
  static void requireSamples(String what, String noun, long nRef, long nEval, int minSamples) {
    if (nRef < minSamples || nEval < minSamples) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "%s has %d reference and %d evaluation %s; min_sample_size is %d",
              what,
              nRef,
              nEval,
              noun,
              minSamples));
    }
  }

  /** PSI of two histograms with its simulated p-value. */
  static DriftMeasure psi(
      TestContext ctx,
      StressTest test,
      TestParams params,
      String feature,
      Histogram ref,
      Histogram eval) {
    NullSimulation sim = simulate(ctx, test, params, feature, ref, eval, Psi::ofCounts);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("psi", sim.statistic());
    return new DriftMeasure(
        DriftStatistic.PSI,
        sim.statistic(),
        sim.pValue(),
        ref.total(),
        eval.total(),
        sim,
        "simulation under no drift",
        metrics,
        Map.of());
  }

  /**
   * Measures a binned statistic (PSI, Jensen-Shannon, chi-squared) on two histograms over the same
   * bins, after checking {@code min_sample_size}.
   */
  static DriftMeasure binned(
      TestContext ctx,
      StressTest test,
      TestParams params,
      DriftStatistic statistic,
      Column column,
      Histogram ref,
      Histogram eval) {
    requireSamples(
        "'" + column.name() + "'", ref.total(), eval.total(), params.integer("min_sample_size"));
    switch (statistic) {
      case PSI:
        return psi(ctx, test, params, column.name(), ref, eval);
      case JENSEN_SHANNON:
        {
          NullSimulation sim =
              simulate(ctx, test, params, column.name(), ref, eval, JensenShannon::distance);
          Map<String, Double> metrics = new LinkedHashMap<>();
          metrics.put("js_distance", sim.statistic());
          return new DriftMeasure(
              statistic,
              sim.statistic(),
              sim.pValue(),
              ref.total(),
              eval.total(),
              sim,
              "simulation under no drift",
              metrics,
              Map.of());
        }
      case CHI_SQUARED:
        {
          ChiSquared chi = ChiSquared.homogeneity(ref.counts(), eval.counts());
          Map<String, Double> metrics = new LinkedHashMap<>();
          metrics.put("cramers_v", chi.cramersV());
          metrics.put("chi_squared", chi.statistic());
          metrics.put("degrees_of_freedom", (double) chi.degreesOfFreedom());
          return new DriftMeasure(
              statistic,
              chi.cramersV() == null ? 0 : chi.cramersV(),
              chi.pValue(),
              ref.total(),
              eval.total(),
              null,
              "Pearson's chi-squared test",
              metrics,
              Map.of());
        }
      default:
        throw new IllegalArgumentException(statistic + " is not a binned statistic");
    }
  }

  /**
   * Measures Kolmogorov-Smirnov or Wasserstein on the raw values of a numeric feature ({@link
   * Ecdf}, one SQL query), after checking {@code min_sample_size}.
   */
  static DriftMeasure onValues(
      TestContext ctx, TestParams params, DriftStatistic statistic, Column column) {
    boolean wasserstein = statistic == DriftStatistic.WASSERSTEIN;
    Ecdf e = Ecdf.of(ctx.db(), ctx.refTable(), ctx.evalTable(), column.numExpr(), wasserstein);
    requireSamples(
        "'" + column.name() + "'" + (wasserstein ? " (finite values)" : ""),
        e.nRef(),
        e.nEval(),
        params.integer("min_sample_size"));
    KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(e.d(), e.nRef(), e.nEval());
    Map<String, Double> metrics = new LinkedHashMap<>();
    Map<String, Object> details = new LinkedHashMap<>();
    double value;
    if (wasserstein) {
      value = e.w1() / Math.max(e.refStd(), MIN_STD);
      metrics.put("wasserstein_distance", value);
      metrics.put("wasserstein_distance_raw", e.w1());
      metrics.put("ref_std", e.refStd());
      metrics.put("ks_statistic", ks.statistic());
    } else {
      value = ks.statistic();
      metrics.put("ks_statistic", value);
    }
    details.put("ks_location", e.location());
    details.put("ks_p_value_method", ks.exact() ? "exact" : "asymptotic");
    return new DriftMeasure(
        statistic,
        value,
        ks.pValue(),
        e.nRef(),
        e.nEval(),
        null,
        "two-sample Kolmogorov-Smirnov test",
        metrics,
        details);
  }

  static TestCase judge(
      TestContext ctx,
      StressTest test,
      TestParams params,
      Column column,
      Histogram ref,
      Histogram eval,
      DriftMeasure m) {
    DriftStatistic statistic = m.statistic();
    double threshold = statistic.threshold(params);
    double alpha = SignificanceParams.alpha(params);

    // Measure (the statistic was measured already): the impact on the model.
    double[] p = Psi.proportions(ref.counts());
    double[] q = Psi.proportions(eval.counts());
    Double impact = null;
    if (ctx.hasPredictions()) {
      impact = impact(ref, eval, p, q, ctx.referenceAveragePrediction());
    }

    // Judge.
    boolean drift = m.value() >= threshold && m.pValue() < alpha;
    Thresholds impactThresholds = impactThresholds(ctx, params);
    Thresholds distanceThresholds = Thresholds.of(threshold, 2 * threshold, 3 * threshold);
    Severity severity = severity(drift, impact, impactThresholds, m.value(), distanceThresholds);

    CaseBuilder b =
        CaseBuilder.of(test)
            .feature(column.name())
            .judged(severity)
            .importance(impact != null ? impact : m.value());
    m.metrics().forEach(b::metric);
    b.metric("distance", m.value()).metric("p_value", m.pValue());
    if (m.simulation() != null) {
      b.metric(nullMeanMetric(statistic), m.simulation().nullMean());
    }
    b.metric("prediction_impact", impact)
        .metric("num_ref_values", m.nRef())
        .metric("num_eval_values", m.nEval())
        .detail("drift_statistic", statistic.configName())
        .detail("distance_threshold", threshold)
        .detail("p_value_threshold", alpha)
        .detail("p_value_method", m.pValueMethod());
    if (m.simulation() != null) {
      b.detail("num_null_simulations", m.simulation().simulations());
    }
    m.details().forEach(b::detail);
    b.detail("num_bins", p.length)
        .detail(
            impact != null
                ? "performance_change_thresholds"
                : statistic == DriftStatistic.PSI
                    ? "psi_severity_thresholds"
                    : "distance_severity_thresholds",
            impact != null ? impactThresholds.toList() : distanceThresholds.toList())
        .detail("top_bins", topBins(statistic, ref, eval, p, q));
    String head =
        String.format(
            Locale.ROOT,
            "%s of '%s' between reference and evaluation data is %.4g%s",
            statistic == DriftStatistic.PSI ? "PSI" : capitalise(statistic.label()),
            column.name(),
            m.value(),
            aside(m));
    return b.description(
            head + judgement(m, threshold, "distance threshold", alpha, impact, severity))
        .build();
  }

  /**
   * The thresholds an impact on the model is judged against: {@code performance_change_thresholds},
   * or when it is null RIME's {@code [s, 4s, 10s]}, s = {@code global_drift_scaling_factor}.
   */
  static Thresholds impactThresholds(TestContext ctx, TestParams params) {
    Thresholds given = params.thresholds(PERFORMANCE_CHANGE_THRESHOLDS.key());
    return given != null ? given : ctx.testsConfig().driftImpactThresholds();
  }

  /**
   * The severity of a drift test's finding (RIME: "a function of the impact on the model, as well
   * as the presence of drift"): NONE without drift; with predictions the impact against {@code
   * impactThresholds}, at least LOW (drift was found, whatever its impact); without, the effect
   * size against its own thresholds.
   *
   * @param impact the impact on the average prediction, or null without predictions
   */
  static Severity severity(
      boolean drift,
      Double impact,
      Thresholds impactThresholds,
      double effect,
      Thresholds effectThresholds) {
    if (!drift) {
      return Severity.NONE;
    }
    return impact != null
        ? impactThresholds.severity(impact).max(Severity.LOW)
        : effectThresholds.severity(effect);
  }

  /** The metric of a simulated statistic's mean under no drift, e.g. {@code null_psi_mean}. */
  static String nullMeanMetric(DriftStatistic statistic) {
    return statistic == DriftStatistic.PSI ? "null_psi_mean" : "null_js_mean";
  }

  /** What the head of a description adds after the value, e.g. the raw W1 and the sd. */
  private static String aside(DriftMeasure m) {
    switch (m.statistic()) {
      case WASSERSTEIN:
        return String.format(
            Locale.ROOT,
            " (W1 %.4g over the reference standard deviation %.4g)",
            m.metrics().get("wasserstein_distance_raw"),
            m.metrics().get("ref_std"));
      case CHI_SQUARED:
        int dof = m.metrics().get("degrees_of_freedom").intValue();
        return String.format(
            Locale.ROOT,
            " (chi-squared %.4g, %d degree%s of freedom)",
            m.metrics().get("chi_squared"),
            dof,
            dof == 1 ? "" : "s");
      default:
        return "";
    }
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
      DriftMeasure m,
      double threshold,
      String thresholdName,
      double alpha,
      Double impact,
      Severity severity) {
    String name = m.statistic() == DriftStatistic.PSI ? "PSI" : m.statistic().label();
    NullSimulation sim = m.simulation();
    if (m.value() < threshold) {
      return String.format(
          Locale.ROOT,
          ", below the %s %.4g, so there is no drift (p-value %.3g: %s).",
          thresholdName,
          threshold,
          m.pValue(),
          m.pValue() < alpha
              ? "a difference beyond sampling noise, but smaller than the threshold"
              : "within sampling noise too");
    }
    if (m.pValue() >= alpha) {
      if (sim != null) {
        return String.format(
            Locale.ROOT,
            "; it reaches the %s %.4g, but two samples of this size from one distribution give %s"
                + " ≥ %.4g in %.0f%% of draws (p-value %.3g, not below p_value_threshold %.3g;"
                + " mean %s from noise alone %.4g), so no drift is claimed.",
            thresholdName,
            threshold,
            name,
            m.value(),
            100 * sim.reachedFraction(),
            m.pValue(),
            alpha,
            name,
            sim.nullMean());
      }
      return String.format(
          Locale.ROOT,
          "; it reaches the %s %.4g, but the %s gives p-value %.3g, not below p_value_threshold"
              + " %.3g: a difference within sampling noise, so no drift is claimed.",
          thresholdName,
          threshold,
          m.pValueMethod(),
          m.pValue(),
          alpha);
    }
    String head =
        sim != null
            ? String.format(
                Locale.ROOT,
                ", at or above the %s %.4g and beyond sampling noise (p-value %.3g; mean %s from"
                    + " noise alone %.4g)",
                thresholdName,
                threshold,
                m.pValue(),
                name,
                sim.nullMean())
            : String.format(
                Locale.ROOT,
                ", at or above the %s %.4g and beyond sampling noise (p-value %.3g, %s)",
                thresholdName,
                threshold,
                m.pValue(),
                m.pValueMethod());
    if (impact == null) {
      return head
          + "; without predictions severity follows the "
          + name
          + ": "
          + Thresholds.severityName(severity)
          + ".";
    }
    return head
        + String.format(
            Locale.ROOT,
            "; the shift alone would move the average prediction by %.4g, so severity is %s.",
            impact,
            Thresholds.severityName(severity));
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * The 5 bins contributing most to the statistic (PSI, Jensen-Shannon, chi-squared: each bin's
   * term; KS and Wasserstein, which are not binned: the largest changes of proportion).
   */
  static List<Map<String, Object>> topBins(
      DriftStatistic statistic, Histogram ref, Histogram eval, double[] p, double[] q) {
    long nRef = ref.total();
    long nEval = eval.total();
    switch (statistic) {
      case PSI:
        return topBins(ref.labels(), p, q, i -> Psi.term(p[i], q[i]), "psi_contribution");
      case JENSEN_SHANNON:
        return topBins(ref.labels(), p, q, i -> JensenShannon.term(p[i], q[i]), "js_contribution");
      case CHI_SQUARED:
        return topBins(
            ref.labels(),
            p,
            q,
            i -> ChiSquared.term(ref.counts()[i], eval.counts()[i], nRef, nEval),
            "chi_squared_contribution");
      default:
        return topBins(ref.labels(), p, q, i -> Math.abs(q[i] - p[i]), null);
    }
  }

  /** The 5 bins contributing most to the PSI. */
  static List<Map<String, Object>> topBins(List<String> labels, double[] p, double[] q) {
    return topBins(labels, p, q, i -> Psi.term(p[i], q[i]), "psi_contribution");
  }

  /** The 5 bins with the largest {@code term}, with the term as {@code name} (unless null). */
  private static List<Map<String, Object>> topBins(
      List<String> labels, double[] p, double[] q, IntToDoubleFunction term, String name) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      idx.add(i);
    }
    idx.sort(Comparator.comparingDouble((Integer i) -> -term.applyAsDouble(i)));
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i : idx.subList(0, Math.min(5, idx.size()))) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("bin", labels.get(i));
      m.put("ref_proportion", p[i]);
      m.put("eval_proportion", q[i]);
      if (name != null) {
        m.put(name, term.applyAsDouble(i));
      }
      out.add(m);
    }
    return out;
  }
}
