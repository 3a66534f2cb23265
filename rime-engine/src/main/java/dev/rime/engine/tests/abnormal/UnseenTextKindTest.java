// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.data.TextKinds;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unseen Domain / Email / URL: evaluation rows of an e-mail, URL or domain feature whose domain
 * (the part after {@code @} of an e-mail address, the host of a URL, the domain itself; compared in
 * lower case) never occurs in the reference data. Only well-formed values count on either side
 * ({@link TextKinds}); a malformed value is Must be Email / URL / Domain's finding. Judged by
 * {@link AbnormalInputs}.
 */
abstract class UnseenTextKindTest implements StressTest {

  /** The kind of feature tested. */
  abstract FeatureType kind();

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
        ctx.features(params, c -> c.type() == kind()),
        TextKinds.noun(kind()),
        c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    String refValues = AbnormalInputs.textKindValues(ctx, c, kind(), false);
    String seen =
        ctx.tempTable(
            "ref_domains", "SELECT DISTINCT d AS v FROM " + refValues + " WHERE d IS NOT NULL");
    long refDomains = ctx.db().scalarLong("SELECT count(*) FROM " + seen);
    if (refDomains == 0) {
      throw new SkipTest(
          "'"
              + c.name()
              + "' has no well-formed "
              + TextKinds.noun(kind())
              + " in the reference data");
    }
    String values = AbnormalInputs.textKindValues(ctx, c, kind(), true);
    String unseen = "d IS NOT NULL AND d NOT IN (SELECT v FROM " + seen + ")";
    String failing = AbnormalInputs.failingValues(ctx, c.textExpr(), values, unseen);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("num_reference_domains", refDomains);
    details.put(
        "examples",
        ctx.db()
            .query(
                "SELECT d, sum(n) AS n FROM "
                    + values
                    + " WHERE "
                    + unseen
                    + " GROUP BY d ORDER BY n DESC, d LIMIT 5",
                rs -> {
                  Map<String, Object> e = new LinkedHashMap<>();
                  e.put("value", rs.getString(1));
                  e.put("count", rs.getLong(2));
                  return e;
                }));
    String what = kind() == FeatureType.DOMAIN ? "domains" : TextKinds.noun(kind()) + " domains";
    return AbnormalInputs.judge(
        ctx, this, params, c, failing, what + " never seen in the reference data", details);
  }
}
