// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.engine.config.ConfigException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The string-list and column-map parameter kinds (the others are covered with the config). */
class ParamTest {

  private final Param strings = Param.strings("include_columns");
  private final Param columns =
      Param.columnMap("column_specific_params", Param.object("", Param.strings("chars")));

  @Test
  void stringListsTakeNonEmptyDistinctStrings() {
    assertThat(strings.defaultValue()).isEqualTo(List.of());
    assertThatCode(() -> strings.validate("k", List.of("a", "ü b"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> strings.validate("k", "a"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("k: expected a list of strings, got string \"a\"");
    assertThatThrownBy(() -> strings.validate("k", List.of("a", 1)))
        .hasMessage("k: expected a list of strings, but an element is number 1");
    assertThatThrownBy(() -> strings.validate("k", List.of("")))
        .hasMessage("k: expected non-empty strings, but one is empty");
    assertThatThrownBy(() -> strings.validate("k", List.of("a", "a")))
        .hasMessage("k: 'a' is listed twice");
    // Null means the default (TestsConfig.paramsFor puts it in place).
    assertThatCode(() -> strings.validate("k", null)).doesNotThrowAnyException();
  }

  @Test
  void optionalStringListsAlsoTakeNullForNotGiven() {
    Param optional = Param.optionalStrings("required_feats");
    assertThat(optional.defaultValue()).isNull();
    assertThatCode(() -> optional.validate("k", null)).doesNotThrowAnyException();
    assertThatCode(() -> optional.validate("k", List.of("a"))).doesNotThrowAnyException();
    assertThatThrownBy(() -> optional.validate("k", List.of("a", "a")))
        .hasMessage("k: 'a' is listed twice");
  }

  @Test
  void columnMapsValidateEveryValueAtItsOwnKey() {
    assertThat(columns.defaultValue()).isEqualTo(Map.of());
    assertThatCode(
            () ->
                columns.validate(
                    "p", Map.of("email", Map.of("chars", List.of("@")), "x", Map.of())))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> columns.validate("p", Map.of("email", Map.of("char", List.of("@")))))
        .hasMessage("p.email.char: unknown parameter; did you mean chars?");
    assertThatThrownBy(() -> columns.validate("p", Map.of("email", List.of("@"))))
        .hasMessage("p.email: expected an object, got a list");
    assertThatThrownBy(() -> columns.validate("p", Arrays.asList("x")))
        .hasMessage("p: expected an object, got a list");
    assertThatCode(() -> columns.validate("p", null)).doesNotThrowAnyException();
    assertThatCode(() -> columns.validate("p", Map.of("email", Map.of())))
        .doesNotThrowAnyException();
    assertThatCode(() -> columns.validate("p", java.util.Collections.singletonMap("email", null)))
        .doesNotThrowAnyException();
  }
}
