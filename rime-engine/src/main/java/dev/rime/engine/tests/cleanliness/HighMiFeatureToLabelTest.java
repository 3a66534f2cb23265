// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.cleanliness;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.stats.Contingency;
import dev.rime.engine.stats.NullSimulation;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import dev.rime.engine.tests.Verdict;
import dev.rime.engine.tests.dependence.Discretised;
import dev.rime.engine.tests.dependence.MiChange;
import java.util.List;
import java.util.Locale;

/**
 * High Mutual Information (Feature to Label): a feature that (nearly) determines the label, which
 * usually means the label leaked into it. The normalised mutual information with the label ({@link
 * Discretised} codes, labelled rows, {@code MI / min(H_feature, H_label)}: 1 when the feature
 * determines the label) is measured on both datasets and the larger judged against {@code
 * severity_thresholds}, when it is beyond what an independent feature shows with as many rows
 * ({@link NullSimulation#permutation}, p &lt; {@code p_value_threshold}): with few rows and many
 * categories every category is nearly pure by chance.
 */
public final class HighMiFeatureToLabelTest implements StressTest {

  @Override
  public String id() {
    return "high_mi_feature_to_label";
  }

  @Override
  public String displayName() {
    return "High Mutual Information (Feature to Label)";
  }

  @Override
  public String category() {
    return "Data Cleanliness";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.thresholds("severity_thresholds", Range.UNIT, 0.7, 0.8, 0.9),
        SignificanceParams.P_VALUE_THRESHOLD,
        SignificanceParams.NUM_NULL_SIMULATIONS);
  }

  @Override
  public void checkParams(TestParams params) {
    SignificanceParams.checkSimulations(params);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requireLabels();
    return FeatureCases.each(
        this,
        ctx.features(params, c -> c.isNumeric() || c.isCategorical()),
        "numeric or categorical",
        c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    Thresholds thresholds = params.thresholds("severity_thresholds");
    double alpha = SignificanceParams.alpha(params);
    int simulations = SignificanceParams.simulations(params);
    Discretised codes = Discretised.of(ctx);
    String label = codes.label();
    Contingency ref = codes.table(false, c.name(), label);
    Contingency eval = codes.table(true, c.name(), label);
    if (ref.total() == 0 && eval.total() == 0) {
      throw new SkipTest("no labelled rows in either dataset");
    }

    // Measure.
    Double nmiRef = ref.total() == 0 ? null : ref.normalized();
    Double nmiEval = eval.total() == 0 ? null : eval.normalized();
    boolean evalLarger = nmiRef == null || (nmiEval != null && nmiEval > nmiRef);
    double judged = evalLarger ? nmiEval : nmiRef;
    Contingency judgedTable = evalLarger ? eval : ref;
    Severity reached = thresholds.severity(judged);
    NullSimulation sig =
        reached == Severity.NONE
            ? null
            : NullSimulation.permutation(
                judgedTable.counts(),
                judgedTable.rows(),
                judgedTable.cols(),
                simulations,
                SignificanceParams.seed(ctx, this, c.name() + (evalLarger ? "/eval" : "/ref")),
                cells -> Contingency.normalized(cells, judgedTable.rows(), judgedTable.cols()));

    // Judge.
    Verdict verdict = Verdict.of(reached, sig != null && sig.pValue() < alpha);
    Severity severity = verdict.severity();
    String side = evalLarger ? "evaluation" : "reference";
    String head =
        String.format(
            Locale.ROOT,
            "Normalised mutual information of '%s' with the label '%s' is %s in the reference and"
                + " %s in the evaluation data",
            c.name(),
            label,
            fmt(nmiRef),
            fmt(nmiEval));
    String tail =
        verdict.describe(
            () ->
                String.format(
                    Locale.ROOT,
                    "; the larger, %.4g, is below the low threshold %s, so no sign of label"
                        + " leakage.",
                    judged,
                    fmt(thresholds.low())),
            () ->
                String.format(
                    Locale.ROOT,
                    "; the larger (%s), %.4g, reaches the %s threshold %s, but a feature"
                        + " independent of the label shows as much with %d rows and these"
                        + " categories (p-value %.3g, not below p_value_threshold %s; mean from"
                        + " noise alone %.4g), so no leakage is claimed.",
                    side,
                    judged,
                    Thresholds.levelName(reached),
                    fmt(thresholds.of(reached)),
                    judgedTable.total(),
                    sig.pValue(),
                    fmt(alpha),
                    sig.nullMean()),
            () ->
                String.format(
                    Locale.ROOT,
                    "; the larger (%s), %.4g, reaches the %s threshold %s and is far beyond what"
                        + " an independent feature shows (p-value %.3g; mean from noise alone"
                        + " %.4g): the feature nearly determines the label, which suggests label"
                        + " leakage.",
                    side,
                    judged,
                    Thresholds.levelName(severity),
                    fmt(thresholds.of(severity)),
                    sig.pValue(),
                    sig.nullMean()));
    return CaseBuilder.of(this)
        .feature(c.name())
        .judged(severity)
        .importance(judged)
        .metric("ref_nmi", nmiRef)
        .metric("eval_nmi", nmiEval)
        .metric("ref_mi_nats", ref.total() == 0 ? null : ref.mutualInformation())
        .metric("eval_mi_nats", eval.total() == 0 ? null : eval.mutualInformation())
        .metric("p_value", sig == null ? null : sig.pValue())
        .metric("null_nmi_mean", sig == null ? null : sig.nullMean())
        .metric("num_ref_rows", ref.total())
        .metric("num_eval_rows", eval.total())
        .detail("severity_thresholds", thresholds.toList())
        .detail("p_value_threshold", alpha)
        .detail("num_null_simulations", simulations)
        .detail("normalization", MiChange.NORMALIZATION)
        .detail("label", label)
        .detail("binning", codes.describe(c.name(), label))
        .description(head + tail)
        .build();
  }

  private static String fmt(Double v) {
    return v == null ? "undefined" : String.format(Locale.ROOT, "%.4g", v);
  }
}
