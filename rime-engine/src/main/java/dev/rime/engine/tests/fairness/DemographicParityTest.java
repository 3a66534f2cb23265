// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.metrics.Metric;
import java.util.List;

/**
 * Demographic Parity (Pos Pred): each group's positive prediction rate (prediction &gt; 0.5) as a
 * ratio to the highest group's, judged by {@link ParityTest} (binary classification).
 */
public final class DemographicParityTest extends ParityTest {

  @Override
  public String id() {
    return "demographic_parity";
  }

  @Override
  public String displayName() {
    return "Demographic Parity (Pos Pred)";
  }

  @Override
  protected List<Metric> metrics() {
    return List.of(Metric.POSITIVE_PREDICTION_RATE);
  }
}
