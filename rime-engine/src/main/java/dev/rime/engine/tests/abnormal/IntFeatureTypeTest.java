// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.TestContext;

/**
 * Must be Int: in a feature of whole numbers, a value that is not a whole number ({@code abc},
 * {@code 2.5}, {@code inf}; {@code 3.0} is whole). See {@link MustBeTypeTest}.
 */
public final class IntFeatureTypeTest extends MustBeTypeTest {

  @Override
  public String id() {
    return "int_feature_type";
  }

  @Override
  public String displayName() {
    return "Must be Int";
  }

  @Override
  ValueType valueType() {
    return ValueType.INT;
  }

  @Override
  String wrongType(TestContext ctx, Column c, String t, String d) {
    return d + " IS NULL OR NOT isfinite(" + d + ") OR " + d + " <> trunc(" + d + ")";
  }

  @Override
  String finding(TestContext ctx, Column c) {
    return "values that are not whole numbers";
  }
}
