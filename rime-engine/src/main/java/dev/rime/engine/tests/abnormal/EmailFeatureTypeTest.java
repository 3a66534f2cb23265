// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.data.TextKinds;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.TestContext;

/**
 * Must be Email: in an e-mail feature, a value that does not match the e-mail pattern of {@link
 * TextKinds}. See {@link MustBeTypeTest}.
 */
public final class EmailFeatureTypeTest extends MustBeTypeTest {

  @Override
  public String id() {
    return "email_feature_type";
  }

  @Override
  public String displayName() {
    return "Must be Email";
  }

  @Override
  ValueType valueType() {
    return ValueType.EMAIL;
  }

  @Override
  String wrongType(TestContext ctx, Column c, String t, String d) {
    return "NOT " + TextKinds.matches(FeatureType.EMAIL, t);
  }

  @Override
  String values(TestContext ctx, Column c) {
    return AbnormalInputs.textKindValues(ctx, c, FeatureType.EMAIL, true);
  }

  @Override
  String wrongValue(TestContext ctx, Column c) {
    return "lower(trim(v)) NOT IN ('nan', '+nan', '-nan') AND NOT ok";
  }

  @Override
  String finding(TestContext ctx, Column c) {
    return "values that are not e-mail addresses";
  }
}
