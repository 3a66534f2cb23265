// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.List;

/**
 * Categorical Feature Drift: the {@code drift_statistic} (PSI by default, Jensen-Shannon, or
 * chi-squared with Cramér's V) of a categorical feature's category frequencies over the union of
 * the categories of both datasets (numbers compared by value, see {@link Column#catExpr()}).
 * Missing values are dropped when {@code ignore_nans}, else counted as a category. Judged by {@link
 * FeatureDrift}: drift needs the statistic ≥ {@code distance_threshold} (null: the statistic's
 * default) and a p-value below {@code p_value_threshold}.
 */
public final class CategoricalDriftTest implements StressTest {

  @Override
  public String id() {
    return "categorical_drift";
  }

  @Override
  public String displayName() {
    return "Categorical Feature Drift";
  }

  @Override
  public String category() {
    return "Drift";
  }

  @Override
  public List<Param> params() {
    return List.of(
        DriftStatistic.param(DriftStatistic.CATEGORICAL),
        DriftStatistic.DISTANCE_THRESHOLD,
        FeatureDrift.MIN_SAMPLE_SIZE,
        Param.bool("ignore_nans", true),
        FeatureDrift.PERFORMANCE_CHANGE_THRESHOLDS,
        SignificanceParams.NUM_NULL_SIMULATIONS,
        SignificanceParams.P_VALUE_THRESHOLD);
  }

  @Override
  public void checkParams(TestParams params) {
    FeatureDrift.checkDriftParams(params);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    return FeatureCases.each(
        this,
        ctx.features(params, Column::isCategorical),
        "categorical",
        c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    return drift(ctx, this, params, c, c.catExpr());
  }

  /**
   * The case of one feature whose categories are {@code categoryExpr} (a VARCHAR, null for a
   * missing value), measured and judged as this test does, under {@code test}'s id with {@code
   * params} (this test's parameters): Protected Feature Drift reuses it.
   */
  public static TestCase drift(
      TestContext ctx, StressTest test, TestParams params, Column c, String categoryExpr) {
    boolean withNulls = !params.bool("ignore_nans");
    String pred = ctx.hasPredictions() ? ctx.predExpr() : null;
    var ref = Histogram.categories(ctx.db(), ctx.refTable(), categoryExpr, pred, withNulls);
    var eval = Histogram.categories(ctx.db(), ctx.evalTable(), categoryExpr, pred, withNulls);
    Histogram[] aligned = Histogram.align(ref, eval);
    DriftMeasure m =
        FeatureDrift.binned(
            ctx, test, params, DriftStatistic.of(params), c, aligned[0], aligned[1]);
    return FeatureDrift.judge(ctx, test, params, c, aligned[0], aligned[1], m);
  }
}
