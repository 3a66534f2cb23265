// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.List;
import java.util.Map;

/**
 * Unseen Categorical Substitution: categorical features set to a value the reference data never
 * has: for categories that are numbers, the largest reference number plus one (a whole number); for
 * text, {@code rime_unseen_category} (with {@code _} appended until it is unseen). Boolean columns
 * have no unseen value and are skipped.
 */
public final class UnseenCategoricalSubstitutionTest extends SubstitutionTest {

  /** The text substituted into a text category (made unseen by appending {@code _}). */
  static final String UNSEEN = "rime_unseen_category";

  @Override
  public String id() {
    return "unseen_categorical_substitution";
  }

  @Override
  public String displayName() {
    return "Unseen Categorical Substitution";
  }

  @Override
  String kind() {
    return "categorical";
  }

  @Override
  List<Column> features(TestContext ctx, TestParams params) {
    return ctx.features(params, Column::isCategorical);
  }

  @Override
  Substitution substitute(TestContext ctx, TestParams params, Column c) {
    String type = c.evalType();
    if ("BOOLEAN".equals(type)) {
      throw new SkipTest("'" + c.name() + "' is a boolean column: it has no unseen value");
    }
    if (Db.isNumericType(type)) {
      Double max =
          ctx.db()
              .queryOne(
                  "SELECT max(" + c.numExpr() + ") FROM " + ctx.refTable(),
                  rs -> Db.getDouble(rs, 1));
      double v = max == null ? 0 : Math.floor(max) + 1;
      return Substitution.of(
          Sql.dbl(v), "the unseen category " + Transformations.fmt(v), Map.of("value", v));
    }
    String v = UNSEEN;
    while (ctx.db()
            .scalarLong(
                "SELECT count(*) FROM "
                    + ctx.refTable()
                    + " WHERE "
                    + c.textExpr()
                    + " = "
                    + Sql.str(v))
        > 0) {
      v = v + "_";
    }
    return Substitution.of(Sql.str(v), "the unseen category '" + v + "'", Map.of("value", v));
  }
}
