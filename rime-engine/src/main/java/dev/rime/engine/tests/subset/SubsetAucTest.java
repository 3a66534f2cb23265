// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.subset;

import dev.rime.engine.stats.Auc;
import dev.rime.engine.tests.TestContext;

/**
 * Subset AUC: AUC (Mann–Whitney with mid-ranks, computed in SQL per subset) of each subset against
 * the whole evaluation data, margin of error z times the Hanley–McNeil standard error; undefined
 * (not judged) for a subset with one label class. See {@link SubsetPerformance}.
 */
public final class SubsetAucTest extends SubsetPerformance {

  @Override
  public String id() {
    return "subset_auc";
  }

  @Override
  public String displayName() {
    return "Subset AUC";
  }

  @Override
  protected String metricName() {
    return "AUC";
  }

  @Override
  protected boolean needsRanks() {
    return true;
  }

  @Override
  protected Double overall(TestContext ctx) {
    return ctx.evalMetrics().auc();
  }

  @Override
  protected Double metric(SubsetCounts s) {
    return s.rankSumPositives() == null
        ? null
        : Auc.fromRankSum(s.rankSumPositives(), s.positives(), s.size() - s.positives());
  }

  @Override
  protected double margin(SubsetCounts s, double metric, double z) {
    return z * Auc.hanleyMcNeilSe(metric, s.positives(), s.size() - s.positives());
  }
}
