// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import static dev.rime.engine.tests.dependence.DependenceParams.fmt;
import static dev.rime.engine.tests.dependence.DependenceParams.p;

import dev.rime.api.result.TestCase;
import dev.rime.engine.stats.FisherZ;
import dev.rime.engine.stats.MultipleTesting;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import dev.rime.engine.tests.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges the changes of Pearson correlations between reference and evaluation data (the correlation
 * drift tests), all those one test looks at together (ADR 0008):
 *
 * <ol>
 *   <li>measure: the change {@code |r_ref − r_eval|} and its p-value under "the correlation moved
 *       by at most the low threshold" ({@link FisherZ#minimumEffectPValue}, the low threshold as
 *       margin): a change must exceed the low threshold by more than sampling noise explains, as
 *       for mutual information;
 *   <li>adjust: the p-values of every correlation measured, by Benjamini-Hochberg ({@link
 *       MultipleTesting}): with 200 pairs, 10 would pass p &lt; 0.05 by chance alone;
 *   <li>judge: the change against {@code correlation_drift_thresholds}, counting only when the
 *       adjusted p-value is below {@code p_value_threshold}; otherwise PASS.
 * </ol>
 */
public final class CorrelationChange {

  /**
   * One correlation to judge.
   *
   * @param features the case's features
   * @param what how the description names the pair, e.g. {@code 'a' and 'b'}
   * @param ref the reference correlation
   * @param eval the evaluation correlation
   * @param details added to the case's details (e.g. how the pair was chosen)
   */
  public record Correlation(
      List<String> features,
      String what,
      PearsonMatrix.Value ref,
      PearsonMatrix.Value eval,
      Map<String, Object> details) {}

  /** A correlation measured: its change and p-value before adjustment. */
  private record Measured(int index, Correlation c, double change, double pValue) {}

  private CorrelationChange() {}

  /**
   * One case per correlation, in order: SKIP when the correlation is undefined on either side, a
   * failed case when measuring it raised, else judged with the p-values of all the measured ones
   * adjusted together.
   */
  public static List<TestCase> judge(
      StressTest test, TestParams params, List<Correlation> correlations) {
    Thresholds thresholds = params.thresholds(DependenceParams.CORRELATION_DRIFT_THRESHOLDS.key());
    double alpha = SignificanceParams.alpha(params);

    // Measure.
    TestCase[] out = new TestCase[correlations.size()];
    List<Measured> measured = new ArrayList<>();
    for (int i = 0; i < correlations.size(); i++) {
      Correlation c = correlations.get(i);
      try {
        requireDefined(c.what(), c.ref(), "reference");
        requireDefined(c.what(), c.eval(), "evaluation");
        double change = Math.abs(c.ref().r() - c.eval().r());
        double p =
            FisherZ.minimumEffectPValue(
                c.ref().r(), c.ref().rows(), c.eval().r(), c.eval().rows(), thresholds.low());
        measured.add(new Measured(i, c, change, p));
      } catch (SkipTest s) {
        out[i] = CaseBuilder.skip(test, c.features(), s.getMessage());
      } catch (RuntimeException | LinkageError | AssertionError e) {
        out[i] = CaseBuilder.error(test, c.features(), e);
      }
    }
    double[] adjusted =
        MultipleTesting.benjaminiHochberg(
            measured.stream().mapToDouble(Measured::pValue).toArray());

    // Judge.
    for (int k = 0; k < measured.size(); k++) {
      Measured m = measured.get(k);
      out[m.index()] =
          judgeOne(test, thresholds, alpha, m, adjusted[k], measured.size(), m.c().details());
    }
    return List.of(out);
  }

  private static TestCase judgeOne(
      StressTest test,
      Thresholds thresholds,
      double alpha,
      Measured m,
      double adjusted,
      int tested,
      Map<String, Object> details) {
    PearsonMatrix.Value ref = m.c().ref();
    PearsonMatrix.Value eval = m.c().eval();
    Verdict verdict = Verdict.of(thresholds.severity(m.change()), adjusted < alpha);
    String head =
        "Pearson correlation of "
            + m.c().what()
            + " is "
            + fmt(ref.r())
            + " in the reference and "
            + fmt(eval.r())
            + " in the evaluation data, a change of "
            + fmt(m.change());
    String tail =
        verdict.describe(
            () ->
                ", below the low threshold "
                    + fmt(thresholds.low())
                    + ", so there is no correlation drift.",
            () ->
                String.format(
                    Locale.ROOT,
                    "; it reaches the %s threshold %s, but with %d and %d rows it does not exceed"
                        + " the low threshold by more than sampling noise explains (Fisher's z"
                        + " p-value %s, %s adjusted over the %s tested; not below"
                        + " p_value_threshold %s), so no drift is claimed.",
                    Thresholds.levelName(verdict.reached()),
                    fmt(thresholds.of(verdict.reached())),
                    ref.rows(),
                    eval.rows(),
                    p(m.pValue()),
                    p(adjusted),
                    correlations(tested),
                    fmt(alpha)),
            () ->
                String.format(
                    Locale.ROOT,
                    ", at or above the %s threshold %s and beyond the low threshold by more than"
                        + " sampling noise explains (Fisher's z p-value %s, %s adjusted over the %s"
                        + " tested), so severity is %s.",
                    Thresholds.levelName(verdict.severity()),
                    fmt(thresholds.of(verdict.severity())),
                    p(m.pValue()),
                    p(adjusted),
                    correlations(tested),
                    Thresholds.severityName(verdict.severity())));
    CaseBuilder b =
        CaseBuilder.of(test)
            .features(m.c().features())
            .judged(verdict.severity())
            .importance(m.change())
            .metric("ref_correlation", ref.r())
            .metric("eval_correlation", eval.r())
            .metric("correlation_difference", m.change())
            .metric("p_value", m.pValue())
            .metric("adjusted_p_value", adjusted)
            .metric("num_ref_rows", ref.rows())
            .metric("num_eval_rows", eval.rows())
            .detail("correlation_drift_thresholds", thresholds.toList())
            .detail("p_value_threshold", alpha)
            .detail("correlation", "Pearson, on the rows where both values are finite")
            .detail(
                "significance",
                "Fisher's z test of a change beyond the low threshold, Benjamini-Hochberg over the"
                    + " correlations tested")
            .detail("num_correlations_tested", tested)
            .description(head + tail);
    details.forEach(b::detail);
    return b.build();
  }

  /** E.g. {@code 1 correlation}, {@code 12 correlations}. */
  private static String correlations(int n) {
    return n + (n == 1 ? " correlation" : " correlations");
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
