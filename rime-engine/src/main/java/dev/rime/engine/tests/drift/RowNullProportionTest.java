// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.stats.Psi;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Nulls Per Row Drift: PSI of the distribution of "number of missing values per row" (over the
 * features the model uses, in both files and not excluded, of every type, as {@link
 * NullProportionTest} counts them; one bin per count) between reference and evaluation data, with
 * its p-value under "no drift" (ADR 0006). Drift when PSI ≥ {@code params.psi_threshold} and p &lt;
 * {@code p_value_threshold}. Severity (ADR 0009): with predictions, from the impact on the average
 * prediction (as feature drift, over the count bins) against {@code performance_change_thresholds}
 * (default RIME's {@code RowNullProportionPSITest} levels {@code [0.01, 0.02, 0.1]}), at least LOW;
 * without predictions, PSI against {@code [t, 2t, 3t]}.
 */
public final class RowNullProportionTest implements StressTest {

  /**
   * {@code performance_change_thresholds}: RIME's {@code RowNullProportionPSITest} levels {@code
   * [0.01, 0.02, 0.1]} by default (ADR 0009).
   */
  static final Param PERFORMANCE_CHANGE_THRESHOLDS =
      Param.thresholds("performance_change_thresholds", Range.NON_NEGATIVE, 0.01, 0.02, 0.1);

  @Override
  public String id() {
    return "row_null_proportion";
  }

  @Override
  public String displayName() {
    return "Nulls Per Row Drift";
  }

  @Override
  public String category() {
    return "Drift";
  }

  @Override
  public List<Param> params() {
    return List.of(
        FeatureDrift.MIN_SAMPLE_SIZE,
        PERFORMANCE_CHANGE_THRESHOLDS,
        DriftStatistic.param(List.of(DriftStatistic.PSI)),
        Param.object("params", Param.number("psi_threshold", 0.2, Range.POSITIVE)),
        SignificanceParams.NUM_NULL_SIMULATIONS,
        SignificanceParams.P_VALUE_THRESHOLD);
  }

  @Override
  public void checkParams(TestParams params) {
    FeatureDrift.checkDriftParams(params);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<Column> features = ctx.features(params, c -> true);
    if (features.isEmpty()) {
      throw new SkipTest("no features to count missing values in");
    }
    TreeMap<Integer, double[]> ref = counts(ctx, features, false);
    TreeMap<Integer, double[]> eval = counts(ctx, features, true);
    TreeSet<Integer> union = new TreeSet<>(ref.keySet());
    union.addAll(eval.keySet());
    Histogram hr = histogram(union, ref);
    Histogram he = histogram(union, eval);
    FeatureDrift.requireSamples(
        "the data", "rows", hr.total(), he.total(), params.integer("min_sample_size"));
    double threshold = params.object("params").number("psi_threshold");
    double alpha = SignificanceParams.alpha(params);

    // Measure.
    DriftMeasure m = FeatureDrift.psi(ctx, this, params, "rows", hr, he);
    double[] p = Psi.proportions(hr.counts());
    double[] q = Psi.proportions(he.counts());
    Double impact =
        ctx.hasPredictions()
            ? FeatureDrift.impact(hr, he, p, q, ctx.referenceAveragePrediction())
            : null;

    // Judge.
    boolean drift = m.value() >= threshold && m.pValue() < alpha;
    Thresholds impactThresholds = FeatureDrift.impactThresholds(ctx, params);
    Thresholds psiThresholds = Thresholds.of(threshold, 2 * threshold, 3 * threshold);
    Severity severity =
        FeatureDrift.severity(drift, impact, impactThresholds, m.value(), psiThresholds);
    return List.of(
        CaseBuilder.of(this)
            .judged(severity)
            .importance(impact != null ? impact : m.value())
            .metric("psi", m.value())
            .metric("p_value", m.pValue())
            .metric("null_psi_mean", m.simulation().nullMean())
            .metric("ref_mean_nulls_per_row", mean(union, ref, hr.total()))
            .metric("eval_mean_nulls_per_row", mean(union, eval, he.total()))
            .metric("prediction_impact", impact)
            .metric("num_features", features.size())
            .metric("num_ref_rows", hr.total())
            .metric("num_eval_rows", he.total())
            .detail("psi_threshold", threshold)
            .detail("p_value_threshold", alpha)
            .detail("num_null_simulations", m.simulation().simulations())
            .detail(
                impact != null ? "performance_change_thresholds" : "psi_severity_thresholds",
                impact != null ? impactThresholds.toList() : psiThresholds.toList())
            .detail("top_bins", FeatureDrift.topBins(hr.labels(), p, q))
            .detail("features", features.stream().map(Column::name).collect(Collectors.toList()))
            .description(
                String.format(
                        Locale.ROOT,
                        "PSI of the number of missing values per row (over %d features) between"
                            + " reference and evaluation data is %.4g",
                        features.size(),
                        m.value())
                    + FeatureDrift.judgement(
                        m, threshold, "psi_threshold", alpha, impact, severity))
            .build());
  }

  /**
   * Rows per number of missing values: {@code k -> [rows, rows with a prediction, sum of
   * predictions]}, one scan.
   */
  private static TreeMap<Integer, double[]> counts(
      TestContext ctx, List<Column> features, boolean evaluation) {
    String k =
        features.stream()
            .map(
                c -> "CAST(" + c.nullExpr(evaluation ? c.evalType() : c.refType()) + " AS INTEGER)")
            .collect(Collectors.joining(" + "));
    String p = ctx.hasPredictions() ? ctx.predExpr() : "NULL::DOUBLE";
    String sql =
        "SELECT k, count(*), count(p), coalesce(sum(p), 0) FROM (SELECT "
            + k
            + " AS k, "
            + p
            + " AS p FROM "
            + ctx.table(evaluation)
            + ") GROUP BY k";
    TreeMap<Integer, double[]> out = new TreeMap<>();
    for (Object[] row :
        ctx.db()
            .query(
                sql,
                rs ->
                    new Object[] {
                      rs.getInt(1), new double[] {rs.getLong(2), rs.getLong(3), Db.getDouble(rs, 4)}
                    })) {
      out.put((Integer) row[0], (double[]) row[1]);
    }
    return out;
  }

  private static Histogram histogram(TreeSet<Integer> union, TreeMap<Integer, double[]> counts) {
    List<String> labels = new ArrayList<>();
    long[] rows = new long[union.size()];
    long[] predCounts = new long[union.size()];
    double[] predSums = new double[union.size()];
    int i = 0;
    for (int k : union) {
      labels.add(k + " missing");
      double[] c = counts.get(k);
      if (c != null) {
        rows[i] = (long) c[0];
        predCounts[i] = (long) c[1];
        predSums[i] = c[2];
      }
      i++;
    }
    return new Histogram(labels, rows, predCounts, predSums);
  }

  private static Double mean(TreeSet<Integer> union, TreeMap<Integer, double[]> counts, long n) {
    if (n == 0) {
      return null;
    }
    double sum = 0;
    for (int k : union) {
      double[] c = counts.get(k);
      sum += c == null ? 0 : k * c[0];
    }
    return sum / n;
  }
}
