// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.stats.ProportionZTest;
import dev.rime.engine.stats.Psi;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.List;
import java.util.Locale;

/**
 * Nulls Per Feature Drift: per feature, the share of missing values (null, or NaN in a float
 * column) in the reference against the evaluation data, by the two-sample z-test of proportions
 * with the pooled variance (ADR 0009). Drift when p &lt; {@code p_value_threshold} and the share
 * changed by at least the low {@code severity_thresholds} (a change beyond noise can be negligible
 * on millions of rows). Severity: with predictions, from the impact on the average prediction (as
 * feature drift, over the bins "missing" and "present") against {@code
 * performance_change_thresholds} (null: {@code [s, 4s, 10s]}), at least LOW; without, from the
 * absolute change of the share against {@code severity_thresholds}.
 */
public final class NullProportionTest implements StressTest {

  @Override
  public String id() {
    return "null_proportion";
  }

  @Override
  public String displayName() {
    return "Nulls Per Feature Drift";
  }

  @Override
  public String category() {
    return "Drift";
  }

  @Override
  public List<Param> params() {
    return List.of(
        FeatureDrift.MIN_SAMPLE_SIZE,
        SignificanceParams.P_VALUE_THRESHOLD,
        Param.thresholds("severity_thresholds", Range.UNIT, 0.01, 0.05, 0.1),
        FeatureDrift.PERFORMANCE_CHANGE_THRESHOLDS);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<Column> features = ctx.features(params, c -> true);
    if (!features.isEmpty()) {
      FeatureDrift.requireSamples(
          "the data",
          "rows",
          ctx.ref().rows(),
          ctx.eval().rows(),
          params.integer("min_sample_size"));
    }
    NullCounts ref = features.isEmpty() ? null : NullCounts.of(ctx, features, false);
    NullCounts eval = features.isEmpty() ? null : NullCounts.of(ctx, features, true);
    return FeatureCases.each(
        this, features, "input", c -> judge(ctx, params, c, ref, eval, features.indexOf(c)));
  }

  private TestCase judge(
      TestContext ctx, TestParams params, Column c, NullCounts ref, NullCounts eval, int i) {
    if (ref.rows() == 0 || eval.rows() == 0) {
      throw new SkipTest("a dataset has no rows");
    }
    double alpha = SignificanceParams.alpha(params);
    Thresholds thresholds = params.thresholds("severity_thresholds");

    // Measure.
    ProportionZTest z =
        ProportionZTest.of(ref.missing()[i], ref.rows(), eval.missing()[i], eval.rows());
    double change = z.p2() - z.p1();
    Double impact = null;
    if (ctx.hasPredictions()) {
      Histogram hr = ref.histogram(i);
      Histogram he = eval.histogram(i);
      impact =
          FeatureDrift.impact(
              hr,
              he,
              Psi.proportions(hr.counts()),
              Psi.proportions(he.counts()),
              ctx.referenceAveragePrediction());
    }

    // Judge.
    boolean significant = z.pValue() < alpha;
    boolean drift = significant && Math.abs(change) >= thresholds.low();
    Thresholds impactThresholds = FeatureDrift.impactThresholds(ctx, params);
    Severity severity =
        FeatureDrift.severity(drift, impact, impactThresholds, Math.abs(change), thresholds);
    String verdict;
    if (!significant) {
      verdict =
          String.format(
              Locale.ROOT,
              "p-value %.3g, not below p_value_threshold %.3g: within sampling noise, so no drift"
                  + " is claimed.",
              z.pValue(),
              alpha);
    } else if (!drift) {
      verdict =
          String.format(
              Locale.ROOT,
              "p-value %.3g: beyond sampling noise, but the change is below the low threshold"
                  + " %.4g, so there is no drift.",
              z.pValue(),
              thresholds.low());
    } else if (impact == null) {
      verdict =
          String.format(
              Locale.ROOT,
              "p-value %.3g: beyond sampling noise, and the change reaches the %s threshold %.4g.",
              z.pValue(),
              Thresholds.levelName(severity),
              thresholds.of(severity));
    } else {
      verdict =
          String.format(
              Locale.ROOT,
              "p-value %.3g: beyond sampling noise, and at least the low threshold %.4g; the shift"
                  + " alone would move the average prediction by %.4g, so severity is %s.",
              z.pValue(),
              thresholds.low(),
              impact,
              Thresholds.severityName(severity));
    }
    return CaseBuilder.of(this)
        .feature(c.name())
        .judged(severity)
        .importance(impact != null ? impact : Math.abs(change))
        .metric("ref_null_proportion", z.p1())
        .metric("eval_null_proportion", z.p2())
        .metric("null_proportion_change", change)
        .metric("z_statistic", z.z())
        .metric("p_value", z.pValue())
        .metric("prediction_impact", impact)
        .metric("num_ref_nulls", ref.missing()[i])
        .metric("num_eval_nulls", eval.missing()[i])
        .metric("num_ref_rows", ref.rows())
        .metric("num_eval_rows", eval.rows())
        .detail("p_value_threshold", alpha)
        .detail("severity_thresholds", thresholds.toList())
        .detail("performance_change_thresholds", impact != null ? impactThresholds.toList() : null)
        .description(
            String.format(
                    Locale.ROOT,
                    "'%s' is missing in %.2f%% of reference rows (%d of %d) and %.2f%% of"
                        + " evaluation rows (%d of %d), a change of %+.2f points; the"
                        + " two-proportion z-test gives ",
                    c.name(),
                    100 * z.p1(),
                    ref.missing()[i],
                    ref.rows(),
                    100 * z.p2(),
                    eval.missing()[i],
                    eval.rows(),
                    100 * change)
                + verdict)
        .build();
  }
}
