// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.Range;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.TestParams;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The drift statistics a feature drift test can use ({@code drift_statistic}), by RIME's name where
 * RIME has one ("Population Stability Index"), with the effect size each judges against {@code
 * distance_threshold}, its default threshold, and how its p-value is found (ADR 0009).
 */
enum DriftStatistic {
  /** PSI over the bins; p-value by simulation (ADR 0006). */
  PSI("Population Stability Index", "PSI", "psi", 0.2, true, Double.POSITIVE_INFINITY),
  /** Two-sample KS statistic D over the raw values; p-value by the KS test. Numeric only. */
  KOLMOGOROV_SMIRNOV("Kolmogorov-Smirnov", "KS statistic D", "ks_statistic", 0.1, false, 1),
  /** Jensen-Shannon distance (base 2) over the same bins as PSI; p-value by simulation. */
  JENSEN_SHANNON("Jensen-Shannon", "Jensen-Shannon distance", "js_distance", 0.1, true, 1),
  /**
   * Wasserstein-1 distance over the raw finite values divided by the reference standard deviation
   * (at least 0.001); p-value by the KS test on the same values. Numeric only.
   */
  WASSERSTEIN(
      "Wasserstein",
      "normalised Wasserstein distance",
      "wasserstein_distance",
      0.1,
      false,
      Double.POSITIVE_INFINITY),
  /** Cramér's V of the categories; p-value by Pearson's chi-squared test. Categorical only. */
  CHI_SQUARED("Chi-Squared", "Cramér's V", "cramers_v", 0.1, false, 1);

  /** The statistics of numeric features. */
  static final List<DriftStatistic> NUMERIC =
      List.of(PSI, KOLMOGOROV_SMIRNOV, JENSEN_SHANNON, WASSERSTEIN);

  /** The statistics of categorical features. */
  static final List<DriftStatistic> CATEGORICAL = List.of(PSI, JENSEN_SHANNON, CHI_SQUARED);

  /** {@code distance_threshold}: null means the statistic's own default. */
  static final Param DISTANCE_THRESHOLD =
      Param.optionalNumber("distance_threshold", Range.POSITIVE);

  private final String configName;
  private final String label;
  private final String metric;
  private final double defaultThreshold;
  private final boolean simulated;
  private final double max;

  DriftStatistic(
      String configName,
      String label,
      String metric,
      double defaultThreshold,
      boolean simulated,
      double max) {
    this.configName = configName;
    this.label = label;
    this.metric = metric;
    this.defaultThreshold = defaultThreshold;
    this.simulated = simulated;
    this.max = max;
  }

  /** As written in {@code drift_statistic}, e.g. {@code Kolmogorov-Smirnov}. */
  String configName() {
    return configName;
  }

  /** How descriptions name the effect size, e.g. {@code KS statistic D}. */
  String label() {
    return label;
  }

  /** The metric holding the effect size, e.g. {@code ks_statistic}. */
  String metric() {
    return metric;
  }

  /** The default {@code distance_threshold}. */
  double defaultThreshold() {
    return defaultThreshold;
  }

  /**
   * Whether the p-value comes from the null simulation (so {@code num_null_simulations} counts).
   */
  boolean simulated() {
    return simulated;
  }

  /** The {@code drift_statistic} parameter accepting {@code options}, PSI by default. */
  static Param param(List<DriftStatistic> options) {
    return Param.choice(
        "drift_statistic",
        PSI.configName,
        options.stream().map(DriftStatistic::configName).collect(Collectors.toList()));
  }

  /** The statistic a test runs with. */
  static DriftStatistic of(TestParams params) {
    String name = params.string("drift_statistic");
    return Arrays.stream(values())
        .filter(s -> s.configName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown drift_statistic " + name));
  }

  /**
   * Rejects a {@code distance_threshold} above the largest value this statistic can take (KS D,
   * Jensen-Shannon distance and Cramér's V are at most 1): the test could never find drift.
   *
   * @throws ConfigException naming {@code distance_threshold}, the statistic and its range
   */
  void checkThreshold(TestParams params) {
    Double given = params.optionalNumber(DISTANCE_THRESHOLD.key());
    if (given != null && given > max) {
      throw new ConfigException(
          params.key(DISTANCE_THRESHOLD.key()),
          String.format(
              Locale.ROOT,
              "must be at most %s with drift_statistic %s (the %s lies in [0, %s]), not %s: no"
                  + " drift could ever be found",
              Range.show(max),
              configName,
              label,
              Range.show(max),
              Range.show(given)));
    }
  }

  /** {@code distance_threshold} as given, else this statistic's default. */
  double threshold(TestParams params) {
    Double given = params.optionalNumber(DISTANCE_THRESHOLD.key());
    return given != null ? given : defaultThreshold;
  }
}
