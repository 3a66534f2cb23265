// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import static dev.rime.engine.tests.dependence.DependenceParams.fmt;
import static dev.rime.engine.tests.dependence.DependenceParams.p;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.stats.FisherZ;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.List;
import java.util.Map;

/**
 * Judges the change of one Pearson correlation between reference and evaluation data (the
 * correlation drift tests): the change {@code |r_ref − r_eval|} is judged against {@code
 * correlation_drift_thresholds}, and counts only when Fisher's z test finds it significant ({@link
 * FisherZ}, p &lt; {@code p_value_threshold}); otherwise PASS.
 */
public final class CorrelationChange {

  private CorrelationChange() {}

  /**
   * The case of one correlation.
   *
   * @param features the case's features
   * @param what how the description names the pair, e.g. {@code 'a' and 'b'}
   * @param details added to the case's details (e.g. how the pair was chosen)
   * @throws SkipTest when the correlation is undefined on either side
   */
  public static TestCase judge(
      StressTest test,
      TestParams params,
      List<String> features,
      String what,
      PearsonMatrix.Value ref,
      PearsonMatrix.Value eval,
      Map<String, Object> details) {
    requireDefined(what, ref, "reference");
    requireDefined(what, eval, "evaluation");
    Thresholds thresholds = params.thresholds(DependenceParams.CORRELATION_DRIFT_THRESHOLDS.key());
    double alpha = SignificanceParams.alpha(params);

    // Measure.
    double change = Math.abs(ref.r() - eval.r());
    double pValue = FisherZ.pValue(ref.r(), ref.rows(), eval.r(), eval.rows());

    // Judge.
    Severity reached = thresholds.severity(change);
    Severity severity = pValue < alpha ? reached : Severity.NONE;
    String head =
        "Pearson correlation of "
            + what
            + " is "
            + fmt(ref.r())
            + " in the reference and "
            + fmt(eval.r())
            + " in the evaluation data, a change of "
            + fmt(change);
    String tail;
    if (reached == Severity.NONE) {
      tail =
          ", below the low threshold "
              + fmt(thresholds.low())
              + ", so there is no correlation drift (Fisher's z p-value "
              + p(pValue)
              + ").";
    } else if (severity == Severity.NONE) {
      tail =
          "; it reaches the "
              + Thresholds.levelName(reached)
              + " threshold "
              + fmt(thresholds.of(reached))
              + ", but with "
              + ref.rows()
              + " and "
              + eval.rows()
              + " rows Fisher's z test finds it within sampling noise (p-value "
              + p(pValue)
              + ", not below p_value_threshold "
              + fmt(alpha)
              + "), so no drift is claimed.";
    } else {
      tail =
          ", at or above the "
              + Thresholds.levelName(severity)
              + " threshold "
              + fmt(thresholds.of(severity))
              + " and significant by Fisher's z test (p-value "
              + p(pValue)
              + "), so severity is "
              + Thresholds.severityName(severity)
              + ".";
    }
    CaseBuilder b =
        CaseBuilder.of(test)
            .features(features)
            .judged(severity)
            .importance(change)
            .metric("ref_correlation", ref.r())
            .metric("eval_correlation", eval.r())
            .metric("correlation_difference", change)
            .metric("p_value", pValue)
            .metric("num_ref_rows", ref.rows())
            .metric("num_eval_rows", eval.rows())
            .detail("correlation_drift_thresholds", thresholds.toList())
            .detail("p_value_threshold", alpha)
            .detail("correlation", "Pearson, on the rows where both values are finite")
            .description(head + tail);
    details.forEach(b::detail);
    return b.build();
  }

  private static void requireDefined(String what, PearsonMatrix.Value v, String side) {
    if (v.r() == null || v.rows() < FisherZ.MIN_ROWS) {
      throw new SkipTest(
          "the correlation of "
              + what
              + " is undefined in the "
              + side
              + " data: "
              + (v.rows() < FisherZ.MIN_ROWS
                  ? v.rows() + " rows have both values (Fisher's z test needs 4)"
                  : "a column is constant on the " + v.rows() + " rows that have both values"));
    }
  }
}
