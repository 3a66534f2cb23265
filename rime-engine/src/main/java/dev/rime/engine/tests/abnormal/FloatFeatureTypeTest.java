// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.TestContext;

/**
 * Must be Float: in a feature of numbers (not all whole), a value that is not a number ({@code
 * abc}; {@code inf} is a number). See {@link MustBeTypeTest}.
 */
public final class FloatFeatureTypeTest extends MustBeTypeTest {

  @Override
  public String id() {
    return "float_feature_type";
  }

  @Override
  public String displayName() {
    return "Must be Float";
  }

  @Override
  ValueType valueType() {
    return ValueType.FLOAT;
  }

  @Override
  String wrongType(TestContext ctx, Column c, String t, String d) {
    return d + " IS NULL";
  }

  @Override
  String finding(TestContext ctx, Column c) {
    return "values that are not numbers";
  }
}
