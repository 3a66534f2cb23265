// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.api.result.TestCase;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.dependence.DependenceParams;
import dev.rime.engine.tests.dependence.Discretised;
import dev.rime.engine.tests.dependence.MiChange;
import dev.rime.engine.tests.dependence.MiChange.Alternative;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutual Information Drift (Feature-to-Label): the normalised mutual information of each numeric,
 * categorical or boolean feature with the label ({@link Discretised} codes, labelled rows only) in
 * reference and evaluation data, judged by {@link MiChange}: {@code |NMI_ref − NMI_eval|} against
 * {@code mutual_information_thresholds}, when beyond sampling noise.
 */
public final class MutualInformationLabelDriftTest implements StressTest {

  @Override
  public String id() {
    return "mutual_information_label_drift";
  }

  @Override
  public String displayName() {
    return "Mutual Information Drift (Feature-to-Label)";
  }

  @Override
  public String category() {
    return "Drift";
  }

  @Override
  public List<Param> params() {
    return List.of(
        DependenceParams.MUTUAL_INFORMATION_THRESHOLDS,
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
        c -> {
          Discretised codes = Discretised.of(ctx);
          String label = codes.label();
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("label", label);
          details.put("binning", codes.describe(c.name(), label));
          return MiChange.judge(
              ctx,
              this,
              params,
              List.of(c.name()),
              List.of(c.name(), label),
              "'" + c.name() + "' and the label '" + label + "'",
              codes.table(false, c.name(), label),
              codes.table(true, c.name(), label),
              DependenceParams.MUTUAL_INFORMATION_THRESHOLDS.key(),
              Alternative.TWO_SIDED,
              details);
        });
  }
}
