// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.metrics.Metric;
import java.util.List;

/**
 * Subset Sensitivity (Avg Pred): the largest difference between a group's average prediction and
 * the whole evaluation data's, judged by {@link SensitivityTest} (binary classification and
 * regression).
 */
public final class SubsetSensitivityAvgPredTest extends SensitivityTest {

  @Override
  public String id() {
    return "subset_sensitivity_avg_pred";
  }

  @Override
  public String displayName() {
    return "Subset Sensitivity (Avg Pred)";
  }

  @Override
  protected List<Metric> metrics() {
    return List.of(Metric.AVERAGE_PREDICTION);
  }
}
