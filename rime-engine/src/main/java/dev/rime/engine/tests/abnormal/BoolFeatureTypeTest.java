// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.Sql;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.TestContext;
import java.util.stream.Collectors;

/**
 * Must be Boolean: in a boolean feature, a value whose text is not one of true/false, t/f, yes/no,
 * y/n, 1/0 (any case, trimmed). See {@link MustBeTypeTest}.
 */
public final class BoolFeatureTypeTest extends MustBeTypeTest {

  /** The texts of boolean values, lower case. */
  static final String BOOLEANS =
      ValueType.BOOLEAN_TEXTS.stream().map(Sql::str).collect(Collectors.joining(", "));

  @Override
  public String id() {
    return "bool_feature_type";
  }

  @Override
  public String displayName() {
    return "Must be Boolean";
  }

  @Override
  ValueType valueType() {
    return ValueType.BOOL;
  }

  @Override
  String wrongType(TestContext ctx, Column c, String t, String d) {
    return "lower(trim(" + t + ")) NOT IN (" + BOOLEANS + ")";
  }

  @Override
  String finding(TestContext ctx, Column c) {
    return "values that are not booleans";
  }
}
