// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.stats.Contingency;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.dependence.DependenceParams;
import dev.rime.engine.tests.dependence.Discretised;
import dev.rime.engine.tests.dependence.MiChange;
import dev.rime.engine.tests.dependence.MiChange.Alternative;
import dev.rime.engine.tests.dependence.PairCases;
import dev.rime.engine.tests.dependence.Pairs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Mutual Information Drift (Feature-to-Feature): the normalised mutual information of each pair of
 * numeric, categorical or boolean features ({@link Discretised} codes, {@code MI / min(H_a, H_b)})
 * in reference and evaluation data. Pairs whose NMI reaches {@code min_mutual_information} in
 * either dataset are tested, the most dependent first (ties in file order), at most {@code
 * max_pairwise_tests}; each is judged by {@link MiChange}: {@code |NMI_ref − NMI_eval|} against
 * {@code mutual_information_thresholds}, when beyond sampling noise. Fewer than {@code
 * min_sample_size} rows in either dataset → SKIP.
 */
public final class MutualInformationFeatureDriftTest implements StressTest {

  @Override
  public String id() {
    return "mutual_information_feat_drift";
  }

  @Override
  public String displayName() {
    return "Mutual Information Drift (Feature-to-Feature)";
  }

  @Override
  public String category() {
    return "Drift";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.number("min_mutual_information", 0.1, Range.UNIT),
        DependenceParams.MUTUAL_INFORMATION_THRESHOLDS,
        DependenceParams.MAX_PAIRWISE_TESTS,
        Param.integer("min_sample_size", 100, Range.intsFrom(1)),
        SignificanceParams.P_VALUE_THRESHOLD,
        SignificanceParams.NUM_NULL_SIMULATIONS);
  }

  @Override
  public void checkParams(TestParams params) {
    SignificanceParams.checkSimulations(params);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<String> features =
        ctx.features(params, c -> c.isNumeric() || c.isCategorical()).stream()
            .map(Column::name)
            .collect(Collectors.toList());
    if (features.size() < 2) {
      throw new SkipTest("fewer than two numeric or categorical features: no pair to compare");
    }
    int minRows = params.integer("min_sample_size");
    if (ctx.ref().rows() < minRows || ctx.eval().rows() < minRows) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "%d reference and %d evaluation rows; min_sample_size is %d",
              ctx.ref().rows(),
              ctx.eval().rows(),
              minRows));
    }
    Discretised codes = Discretised.of(ctx);
    double min = params.number("min_mutual_information");
    // Every pair's NMI on both datasets, counted together; only the selected pairs' tables are
    // counted again and kept.
    List<List<String>> all = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      for (int j = i + 1; j < features.size(); j++) {
        all.add(List.of(features.get(i), features.get(j)));
      }
    }
    double[][] nmi = new double[2][all.size()];
    for (int side = 0; side < 2; side++) {
      double[] out = nmi[side];
      codes.pairTables(side == 1, all, (k, t) -> out[k] = t.normalized());
    }
    Map<List<String>, Double> strength = new HashMap<>();
    for (int k = 0; k < all.size(); k++) {
      strength.put(all.get(k), Math.max(nmi[0][k], nmi[1][k]));
    }
    Pairs.Selection selection =
        Pairs.select(
            features,
            (a, b) -> strength.get(List.of(a, b)),
            min,
            params.integer(DependenceParams.MAX_PAIRWISE_TESTS.key()));
    if (selection.selected().isEmpty()) {
      return List.of(
          CaseBuilder.skip(
              this,
              List.of(),
              String.format(
                  Locale.ROOT,
                  "no pair of the %d features has normalised mutual information ≥"
                      + " min_mutual_information %s in either dataset (%d pairs)",
                  features.size(),
                  min,
                  selection.numPairs())));
    }
    List<List<String>> chosen =
        selection.selected().stream().map(Pairs.Ranked::features).collect(Collectors.toList());
    Map<List<String>, Contingency[]> tables = new HashMap<>();
    for (int side = 0; side < 2; side++) {
      int s = side;
      codes.pairTables(
          side == 1,
          chosen,
          (k, t) -> tables.computeIfAbsent(chosen.get(k), x -> new Contingency[2])[s] = t);
    }
    int[] rank = {0};
    return PairCases.each(
        this,
        selection.selected(),
        p -> {
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("min_mutual_information", min);
          details.put("pair_rank", ++rank[0]);
          details.put("num_candidate_pairs", selection.numCandidates());
          details.put("num_pairs", selection.numPairs());
          details.put("binning", codes.describe(p.a(), p.b()));
          return MiChange.judge(
              ctx,
              this,
              params,
              p.features(),
              p.features(),
              "'" + p.a() + "' and '" + p.b() + "'",
              tables.get(p.features())[0],
              tables.get(p.features())[1],
              DependenceParams.MUTUAL_INFORMATION_THRESHOLDS.key(),
              Alternative.TWO_SIDED,
              details);
        });
  }
}
