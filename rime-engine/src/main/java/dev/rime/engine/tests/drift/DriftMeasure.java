// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.engine.stats.NullSimulation;
import java.util.Map;

/**
 * One drift statistic measured on one feature: the effect size judged against {@code
 * distance_threshold}, its p-value under "no drift" side by side, and what else the statistic
 * reports.
 *
 * @param statistic the statistic
 * @param value the effect size (0 when undefined, e.g. Cramér's V of a single category)
 * @param pValue the p-value under "no drift"
 * @param nRef reference values the statistic counted
 * @param nEval evaluation values the statistic counted
 * @param simulation the null simulation the p-value came from, or null for a test's own p-value
 * @param pValueMethod how the p-value was found, for descriptions and details
 * @param metrics the statistic's own metrics, its effect-size metric first (values may be null)
 * @param details the statistic's own details
 */
record DriftMeasure(
    DriftStatistic statistic,
    double value,
    double pValue,
    long nRef,
    long nEval,
    NullSimulation simulation,
    String pValueMethod,
    Map<String, Double> metrics,
    Map<String, Object> details) {}
