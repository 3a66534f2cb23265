// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.dependence.CorrelationChange;
import dev.rime.engine.tests.dependence.DependenceParams;
import dev.rime.engine.tests.dependence.PearsonMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Correlation Drift (Feature-to-Label): the Pearson correlation of each numeric feature with the
 * label (as a number: 0/1 for binary classification) in reference and evaluation data, judged by
 * {@link CorrelationChange}, all features together: {@code |r_ref − r_eval|} against {@code
 * correlation_drift_thresholds}, when it exceeds the low threshold by more than sampling noise
 * explains (Fisher's z, Benjamini-Hochberg over the features tested).
 */
public final class CorrelationLabelDriftTest implements StressTest {

  @Override
  public String id() {
    return "correlation_label_drift";
  }

  @Override
  public String displayName() {
    return "Correlation Drift (Feature-to-Label)";
  }

  @Override
  public String category() {
    return "Drift";
  }

  @Override
  public List<Param> params() {
    return List.of(
        DependenceParams.CORRELATION_DRIFT_THRESHOLDS, SignificanceParams.P_VALUE_THRESHOLD);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requireLabels();
    String label = ctx.labelColumn().name();
    List<Column> features = ctx.features(params, Column::isNumeric);
    if (features.isEmpty()) {
      return List.of(CaseBuilder.skip(this, List.of(), "no numeric features to test"));
    }
    PearsonMatrix m = PearsonMatrix.of(ctx);
    List<CorrelationChange.Correlation> correlations = new ArrayList<>();
    for (Column c : features) {
      correlations.add(
          new CorrelationChange.Correlation(
              List.of(c.name()),
              "'" + c.name() + "' and the label '" + label + "'",
              m.value(false, c.name(), label),
              m.value(true, c.name(), label),
              Map.of("label", label)));
    }
    return CorrelationChange.judge(this, params, correlations);
  }
}
