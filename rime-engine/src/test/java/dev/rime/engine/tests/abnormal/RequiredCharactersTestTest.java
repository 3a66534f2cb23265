// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import static dev.rime.engine.tests.abnormal.Cases.metric;
import static dev.rime.engine.tests.abnormal.Cases.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.TestRunConfig;
import dev.rime.engine.data.DataException;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference: email (inferred e-mail), code (categorical, A-1 / B-2), label. Evaluation:
 *
 * <pre>
 *   email        code   lacks
 *   a@b.com      A-1    -
 *   foo          C3     '@' and '.' ; '-'
 *   a@b          B-2    '.'
 *   (null)       (null) -             (missing: Null Check's finding)
 * </pre>
 */
class RequiredCharactersTestTest {

  @TempDir Path dir;
  private Db db;
  private final RequiredCharactersTest test = new RequiredCharactersTest();

  @BeforeEach
  void write() {
    db = Db.open();
    Fixtures.csv(dir, "ref.csv", "email,code", "x@y.com,A-1", "z@w.org,B-2", "q@y.com,A-1");
    Fixtures.csv(dir, "eval.csv", "email,code", "a@b.com,A-1", "foo,C3", "a@b,B-2", ",");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestContext ctx() {
    return Cases.ctx(db, dir, "ref.csv", "eval.csv");
  }

  @Test
  void emailsNeedAnAtAndADot() {
    List<TestCase> cases = test.run(ctx(), TestParams.defaults(test));
    // code has no required strings by default: only email is tested.
    assertThat(cases)
        .singleElement()
        .satisfies(c -> assertThat(c.features()).containsExactly("email"));
    TestCase c = cases.get(0);
    assertThat(metric(c, "num_failing_rows")).isEqualTo(2.0);
    assertThat(c.details()).containsEntry("required_characters", List.of("@", "."));
    assertThat(c.details()).containsEntry("num_lacking", Map.of("@", 1L, ".", 2L));
    assertThat(c.description()).contains("values lacking a required string ('@' '.')");
  }

  @Test
  void columnSpecificParamsAddStringsToAnyFeature() {
    TestParams p =
        TestParams.defaults(test)
            .with(
                "column_specific_params",
                Map.of(
                    "code", Map.of("required_characters", List.of("-")),
                    "email", Map.of("required_characters", List.of("@", "com"))));
    TestCase code = one(test, ctx(), p, "code");
    assertThat(metric(code, "num_failing_rows")).isEqualTo(1.0); // C3
    TestCase email = one(test, ctx(), p, "email");
    // '@' and '.' by kind, then 'com' given: foo and a@b lack 'com' too; still 2 rows.
    assertThat(email.details()).containsEntry("required_characters", List.of("@", ".", "com"));
    assertThat(email.details()).containsEntry("num_lacking", Map.of("@", 1L, ".", 2L, "com", 2L));
    assertThat(metric(email, "num_failing_rows")).isEqualTo(2.0);
  }

  @Test
  void passesWhenEveryValueHasThem() {
    Fixtures.csv(dir, "eval.csv", "email,code", "a@b.com,A-1");
    TestCase c = one(test, ctx(), "email");
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  void skipsWithoutFeaturesToTestAndForNamedColumnsThatAreNoFeature() {
    Fixtures.csv(dir, "ref.csv", "code,label", "A-1,0", "B-2,1");
    Fixtures.csv(dir, "eval.csv", "code,label", "A-1,1");
    TestContext ctx =
        Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", "label", null), dir);
    assertThat(test.run(ctx, TestParams.defaults(test)))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.description())
                    .isEqualTo(
                        "Skipped: no e-mail, URL or domain features, and column_specific_params"
                            + " names no feature"));
    TestParams p =
        TestParams.defaults(test)
            .with(
                "column_specific_params",
                Map.of("label", Map.of("required_characters", List.of("1"))));
    assertThat(test.run(ctx, p))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.features()).containsExactly("label");
              assertThat(c.status()).isEqualTo(TestStatus.SKIP);
              assertThat(c.description()).contains("is not a tested feature");
            });
  }

  @Test
  void configChecks() {
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    config.put(
        "tests_config",
        Map.of(
            "req_characters",
            Map.of(
                "column_specific_params", Map.of("code", Map.of("required_chars", List.of("-"))))));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tests_config.req_characters.column_specific_params.code.required_chars: unknown"
                + " parameter; did you mean required_characters?");
    config.put(
        "tests_config",
        Map.of(
            "req_characters",
            Map.of(
                "column_specific_params",
                Map.of("code", Map.of("required_characters", List.of(""))))));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessageContaining("required_characters: expected non-empty strings");
    config.put(
        "tests_config",
        Map.of("req_characters", Map.of("column_specific_params", Map.of("cod", Map.of()))));
    assertThatThrownBy(() -> Fixtures.context(db, config, dir))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(
            "tests_config.req_characters.column_specific_params: column 'cod' not found in");
  }
}
