// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.engine.data.Column;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.List;
import java.util.Map;

/**
 * Empty String Substitution: features of text (strings, e-mail addresses, URLs, domains; a VARCHAR
 * column in the evaluation data) set to the empty string.
 */
public final class EmptyStringSubstitutionTest extends SubstitutionTest {

  @Override
  public String id() {
    return "empty_string_substitution";
  }

  @Override
  public String displayName() {
    return "Empty String Substitution";
  }

  @Override
  String kind() {
    return "text";
  }

  @Override
  List<Column> features(TestContext ctx, TestParams params) {
    return ctx.features(params, c -> c.isText() && "VARCHAR".equals(c.evalType()));
  }

  @Override
  Substitution substitute(TestContext ctx, TestParams params, Column c) {
    return Substitution.of("''", "the empty string", Map.of());
  }
}
