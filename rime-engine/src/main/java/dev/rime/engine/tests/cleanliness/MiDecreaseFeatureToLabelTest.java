// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.cleanliness;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.stats.Contingency;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.dependence.Discretised;
import dev.rime.engine.tests.dependence.MiChange;
import dev.rime.engine.tests.dependence.MiChange.Alternative;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mutual Information Decrease (Feature to Label): features that told the model something about the
 * label in the reference data (normalised mutual information ≥ {@code
 * min_mutual_information_requirement}) and tell it less in the evaluation data. The fall {@code
 * NMI_ref − NMI_eval} ({@link Discretised} codes, labelled rows) is judged against {@code
 * severity_thresholds} when beyond sampling noise (one-sided, {@link MiChange}); features below the
 * requirement are skipped with the reason.
 */
public final class MiDecreaseFeatureToLabelTest implements StressTest {

  @Override
  public String id() {
    return "mi_decrease_feature_to_label";
  }

  @Override
  public String displayName() {
    return "Mutual Information Decrease (Feature to Label)";
  }

  @Override
  public String category() {
    return "Data Cleanliness";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.thresholds("severity_thresholds", Range.UNIT, 0.1, 0.2, 0.3),
        Param.number("min_mutual_information_requirement", 0.2, Range.UNIT),
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
    double requirement = params.number("min_mutual_information_requirement");
    return FeatureCases.each(
        this,
        ctx.features(params, c -> c.isNumeric() || c.isCategorical()),
        "numeric or categorical",
        c -> {
          Discretised codes = Discretised.of(ctx);
          String label = codes.label();
          Contingency ref = codes.table(false, c.name(), label);
          double nmiRef = ref.normalized();
          if (nmiRef < requirement) {
            throw new SkipTest(
                String.format(
                    Locale.ROOT,
                    "normalised mutual information of '%s' with the label '%s' in the reference"
                        + " data is %.4g, below min_mutual_information_requirement %s: the"
                        + " feature told the model too little about the label for a fall to"
                        + " matter",
                    c.name(),
                    label,
                    nmiRef,
                    requirement));
          }
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("label", label);
          details.put("min_mutual_information_requirement", requirement);
          details.put("binning", codes.describe(c.name(), label));
          return MiChange.judge(
              ctx,
              this,
              params,
              List.of(c.name()),
              List.of(c.name(), label),
              "'" + c.name() + "' and the label '" + label + "'",
              ref,
              codes.table(true, c.name(), label),
              "severity_thresholds",
              Alternative.DECREASE,
              details);
        });
  }
}
