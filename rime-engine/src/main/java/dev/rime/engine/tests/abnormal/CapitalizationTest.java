// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Capitalization: evaluation rows whose text value of a string feature (string, e-mail, URL or
 * domain values) never occurs in the reference data while its lower case equals the lower case of a
 * reference value: {@code "PARIS"} where the reference has {@code "Paris"} (DuckDB's Unicode {@code
 * lower}). Judged by {@link AbnormalInputs}.
 */
public final class CapitalizationTest implements StressTest {

  @Override
  public String id() {
    return "capitalization";
  }

  @Override
  public String displayName() {
    return "Capitalization";
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
        this, ctx.features(params, Column::isText), "string", c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    String v = c.textExpr();
    String seen = AbnormalInputs.referenceValues(ctx, c.textExpr());
    String counts = AbnormalInputs.evaluationValues(ctx, v);
    String recased =
        "v NOT IN (SELECT v FROM " + seen + ") AND lower(v) IN (SELECT lower(v) FROM " + seen + ")";
    String failing = AbnormalInputs.failingValues(ctx, v, counts, recased);
    List<Map<String, Object>> examples =
        ctx.db()
            .query(
                "SELECT e.v, e.n, list_sort(list(k.v))[1:3] FROM (SELECT v, n FROM "
                    + counts
                    + " WHERE "
                    + recased
                    + " ORDER BY n DESC, v LIMIT 5) e JOIN "
                    + seen
                    + " k ON lower(k.v) = lower(e.v) GROUP BY e.v, e.n ORDER BY e.n DESC, e.v",
                rs -> {
                  Map<String, Object> e = new LinkedHashMap<>();
                  e.put("value", rs.getString(1));
                  e.put("count", rs.getLong(2));
                  e.put("reference_values", List.of((Object[]) rs.getArray(3).getArray()));
                  return e;
                });
    return AbnormalInputs.judge(
        ctx,
        this,
        params,
        c,
        failing,
        "values seen in the reference data only with another capitalization",
        Map.of("examples", examples));
  }
}
