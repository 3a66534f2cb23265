// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.cleanliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.TestRunConfig;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Required Features, on tiny tables whose columns differ. */
class RequiredFeaturesTestTest {

  @TempDir Path dir;
  private Db db;
  private final StressTest test = new RequiredFeaturesTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Reference columns a, b, c, y (label), p (prediction), id (not in the model). */
  private TestContext context(String evalHeader, String evalRow) {
    Fixtures.csv(dir, "ref.csv", "a,b,c,y,p,id", "1,x,2.5,0,0.1,7", "2,y,3.5,1,0.9,8");
    Fixtures.csv(dir, "eval.csv", evalHeader, evalRow);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "y", "p");
    Fixtures.dataInfo(config).put("features_not_in_model", List.of("id"));
    return Fixtures.context(db, config, dir);
  }

  private TestCase run(TestContext ctx, Map<String, Object> overrides) {
    TestParams params = TestParams.defaults(test);
    for (Map.Entry<String, Object> e : overrides.entrySet()) {
      params = params.with(e.getKey(), e.getValue());
    }
    return test.run(ctx, params).get(0);
  }

  @Test
  void byDefaultTheReferenceFeaturesAreRequired() {
    // Required: a, b, c (not y, p, or id, which the model does not use); extra column e allowed.
    TestCase pass = run(context("c,b,a,y,p,e", "1,x,2,0,0.5,9"), Map.of());
    assertThat(pass.status()).isEqualTo(TestStatus.PASS);
    assertThat(pass.details()).containsEntry("required_features", List.of("a", "b", "c"));
    assertThat(pass.metrics().get("in_order")).isNull();
    assertThat(pass.description())
        .isEqualTo(
            "The evaluation data has all 3 required features (the reference data's features).");

    TestCase fail = run(context("a,y,p", "1,0,0.5"), Map.of());
    assertThat(fail.status()).isEqualTo(TestStatus.FAIL);
    assertThat(fail.severity()).isEqualTo(Severity.HIGH);
    assertThat(fail.features()).containsExactly("b", "c");
    assertThat(fail.metrics()).containsEntry("num_missing", 2.0).containsEntry("num_required", 3.0);
    assertThat(fail.description())
        .startsWith("The evaluation data lacks 2 of 3 required features: 'b', 'c'");
  }

  @Test
  void givenRequiredFeaturesOnlyAndInOrder() {
    TestContext ctx = context("b,a,y,p,extra", "x,1,0,0.5,3");
    // required_feats [a, b]: both there.
    assertThat(run(ctx, Map.of("required_feats", List.of("a", "b"))).status())
        .isEqualTo(TestStatus.PASS);
    // ordered: the evaluation file has b before a.
    TestCase order = run(ctx, Map.of("required_feats", List.of("a", "b"), "ordered", true));
    assertThat(order.severity()).isEqualTo(Severity.HIGH);
    assertThat(order.metrics().get("in_order")).isZero();
    assertThat(order.details()).containsEntry("evaluation_order", List.of("b", "a"));
    assertThat(order.description()).contains("has the required features in the order 'b', 'a'");
    // required_only: "extra" is neither required nor the label or prediction.
    TestCase only = run(ctx, Map.of("required_feats", List.of("a", "b"), "required_only", true));
    assertThat(only.severity()).isEqualTo(Severity.HIGH);
    assertThat(only.features()).containsExactly("extra");
    assertThat(only.description())
        .contains("has 1 column(s) required_only does not allow: 'extra'");
    // allowed_feats lets it in.
    TestCase allowed =
        run(
            ctx,
            Map.of(
                "required_feats",
                List.of("a", "b"),
                "required_only",
                true,
                "allowed_feats",
                List.of("extra")));
    assertThat(allowed.status()).isEqualTo(TestStatus.PASS);
    assertThat(allowed.description()).endsWith(", and no column that is not allowed.");
  }

  @Test
  void excludedColumnsAreNeitherRequiredNorJudged() {
    TestContext ctx = context("a,y,p,extra", "1,0,0.5,3");
    TestParams params =
        new TestParams(
            "tests_config.required_features",
            Map.of(
                "required_feats",
                List.of("a", "b"),
                "allowed_feats",
                List.of(),
                "ordered",
                false,
                "required_only",
                false),
            List.of("b", "extra"));
    TestCase c = test.run(ctx, params).get(0);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.details()).containsEntry("required_features", List.of("a"));
  }

  @Test
  void unicodeAndOddNames() {
    Fixtures.csv(dir, "ref.csv", "\"naïve é\",\"with \"\"quote\"\"\",y", "1,2,0");
    Fixtures.csv(dir, "eval.csv", "\"naïve é\",y", "1,0");
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", "y", null), dir);
    TestCase c = test.run(ctx, TestParams.defaults(test)).get(0);
    assertThat(c.features()).containsExactly("with \"quote\"");
  }

  @Test
  void namesMustBeStrings() {
    Map<String, Object> config = Fixtures.config("r.csv", "e.csv", null, null);
    config.put("tests_config", Map.of("required_features", Map.of("required_feats", "a")));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tests_config.required_features.required_feats: expected a list of strings, got"
                + " string \"a\"");
    config.put(
        "tests_config", Map.of("required_features", Map.of("allowed_feats", List.of("a", 1))));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessageStartingWith(
            "tests_config.required_features.allowed_feats: expected a list of strings, but an"
                + " element is");
    // RIME's default object is accepted.
    java.util.Map<String, Object> rime = new java.util.LinkedHashMap<>();
    rime.put("run", true);
    rime.put("required_feats", null);
    rime.put("allowed_feats", null);
    rime.put("ordered", false);
    rime.put("required_only", false);
    config.put("tests_config", Map.of("required_features", rime));
    TestRunConfig.parse(config);
  }
}
