// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import static dev.rime.engine.tests.dependence.DependenceParams.fmt;
import static dev.rime.engine.tests.dependence.DependenceParams.p;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.stats.Contingency;
import dev.rime.engine.stats.NullSimulation;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import dev.rime.engine.tests.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * Judges the change of one normalised mutual information ({@link Contingency#normalized()}) between
 * reference and evaluation data: {@code |NMI_ref − NMI_eval|} (drift) or {@code NMI_ref − NMI_eval}
 * (a decrease) against the thresholds. A change reaching the low threshold counts only when it
 * exceeds the low threshold by more than sampling noise explains ({@link NullSimulation} of the
 * change with the low threshold as margin, p &lt; {@code p_value_threshold}): with a few hundred
 * rows the NMI of two samples of one distribution differs by about 0.05, so a plain test of "no
 * change" would let a threshold of 0.1 fire on noise in a few percent of features (ADR 0008). The
 * simulation runs only for a change that reaches the low threshold; below it the case passes
 * without one (p-value null).
 */
public final class MiChange {

  /** Which change of the normalised mutual information counts. */
  public enum Alternative {
    /** {@code |NMI_ref − NMI_eval|}: drift either way. */
    TWO_SIDED,
    /** {@code NMI_ref − NMI_eval}: only a fall counts. */
    DECREASE
  }

  private MiChange() {}

  /**
   * The case of one pair of variables.
   *
   * @param features the case's features
   * @param variables the names of the tables' row and column variables
   * @param what how the description names the pair, e.g. {@code 'a' and 'b'}
   * @param thresholdsKey the test's thresholds parameter
   * @param details added to the case's details
   * @throws SkipTest when either table is empty
   */
  public static TestCase judge(
      TestContext ctx,
      StressTest test,
      TestParams params,
      List<String> features,
      List<String> variables,
      String what,
      Contingency ref,
      Contingency eval,
      String thresholdsKey,
      Alternative alternative,
      Map<String, Object> details) {
    long nRef = ref.total();
    long nEval = eval.total();
    if (nRef == 0 || nEval == 0) {
      throw new SkipTest(
          "no rows to measure "
              + what
              + " on in the "
              + (nRef == 0 ? "reference" : "evaluation")
              + " data");
    }
    Thresholds thresholds = params.thresholds(thresholdsKey);
    double alpha = SignificanceParams.alpha(params);
    int simulations = SignificanceParams.simulations(params);
    boolean decrease = alternative == Alternative.DECREASE;

    // Measure.
    double nmiRef = ref.normalized();
    double nmiEval = eval.normalized();
    double change = decrease ? nmiRef - nmiEval : Math.abs(nmiRef - nmiEval);
    Severity reached = thresholds.severity(change);
    NullSimulation sig = null;
    if (reached != Severity.NONE) {
      sig =
          NullSimulation.of(
              ref.counts(),
              eval.counts(),
              simulations,
              SignificanceParams.seed(ctx, test, String.join("/", features)),
              statistic(ref.rows(), ref.cols(), alternative),
              thresholds.low());
    }

    // Judge.
    Verdict verdict = Verdict.of(reached, sig != null && sig.pValue() < alpha);
    Severity severity = verdict.severity();
    NullSimulation noise = sig;
    String head =
        String.format(
            Locale.ROOT,
            "Normalised mutual information of %s is %s in the reference and %s in the evaluation"
                + " data, %s",
            what,
            fmt(nmiRef),
            fmt(nmiEval),
            decrease
                ? (change >= 0 ? "a fall of " + fmt(change) : "no fall")
                : "a change of " + fmt(change));
    String tail =
        verdict.describe(
            () ->
                (decrease && change < 0 ? "" : ", below the low threshold " + fmt(thresholds.low()))
                    + ", so there is no "
                    + (decrease ? "decrease" : "drift")
                    + ".",
            () ->
                String.format(
                    Locale.ROOT,
                    "; it reaches the %s threshold %s, but two samples of these sizes (%d and %d"
                        + " rows) from one joint distribution %s by more than the %s it exceeds the"
                        + " low threshold by in %.0f%% of draws (p-value %s, not below"
                        + " p_value_threshold %s; mean %s from noise alone %s), so none is"
                        + " claimed.",
                    Thresholds.levelName(reached),
                    fmt(thresholds.of(reached)),
                    nRef,
                    nEval,
                    decrease ? "fall" : "differ",
                    fmt(change - thresholds.low()),
                    100 * noise.reachedFraction(),
                    p(noise.pValue()),
                    fmt(alpha),
                    decrease ? "fall" : "change",
                    fmt(noise.nullMean())),
            () ->
                String.format(
                    Locale.ROOT,
                    ", at or above the %s threshold %s; it exceeds the low threshold by more than"
                        + " sampling noise explains (p-value %s; mean %s from noise alone %s), so"
                        + " severity is %s.",
                    Thresholds.levelName(severity),
                    fmt(thresholds.of(severity)),
                    p(noise.pValue()),
                    decrease ? "fall" : "change",
                    fmt(noise.nullMean()),
                    Thresholds.severityName(severity)));
    tail += singleValued(variables, ref, "reference") + singleValued(variables, eval, "evaluation");
    CaseBuilder b =
        CaseBuilder.of(test)
            .features(features)
            .judged(severity)
            .importance(Math.max(0, change))
            .metric("ref_nmi", nmiRef)
            .metric("eval_nmi", nmiEval)
            .metric(decrease ? "nmi_decrease" : "nmi_change", change)
            .metric("ref_mi_nats", ref.mutualInformation())
            .metric("eval_mi_nats", eval.mutualInformation())
            .metric("p_value", sig == null ? null : sig.pValue())
            .metric(
                decrease ? "null_decrease_mean" : "null_change_mean",
                sig == null ? null : sig.nullMean())
            .metric("num_ref_rows", nRef)
            .metric("num_eval_rows", nEval)
            .detail(thresholdsKey, thresholds.toList())
            .detail("p_value_threshold", alpha)
            .detail("num_null_simulations", simulations)
            .detail("normalization", NORMALIZATION)
            .description(head + tail);
    details.forEach(b::detail);
    return b.build();
  }

  /** How the mutual information is normalised, for test case details. */
  public static final String NORMALIZATION =
      "MI / min(H_a, H_b), in nats on the coded values (scikit-learn"
          + " normalized_mutual_info_score with average_method='min')";

  /**
   * The statistic of a change between two tables of {@code rows × cols} dense counts: {@code
   * |NMI_ref − NMI_eval|}, or {@code NMI_ref − NMI_eval} for a decrease.
   */
  static ToDoubleBiFunction<long[], long[]> statistic(int rows, int cols, Alternative alternative) {
    return (a, b) -> {
      double d = Contingency.normalized(a, rows, cols) - Contingency.normalized(b, rows, cols);
      return alternative == Alternative.DECREASE ? d : Math.abs(d);
    };
  }

  /** A note when a variable has a single value on one side (its NMI there is 0 by definition). */
  private static String singleValued(List<String> variables, Contingency t, String side) {
    String one = null;
    if (t.entropyRows() == 0) {
      one = variables.get(0);
    } else if (t.entropyCols() == 0) {
      one = variables.get(1);
    }
    return one == null
        ? ""
        : " '" + one + "' has a single value in the " + side + " data, so it tells nothing there.";
  }
}
