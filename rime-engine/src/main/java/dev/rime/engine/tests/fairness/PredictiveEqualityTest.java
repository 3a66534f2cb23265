// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.metrics.Metric;
import java.util.List;

/**
 * Predictive Equality (FPR): the largest gap between groups in the false positive rate (over each
 * group's negative labels), judged by {@link GapTest} (binary classification, needs labels).
 */
public final class PredictiveEqualityTest extends GapTest {

  @Override
  public String id() {
    return "predictive_equality";
  }

  @Override
  public String displayName() {
    return "Predictive Equality (FPR)";
  }

  @Override
  protected List<Metric> metrics() {
    return List.of(Metric.FALSE_POSITIVE_RATE);
  }
}
