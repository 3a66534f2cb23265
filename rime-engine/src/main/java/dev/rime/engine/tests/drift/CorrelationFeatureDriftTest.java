// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.dependence.CorrelationChange;
import dev.rime.engine.tests.dependence.DependenceParams;
import dev.rime.engine.tests.dependence.Pairs;
import dev.rime.engine.tests.dependence.PearsonMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Correlation Drift (Feature-to-Feature): the Pearson correlation of each pair of numeric features
 * in reference and evaluation data. Pairs whose |r| reaches {@code min_correlation} in either
 * dataset are tested, the most correlated first (ties in file order), at most {@code
 * max_pairwise_tests}; they are judged together by {@link CorrelationChange}: {@code |r_ref −
 * r_eval|} against {@code correlation_drift_thresholds}, when it exceeds the low threshold by more
 * than sampling noise explains (Fisher's z, Benjamini-Hochberg over the pairs tested).
 */
public final class CorrelationFeatureDriftTest implements StressTest {

  @Override
  public String id() {
    return "correlation_feat_drift";
  }

  @Override
  public String displayName() {
    return "Correlation Drift (Feature-to-Feature)";
  }

  @Override
  public String category() {
    return "Drift";
  }

  @Override
  public List<Param> params() {
    return List.of(
        DependenceParams.CORRELATION_DRIFT_THRESHOLDS,
        SignificanceParams.P_VALUE_THRESHOLD,
        Param.number("min_correlation", 0.1, Range.UNIT),
        DependenceParams.MAX_PAIRWISE_TESTS);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<String> features =
        ctx.features(params, Column::isNumeric).stream()
            .map(Column::name)
            .collect(Collectors.toList());
    if (features.size() < 2) {
      return List.of(
          CaseBuilder.skip(
              this, features, "fewer than two numeric features: no pair to correlate"));
    }
    PearsonMatrix m = PearsonMatrix.of(ctx);
    double min = params.number("min_correlation");
    Pairs.Selection selection =
        Pairs.select(
            features,
            (a, b) -> strength(m.value(false, a, b).r(), m.value(true, a, b).r()),
            min,
            params.integer(DependenceParams.MAX_PAIRWISE_TESTS.key()));
    if (selection.selected().isEmpty()) {
      return List.of(
          CaseBuilder.skip(
              this,
              List.of(),
              String.format(
                  Locale.ROOT,
                  "no pair of the %d numeric features has |correlation| ≥ min_correlation %s in"
                      + " either dataset (%d pairs)",
                  features.size(),
                  min,
                  selection.numPairs())));
    }
    List<CorrelationChange.Correlation> correlations = new ArrayList<>();
    for (Pairs.Ranked p : selection.selected()) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("min_correlation", min);
      details.put("pair_rank", correlations.size() + 1);
      details.put("num_candidate_pairs", selection.numCandidates());
      details.put("num_pairs", selection.numPairs());
      correlations.add(
          new CorrelationChange.Correlation(
              p.features(),
              "'" + p.a() + "' and '" + p.b() + "'",
              m.value(false, p.a(), p.b()),
              m.value(true, p.a(), p.b()),
              details));
    }
    return CorrelationChange.judge(this, params, correlations);
  }

  /** {@code max(|r_ref|, |r_eval|)} over the defined ones; null when neither is. */
  static Double strength(Double ref, Double eval) {
    if (ref == null && eval == null) {
      return null;
    }
    return Math.max(ref == null ? 0 : Math.abs(ref), eval == null ? 0 : Math.abs(eval));
  }
}
