// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.metrics.Metric;
import java.util.List;

/**
 * Equal Opportunity (Macro Recall): each group's macro recall as a ratio to the highest group's,
 * judged by {@link ParityTest} (multi-class classification, needs labels).
 */
public final class EqualOppMacroRecallTest extends ParityTest {

  @Override
  public String id() {
    return "equal_opp_macro_recall";
  }

  @Override
  public String displayName() {
    return "Equal Opportunity (Macro Recall)";
  }

  @Override
  protected List<Metric> metrics() {
    return List.of(Metric.MACRO_RECALL);
  }
}
