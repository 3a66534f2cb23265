// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.metrics.Metric;
import java.util.List;

/**
 * Intersectional Group Fairness (Pos Pred): Demographic Parity (Pos Pred) over the crossed groups
 * of every pair of protected features and of each of {@code data_info.intersections} ({@link
 * Grouping#crossings}), one case per crossing (binary classification).
 */
public final class IntersectionalGroupFairnessTest extends ParityTest {

  @Override
  public String id() {
    return "intersectional_group_fairness";
  }

  @Override
  public String displayName() {
    return "Intersectional Group Fairness (Pos Pred)";
  }

  @Override
  protected List<Metric> metrics() {
    return List.of(Metric.POSITIVE_PREDICTION_RATE);
  }

  @Override
  protected boolean intersectional() {
    return true;
  }
}
