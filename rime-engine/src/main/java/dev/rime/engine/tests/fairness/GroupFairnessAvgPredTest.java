// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.metrics.Metric;
import java.util.List;

/**
 * Intersectional Group Fairness (Avg Pred): Demographic Parity (Avg Pred) over the crossed groups
 * of every pair of protected features and of each of {@code data_info.intersections} ({@link
 * Grouping#crossings}), one case per crossing (binary classification and regression).
 */
public final class GroupFairnessAvgPredTest extends ParityTest {

  @Override
  public String id() {
    return "group_fairness_avg_pred";
  }

  @Override
  public String displayName() {
    return "Intersectional Group Fairness (Avg Pred)";
  }

  @Override
  protected List<Metric> metrics() {
    return List.of(Metric.AVERAGE_PREDICTION);
  }

  @Override
  protected boolean intersectional() {
    return true;
  }
}
