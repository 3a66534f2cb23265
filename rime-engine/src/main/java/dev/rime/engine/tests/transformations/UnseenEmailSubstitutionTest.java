// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.data.Sql;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.List;
import java.util.Map;

/**
 * Unseen Email Substitution: e-mail features set to the well-formed e-mail {@code
 * user@rime-unseen-domain.com}, whose domain {@code rime-unseen-domain.com} no real data has.
 */
public final class UnseenEmailSubstitutionTest extends SubstitutionTest {

  /** The substituted value. */
  static final String VALUE = "user@rime-unseen-domain.com";

  @Override
  public String id() {
    return "unseen_email_substitution";
  }

  @Override
  public String displayName() {
    return "Unseen Email Substitution";
  }

  @Override
  String kind() {
    return "e-mail";
  }

  @Override
  List<Column> features(TestContext ctx, TestParams params) {
    return ctx.features(
        params, c -> c.type() == FeatureType.EMAIL && "VARCHAR".equals(c.evalType()));
  }

  @Override
  Substitution substitute(TestContext ctx, TestParams params, Column c) {
    return Substitution.of(
        Sql.str(VALUE), "the e-mail '" + VALUE + "' (an unseen domain)", Map.of("value", VALUE));
  }
}
