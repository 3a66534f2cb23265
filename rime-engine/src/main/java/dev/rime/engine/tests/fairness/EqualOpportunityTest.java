// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.metrics.Metric;
import java.util.List;

/**
 * Equal Opportunity (Recall): each group's recall (true positive rate) as a ratio to the highest
 * group's, judged by {@link ParityTest}; a group's recall rests on its positive labels (binary
 * classification, needs labels).
 */
public final class EqualOpportunityTest extends ParityTest {

  @Override
  public String id() {
    return "equal_opportunity";
  }

  @Override
  public String displayName() {
    return "Equal Opportunity (Recall)";
  }

  @Override
  protected List<Metric> metrics() {
    return List.of(Metric.RECALL);
  }
}
