// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.List;
import java.util.Map;

/**
 * Null Check: for features with no missing value (null, or NaN in a float column) in the reference
 * data, evaluation rows with a missing value fail. Features with missing values in the reference
 * are skipped. Judged by {@link AbnormalInputs}.
 */
public final class NullCheckTest implements StressTest {

  @Override
  public String id() {
    return "null_check";
  }

  @Override
  public String displayName() {
    return "Null Check";
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
        this, ctx.features(params, c -> true), "input", c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    long refNulls =
        ctx.db()
            .scalarLong(
                "SELECT count(*) FROM " + ctx.refTable() + " WHERE " + c.nullExpr(c.refType()));
    if (refNulls > 0) {
      throw new SkipTest(
          "'"
              + c.name()
              + "' has "
              + refNulls
              + " missing values in the reference data; the test applies to features with none");
    }
    return AbnormalInputs.judge(
        ctx, this, params, c, c.nullExpr(c.evalType()), "missing values (null or NaN)", Map.of());
  }
}
