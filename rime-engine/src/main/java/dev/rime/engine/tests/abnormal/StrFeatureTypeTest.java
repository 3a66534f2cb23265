// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.TestContext;

/**
 * Must be String: in a feature of text (strings that are not all numbers), a value that is not
 * text: any value when the evaluation file has the column as another type (numbers, booleans,
 * dates: e.g. every value parsed as a number), and a number when the reference has no value that
 * reads as a number (a {@code 42} among {@code "red", "blue"}; where the reference mixes numbers
 * and text, such as ticket codes, numbers are text too). See {@link MustBeTypeTest}.
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
    if (!evalIsText(c)) {
      return "true";
    }
    return refHasNumbers(ctx, c) ? "false" : d + " IS NOT NULL";
  }

  @Override
  String finding(TestContext ctx, Column c) {
    if (!evalIsText(c)) {
      return "values of type " + c.evalType() + " where the reference data has text";
    }
    return refHasNumbers(ctx, c)
        ? "values that are not text (numbers count as text here, as the reference data has some)"
        : "numbers where the reference data has only text";
  }

  private static boolean evalIsText(Column c) {
    return c.evalType().equalsIgnoreCase("VARCHAR");
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
