// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.drift.CategoricalDriftTest;
import java.util.List;

/**
 * Protected Feature Drift: the drift of each protected feature's groups ({@link ProtectedGroups})
 * between reference and evaluation data, measured and judged exactly as Categorical Feature Drift
 * (RIME: "as categorical"), with its parameters and defaults ({@link CategoricalDriftTest#drift}):
 * a numeric protected feature drifts as its bins between reference quantiles.
 */
public final class ProtectedFeatureDriftTest implements StressTest {

  private static final CategoricalDriftTest CATEGORICAL = new CategoricalDriftTest();

  @Override
  public String id() {
    return "protected_feature_drift";
  }

  @Override
  public String displayName() {
    return "Protected Feature Drift";
  }

  @Override
  public String category() {
    return "Bias and Fairness";
  }

  @Override
  public List<Param> params() {
    return CATEGORICAL.params();
  }

  @Override
  public void checkParams(TestParams params) {
    CATEGORICAL.checkParams(params);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    return FeatureCases.each(
        this, ProtectedGroups.features(ctx, params), "protected", c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    ProtectedGroups groups = ProtectedGroups.of(ctx, c);
    return CategoricalDriftTest.drift(ctx, this, params, c, groups.keyExpr());
  }
}
