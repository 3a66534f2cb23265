// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numeric Outliers Substitution: numeric features set beyond the outlier thresholds of the Numeric
 * Outliers test (same parameters and rule: with a = (1 − {@code min_normal_prop}) / 2, b = {@code
 * baseline_quantile}, m = {@code perturb_multiplier}, {@code lower = Q(a) − m·(Q(b) − Q(a))},
 * {@code upper = Q(1 − a) + m·(Q(1 − a) − Q(1 − b))}). The value is {@code upper + w} in the
 * sampled rows of even index and {@code lower − w} in the others, w = {@code Q(1 − a) − Q(a)} (the
 * central reference spread; 1 when it is 0), rounded away for whole-number features.
 */
public final class OutlierSubstitutionTest extends SubstitutionTest {

  @Override
  public String id() {
    return "outlier_substitution";
  }

  @Override
  public String displayName() {
    return "Numeric Outliers Substitution";
  }

  @Override
  List<Param> ownParams() {
    return List.of(
        Param.number("min_normal_prop", 0.99, new Range(0, true, 1, false)),
        Param.number("baseline_quantile", 0.1, Range.closed(0, 0.5)),
        Param.number("perturb_multiplier", 1.0, Range.NON_NEGATIVE));
  }

  @Override
  String kind() {
    return "numeric";
  }

  @Override
  List<Column> features(TestContext ctx, TestParams params) {
    return ctx.features(params, c -> c.isNumeric() && Db.isNumericType(c.evalType()));
  }

  @Override
  Substitution substitute(TestContext ctx, TestParams params, Column c) {
    double a = (1 - params.number("min_normal_prop")) / 2;
    double b = Math.max(a, params.number("baseline_quantile"));
    double m = params.number("perturb_multiplier");
    Double[] q =
        ctx.db()
            .queryOne(
                "SELECT q[1], q[2], q[3], q[4] FROM (SELECT quantile_cont(x, ["
                    + Sql.dbl(a)
                    + ", "
                    + Sql.dbl(b)
                    + ", "
                    + Sql.dbl(1 - b)
                    + ", "
                    + Sql.dbl(1 - a)
                    + "]) AS q FROM (SELECT "
                    + c.numExpr()
                    + " AS x FROM "
                    + ctx.refTable()
                    + ") WHERE isfinite(x))",
                rs ->
                    new Double[] {
                      Db.getDouble(rs, 1),
                      Db.getDouble(rs, 2),
                      Db.getDouble(rs, 3),
                      Db.getDouble(rs, 4)
                    });
    if (q[0] == null) {
      throw new SkipTest("'" + c.name() + "' has no finite values in the reference data");
    }
    double lower = q[0] - m * (q[1] - q[0]);
    double upper = q[3] + m * (q[3] - q[2]);
    double w = q[3] - q[0] > 0 ? q[3] - q[0] : 1;
    double above = upper + w;
    double below = lower - w;
    if (c.valueType() == ValueType.INT) {
      above = Math.ceil(above);
      below = Math.floor(below);
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("lower_threshold", lower);
    d.put("upper_threshold", upper);
    d.put("value_above", above);
    d.put("value_below", below);
    return Substitution.of(
        "CASE WHEN rime_i % 2 = 0 THEN "
            + Transformations.dbl(above)
            + " ELSE "
            + Transformations.dbl(below)
            + " END",
        "outliers (" + Transformations.fmt(above) + " and " + Transformations.fmt(below) + ")",
        d);
  }
}
