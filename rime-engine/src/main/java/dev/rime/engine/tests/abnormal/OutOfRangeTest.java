// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
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
 * Out of Range: evaluation rows whose value of a numeric feature is below the reference minimum or
 * above the reference maximum (NaN counts as missing, not out of range). Judged by {@link
 * AbnormalInputs}.
 *
 * <p>{@code std_factor} (3) is accepted as in RIME's config; RIME uses it for the Out of Range
 * Substitution transformation (how far outside the range to substitute values), which needs a model
 * and comes in a later issue. It does not change this observed test.
 */
public final class OutOfRangeTest implements StressTest {

  @Override
  public String id() {
    return "out_of_range";
  }

  @Override
  public String displayName() {
    return "Out of Range";
  }

  @Override
  public String category() {
    return "Abnormal Inputs";
  }

  @Override
  public List<Param> params() {
    return List.of(Param.number("std_factor", 3, Range.POSITIVE), Param.performanceChangeConfig());
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    return FeatureCases.each(
        this, ctx.features(params, Column::isNumeric), "numeric", c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    Double[] range =
        ctx.db()
            .queryOne(
                "SELECT min(x), max(x) FROM (SELECT "
                    + c.numExpr()
                    + " AS x FROM "
                    + ctx.refTable()
                    + ")",
                rs -> new Double[] {Db.getDouble(rs, 1), Db.getDouble(rs, 2)});
    if (range[0] == null) {
      throw new SkipTest("'" + c.name() + "' has no non-null values in the reference data");
    }
    String x = c.numExpr();
    String below = x + " < " + Sql.dbl(range[0]);
    String above = x + " > " + Sql.dbl(range[1]);
    String failing = "(" + below + " OR " + above + ")";
    long[] counts =
        ctx.db()
            .queryOne(
                "SELECT count(*) FILTER (WHERE "
                    + below
                    + "), count(*) FILTER (WHERE "
                    + above
                    + ") FROM "
                    + ctx.evalTable(),
                rs -> new long[] {rs.getLong(1), rs.getLong(2)});
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("lower_threshold", range[0]);
    details.put("upper_threshold", range[1]);
    details.put("num_below", counts[0]);
    details.put("num_above", counts[1]);
    details.put("std_factor", params.number("std_factor"));
    details.put("examples", AbnormalInputs.examples(ctx, x, failing));
    return AbnormalInputs.judge(
        ctx,
        this,
        params,
        c,
        failing,
        "values outside the reference range ["
            + AbnormalInputs.fmt(range[0])
            + ", "
            + AbnormalInputs.fmt(range[1])
            + "]",
        details);
  }
}
