// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.List;
import java.util.Map;

/**
 * Unseen Categorical: evaluation rows whose (non-missing) value of a categorical feature never
 * occurs in the reference data, categories compared as {@link Column#catExpr()} gives them (numbers
 * by value: {@code 1} and {@code 1.0} are one category). Judged by {@link AbnormalInputs}.
 */
public final class UnseenCategoricalTest implements StressTest {

  @Override
  public String id() {
    return "unseen_categorical";
  }

  @Override
  public String displayName() {
    return "Unseen Categorical";
  }

  @Override
  public String category() {
    return "Abnormal Inputs";
  }

  @Override
  public List<Param> params() {
    return List.of(Param.performanceChangeConfig());
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    return FeatureCases.each(
        this,
        ctx.features(params, Column::isCategorical),
        "categorical",
        c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    String seen = AbnormalInputs.referenceValues(ctx, c.catExpr());
    String failing =
        c.catExpr() + " IS NOT NULL AND " + c.catExpr() + " NOT IN (SELECT v FROM " + seen + ")";
    return AbnormalInputs.judge(
        ctx,
        this,
        params,
        c,
        failing,
        "values never seen in the reference data",
        Map.of("examples", AbnormalInputs.examples(ctx, c.catExpr(), failing)));
  }
}
