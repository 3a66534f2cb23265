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
 * Numeric Feature Drift: the {@code drift_statistic} of a numeric feature between reference and
 * evaluation data. PSI (default) and Jensen-Shannon over {@code num_bins} bins cut at reference
 * quantiles {@code k / num_bins} (linear interpolation, de-duplicated; bins {@code (-inf, e1], …,
 * (eK, inf)}), missing values dropped when {@code ignore_nans}, else binned as their own bin;
 * Kolmogorov-Smirnov and Wasserstein over the values themselves ({@link Ecdf}), missing values
 * always dropped. Judged by {@link FeatureDrift}: drift needs the statistic ≥ {@code
 * distance_threshold} (null: the statistic's default) and a p-value below {@code
 * p_value_threshold}.
 */
public final class ContinuousDriftTest implements StressTest {

  @Override
  public String id() {
    return "continuous_drift";
  }

  @Override
  public String displayName() {
    return "Numeric Feature Drift";
  }

  @Override
  public String category() {
    return "Drift";
  }

  @Override
  public List<Param> params() {
    return List.of(
        DriftStatistic.param(DriftStatistic.NUMERIC),
        FeatureDrift.NUM_BINS,
        DriftStatistic.DISTANCE_THRESHOLD,
        FeatureDrift.MIN_SAMPLE_SIZE,
        Param.bool("ignore_nans", true),
        FeatureDrift.PERFORMANCE_CHANGE_THRESHOLDS,
        SignificanceParams.NUM_NULL_SIMULATIONS,
        SignificanceParams.P_VALUE_THRESHOLD,
        Param.unsupported("min_num_quantiles", "this engine bins at num_bins reference quantiles"));
  }

  @Override
  public void checkParams(TestParams params) {
    FeatureDrift.checkDriftParams(params);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    return FeatureCases.each(
        this, ctx.features(params, Column::isNumeric), "numeric", c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    int numBins = params.integer("num_bins");
    boolean withNulls = !params.bool("ignore_nans");
    List<Double> edges = ctx.quantileEdges(c.numExpr(), numBins);
    String pred = ctx.hasPredictions() ? ctx.predExpr() : null;
    Histogram ref =
        Histogram.numeric(ctx.db(), ctx.refTable(), c.numExpr(), edges, pred, withNulls);
    Histogram eval =
        Histogram.numeric(ctx.db(), ctx.evalTable(), c.numExpr(), edges, pred, withNulls);
    DriftStatistic statistic = DriftStatistic.of(params);
    DriftMeasure m =
        statistic == DriftStatistic.KOLMOGOROV_SMIRNOV || statistic == DriftStatistic.WASSERSTEIN
            ? FeatureDrift.onValues(ctx, params, statistic, c)
            : FeatureDrift.binned(ctx, this, params, statistic, c, ref, eval);
    return FeatureDrift.judge(ctx, this, params, c, ref, eval, m);
  }
}
