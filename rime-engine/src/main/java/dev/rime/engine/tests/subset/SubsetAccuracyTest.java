// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.subset;

import dev.rime.engine.stats.Intervals;
import dev.rime.engine.tests.TestContext;

/**
 * Subset Accuracy: accuracy (prediction positive iff above 0.5, as RIME rounds predictions and
 * {@code round(0.5) = 0}) of each subset against the whole evaluation data, margin of error {@code
 * z sqrt(p (1 − p) / n)}. See {@link SubsetPerformance}.
 */
public final class SubsetAccuracyTest extends SubsetPerformance {

  @Override
  public String id() {
    return "subset_accuracy";
  }

  @Override
  public String displayName() {
    return "Subset Accuracy";
  }

  @Override
  protected String metricName() {
    return "accuracy";
  }

  @Override
  protected boolean needsRanks() {
    return false;
  }

  @Override
  protected Double overall(TestContext ctx) {
    return ctx.evalMetrics().accuracy();
  }

  @Override
  protected Double metric(SubsetCounts s) {
    return s.size() == 0 ? null : s.accuracy();
  }

  @Override
  protected double margin(SubsetCounts s, double metric, double z) {
    return Intervals.proportionMargin(metric, s.size(), z);
  }
}
