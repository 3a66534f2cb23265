// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.metrics.Metric;
import java.util.List;

/**
 * Equalized Odds: the largest gap between groups in the true positive rate (recall, over each
 * group's positive labels) and in the false positive rate (over its negative labels), judged by
 * {@link GapTest} (binary classification, needs labels).
 */
public final class EqualizedOddsTest extends GapTest {

  @Override
  public String id() {
    return "equalized_odds";
  }

  @Override
  public String displayName() {
    return "Equalized Odds";
  }

  @Override
  protected List<Metric> metrics() {
    return List.of(Metric.RECALL, Metric.FALSE_POSITIVE_RATE);
  }
}
