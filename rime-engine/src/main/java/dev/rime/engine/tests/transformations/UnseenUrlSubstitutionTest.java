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
 * Unseen URL Substitution: URL features set to the well-formed URL {@code
 * https://rime-unseen-domain.com/page}, whose domain {@code rime-unseen-domain.com} no real data
 * has.
 */
public final class UnseenUrlSubstitutionTest extends SubstitutionTest {

  /** The substituted value. */
  static final String VALUE = "https://rime-unseen-domain.com/page";

  @Override
  public String id() {
    return "unseen_url_substitution";
  }

  @Override
  public String displayName() {
    return "Unseen URL Substitution";
  }

  @Override
  String kind() {
    return "URL";
  }

  @Override
  List<Column> features(TestContext ctx, TestParams params) {
    return ctx.features(params, c -> c.type() == FeatureType.URL && "VARCHAR".equals(c.evalType()));
  }

  @Override
  Substitution substitute(TestContext ctx, TestParams params, Column c) {
    return Substitution.of(
        Sql.str(VALUE), "the URL '" + VALUE + "' (an unseen domain)", Map.of("value", VALUE));
  }
}
