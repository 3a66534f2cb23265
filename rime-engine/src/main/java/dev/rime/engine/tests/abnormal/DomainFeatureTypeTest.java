// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.data.TextKinds;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.TestContext;

/**
 * Must be Domain: in a domain feature, a value that does not match the domain pattern of {@link
 * TextKinds}. See {@link MustBeTypeTest}.
 */
public final class DomainFeatureTypeTest extends MustBeTypeTest {

  @Override
  public String id() {
    return "domain_feature_type";
  }

  @Override
  public String displayName() {
    return "Must be Domain";
  }

  @Override
  ValueType valueType() {
    return ValueType.DOMAIN;
  }

  @Override
  String wrongType(TestContext ctx, Column c, String t, String d) {
    return "NOT " + TextKinds.matches(FeatureType.DOMAIN, t);
  }

  @Override
  String values(TestContext ctx, Column c) {
    return AbnormalInputs.textKindValues(ctx, c, FeatureType.DOMAIN, true);
  }

  @Override
  String wrongValue(TestContext ctx, Column c) {
    return "lower(trim(v)) NOT IN ('nan', '+nan', '-nan') AND NOT ok";
  }

  @Override
  String finding(TestContext ctx, Column c) {
    return "values that are not domains";
  }
}
