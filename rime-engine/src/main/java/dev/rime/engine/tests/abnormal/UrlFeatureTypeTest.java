// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.data.TextKinds;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.TestContext;

/**
 * Must be URL: in a URL feature, a value that does not match the URL pattern of {@link TextKinds}.
 * See {@link MustBeTypeTest}.
 */
public final class UrlFeatureTypeTest extends MustBeTypeTest {

  @Override
  public String id() {
    return "url_feature_type";
  }

  @Override
  public String displayName() {
    return "Must be URL";
  }

  @Override
  ValueType valueType() {
    return ValueType.URL;
  }

  @Override
  String wrongType(TestContext ctx, Column c, String t, String d) {
    return "NOT " + TextKinds.matches(FeatureType.URL, t);
  }

  @Override
  String values(TestContext ctx, Column c) {
    return AbnormalInputs.textKindValues(ctx, c, FeatureType.URL, true);
  }

  @Override
  String wrongValue(TestContext ctx, Column c) {
    return "lower(trim(v)) NOT IN ('nan', '+nan', '-nan') AND NOT ok";
  }

  @Override
  String finding(TestContext ctx, Column c) {
    return "values that are not URLs";
  }
}
