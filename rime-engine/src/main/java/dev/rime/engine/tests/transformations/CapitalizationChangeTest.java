// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.engine.data.Column;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.List;
import java.util.Map;

/**
 * Capitalization Change: features of text with each value in upper case, or in lower case where it
 * is upper case already (so the value always changes when it has letters).
 */
public final class CapitalizationChangeTest extends SubstitutionTest {

  @Override
  public String id() {
    return "capitalization_change";
  }

  @Override
  public String displayName() {
    return "Capitalization Change";
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
    String q = c.quoted();
    return Substitution.of(
        "CASE WHEN " + q + " = upper(" + q + ") THEN lower(" + q + ") ELSE upper(" + q + ") END",
        "the value in upper case (lower case where it already is upper case)",
        Map.of());
  }
}
