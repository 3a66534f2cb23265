// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.TestContext;

/**
 * Must be String: in a feature of text (strings that are not all numbers), a value that is not
 * text, i.e. a number where the reference has no value that reads as a number (a {@code 42} among
 * {@code "red", "blue"}; where the reference mixes numbers and text, such as ticket codes, numbers
 * are text too). Values are judged by their text whatever SQL type the evaluation file has the
 * column as: DuckDB reads an evaluation file whose tickets happen to be all numbers as BIGINT, and
 * those values are the same tickets as when one code like {@code PC 17609} makes the column text.
 * See {@link MustBeTypeTest}.
 */
public final class StrFeatureTypeTest extends MustBeTypeTest {

  @Override
  public String id() {
    return "str_feature_type";
  }

  @Override
  public String displayName() {
    return "Must be String";
  }

  @Override
  ValueType valueType() {
    return ValueType.STRING;
  }

  @Override
  String wrongType(TestContext ctx, Column c, String t, String d) {
    return refHasNumbers(ctx, c) ? "false" : d + " IS NOT NULL";
  }

  @Override
  String finding(TestContext ctx, Column c) {
    return refHasNumbers(ctx, c)
        ? "values that are not text (numbers count as text here, as the reference data has some)"
        : "numbers where the reference data has only text";
  }

  /** Whether a distinct reference value reads as a number (NaN aside). */
  private static boolean refHasNumbers(TestContext ctx, Column c) {
    return ctx.db()
            .scalarLong(
                "SELECT count(*) FROM "
                    + AbnormalInputs.referenceValues(ctx, text(c))
                    + " WHERE NOT isnan(TRY_CAST(v AS DOUBLE))")
        > 0;
  }
}
