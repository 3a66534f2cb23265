// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.metrics.Metric;
import java.util.List;

/**
 * Subset Sensitivity (Pos Pred): the largest difference between a group's positive prediction rate
 * and the whole evaluation data's, judged by {@link SensitivityTest} (binary classification).
 */
public final class SubsetSensitivityPosPredTest extends SensitivityTest {

  @Override
  public String id() {
    return "subset_sensitivity_pos_pred";
  }

  @Override
  public String displayName() {
    return "Subset Sensitivity (Pos Pred)";
  }

  @Override
  protected List<Metric> metrics() {
    return List.of(Metric.POSITIVE_PREDICTION_RATE);
  }
}
