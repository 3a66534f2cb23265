// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.List;

/**
 * Categorical Feature Drift: PSI of a categorical feature's category frequencies over the union of
 * the categories of both datasets. Missing values are dropped when {@code ignore_nans}, else
 * counted as a category. Judged by {@link FeatureDrift}.
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
        Param.number("distance_threshold", 0.2),
        Param.integer("min_sample_size", 100),
        Param.bool("ignore_nans", true),
        Param.thresholds("performance_change_thresholds", (double[]) null));
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
    boolean withNulls = !params.bool("ignore_nans");
    String pred = ctx.hasPredictions() ? ctx.predExpr() : null;
    var ref =
        Histogram.categories(
            ctx.db(), ctx.refTable(), c.catExpr(), c.nullExpr(c.refType()), pred, withNulls);
    var eval =
        Histogram.categories(
            ctx.db(), ctx.evalTable(), c.catExpr(), c.nullExpr(c.evalType()), null, withNulls);
    Histogram[] aligned = Histogram.align(ref, eval);
    return FeatureDrift.judge(ctx, this, params, c, aligned[0], aligned[1]);
  }
}
