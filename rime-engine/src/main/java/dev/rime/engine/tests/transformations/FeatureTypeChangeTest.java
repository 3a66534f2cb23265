// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.Sql;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Int / Float / String / Boolean / URL / Domain / Email Feature Type Change: features whose every
 * reference value has the type ({@link Column#valueType()}, as the Must be … tests read it) set to
 * a value of another type. The column then has the value's type in the rows the model gets (ADR
 * 0016): a text column {@code rime_not_a_number} for integers and floats, {@code
 * rime_not_a_boolean} for booleans, {@code rime not a url} (and so on) for URLs, domains and e-mail
 * addresses; a DOUBLE column {@code 42.0} for text. Each feature goes to the model in its own call.
 */
public final class FeatureTypeChangeTest extends SubstitutionTest {

  private final ValueType type;

  public FeatureTypeChangeTest(ValueType type) {
    this.type = type;
  }

  @Override
  public String id() {
    return (type == ValueType.STRING ? "str" : type.wireName()) + "_feature_type_change";
  }

  @Override
  public String displayName() {
    String name;
    switch (type) {
      case INT:
        name = "Int";
        break;
      case FLOAT:
        name = "Float";
        break;
      case STRING:
        name = "String";
        break;
      case BOOL:
        name = "Boolean";
        break;
      case URL:
        name = "URL";
        break;
      case DOMAIN:
        name = "Domain";
        break;
      default:
        name = "Email";
    }
    return name + " Feature Type Change";
  }

  @Override
  String kind() {
    return type.noun();
  }

  @Override
  List<Column> features(TestContext ctx, TestParams params) {
    return ctx.features(params, c -> c.valueType() == type);
  }

  @Override
  Substitution substitute(TestContext ctx, TestParams params, Column c) {
    switch (type) {
      case STRING:
        return Substitution.typeChange(
            "CAST(42 AS DOUBLE)", "the number 42 (a DOUBLE column)", Map.of("value", 42.0));
      case INT:
      case FLOAT:
        return text("rime_not_a_number");
      case BOOL:
        return text("rime_not_a_boolean");
      default:
        return text("rime not a " + type.wireName().toLowerCase(Locale.ROOT));
    }
  }

  private static Substitution text(String v) {
    return Substitution.typeChange(
        Sql.str(v), "the text '" + v + "' (a VARCHAR column)", Map.of("value", v));
  }
}
