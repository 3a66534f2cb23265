// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.engine.data.Column;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.List;
import java.util.Map;

/**
 * Null Substitution: every feature set to null (SQL NULL; a Python model gets None or NaN as its
 * runtime maps missing values).
 */
public final class NullSubstitutionTest extends SubstitutionTest {

  @Override
  public String id() {
    return "null_substitution";
  }

  @Override
  public String displayName() {
    return "Null Substitution";
  }

  @Override
  String kind() {
    return "input";
  }

  @Override
  List<Column> features(TestContext ctx, TestParams params) {
    return ctx.features(params, c -> true);
  }

  @Override
  Substitution substitute(TestContext ctx, TestParams params, Column c) {
    return Substitution.of("NULL", "null", Map.of());
  }
}
