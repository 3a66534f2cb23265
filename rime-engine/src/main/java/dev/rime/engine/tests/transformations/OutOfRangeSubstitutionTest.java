// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Out of Range Substitution (not run by default, as in RIME): numeric features set beyond the
 * reference range by {@code std_factor} (3) reference standard deviations: {@code max + f·sd} in
 * the sampled rows of even index, {@code min − f·sd} in the others (sd the sample standard
 * deviation of the finite reference values; 1 when it is 0 or undefined). Whole-number features get
 * the value rounded away from the range.
 */
public final class OutOfRangeSubstitutionTest extends SubstitutionTest {

  @Override
  public String id() {
    return "out_of_range_substitution";
  }

  @Override
  public String displayName() {
    return "Out of Range Substitution";
  }

  @Override
  public boolean runsByDefault() {
    return false;
  }

  @Override
  List<Param> ownParams() {
    return List.of(Param.number("std_factor", 3, Range.POSITIVE));
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
    Double[] s =
        ctx.db()
            .queryOne(
                "SELECT min(x), max(x), stddev_samp(x) FROM (SELECT "
                    + c.numExpr()
                    + " AS x FROM "
                    + ctx.refTable()
                    + ") WHERE isfinite(x)",
                rs -> new Double[] {Db.getDouble(rs, 1), Db.getDouble(rs, 2), Db.getDouble(rs, 3)});
    if (s[0] == null) {
      throw new SkipTest("'" + c.name() + "' has no finite values in the reference data");
    }
    double f = params.number("std_factor");
    double sd = s[2] == null || s[2] == 0 ? 1 : s[2];
    double above = s[1] + f * sd;
    double below = s[0] - f * sd;
    if (c.valueType() == ValueType.INT) {
      above = Math.ceil(above);
      below = Math.floor(below);
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("reference_min", s[0]);
    d.put("reference_max", s[1]);
    d.put("reference_std", s[2]);
    d.put("std_factor", f);
    d.put("value_above", above);
    d.put("value_below", below);
    return Substitution.of(
        "CASE WHEN rime_i % 2 = 0 THEN "
            + Transformations.dbl(above)
            + " ELSE "
            + Transformations.dbl(below)
            + " END",
        "values out of the reference range ("
            + Transformations.fmt(above)
            + " and "
            + Transformations.fmt(below)
            + ")",
        d);
  }
}
