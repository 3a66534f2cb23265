// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.Sql;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.abnormal.RequiredCharactersTest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Required Characters Deletion: the strings a feature requires, as the Required Characters test has
 * them ({@code @} for e-mail addresses, {@code ://} for URLs, {@code .} for domains, plus {@code
 * column_specific_params.<column>.required_characters}), deleted from its values (every occurrence,
 * with SQL {@code replace}). Features with no required string are not tested.
 */
public final class RequiredCharactersDeletionTest extends SubstitutionTest {

  private static final String REQUIRED = "required_characters";

  @Override
  public String id() {
    return "req_characters_deletion";
  }

  @Override
  public String displayName() {
    return "Required Characters Deletion";
  }

  @Override
  List<Param> ownParams() {
    return List.of(
        Param.columnMap("column_specific_params", Param.object("", Param.strings(REQUIRED))));
  }

  @Override
  String kind() {
    return "e-mail, URL, domain or column_specific_params";
  }

  @Override
  List<Column> features(TestContext ctx, TestParams params) {
    return ctx.features(
        params, c -> "VARCHAR".equals(c.evalType()) && !required(params, c).isEmpty());
  }

  @SuppressWarnings("unchecked")
  private static List<String> required(TestParams params, Column c) {
    LinkedHashSet<String> chars = new LinkedHashSet<>(RequiredCharactersTest.byKind(c.type()));
    Object own = params.columnMap("column_specific_params").get(c.name());
    if (own instanceof Map<?, ?> m && m.get(REQUIRED) instanceof List<?> l) {
      chars.addAll((List<String>) l);
    }
    return List.copyOf(chars);
  }

  @Override
  Substitution substitute(TestContext ctx, TestParams params, Column c) {
    List<String> chars = required(params, c);
    String expr = c.quoted();
    for (String ch : chars) {
      expr = "replace(" + expr + ", " + Sql.str(ch) + ", '')";
    }
    return Substitution.of(
        expr,
        "values with "
            + chars.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" "))
            + " deleted",
        Map.of(REQUIRED, chars));
  }
}
