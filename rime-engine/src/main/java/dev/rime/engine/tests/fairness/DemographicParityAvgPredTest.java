// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.metrics.Metric;
import java.util.List;

/**
 * Demographic Parity (Avg Pred): each group's average prediction as a ratio to the highest group's,
 * judged by {@link ParityTest} (binary classification and regression).
 */
public final class DemographicParityAvgPredTest extends ParityTest {

  @Override
  public String id() {
    return "demographic_parity_avg_pred";
  }

  @Override
  public String displayName() {
    return "Demographic Parity (Avg Pred)";
  }

  @Override
  protected List<Metric> metrics() {
    return List.of(Metric.AVERAGE_PREDICTION);
  }
}
