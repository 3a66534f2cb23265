// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.transformations.NullSubstitutionTest;
import dev.rime.engine.tests.transformations.SqlModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's check, through the engine's own test runner: a model that raises on null inputs fails
 * Null Substitution with High severity; a robust model passes. Features x and z carry the same
 * value; the robust model predicts {@code COALESCE(x, z) / 10}, so nulling either feature changes
 * nothing (accuracy 1 → 1, change 0, below the low threshold 0.01).
 */
class TransformationsEngineTest {

  @TempDir Path dir;
  private Db db;
  private TestContext ctx;
  private final NullSubstitutionTest test = new NullSubstitutionTest();

  @BeforeEach
  void load() {
    db = Db.open();
    Fixtures.csv(dir, "ref.csv", "x,z,y", "1.5,1.5,0", "2.5,2.5,0", "8.5,8.5,1", "9.5,9.5,1");
    Fixtures.csv(dir, "eval.csv", "x,z,y", "2.5,2.5,0", "3.5,3.5,0", "7.5,7.5,1", "8.5,8.5,1");
    ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", "y", null), dir);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aModelRaisingOnNullsFailsWithHighSeverity() {
    ctx.setModel(new SqlModel("x / 10", "x IS NULL OR z IS NULL"));
    List<TestCase> cases = Engine.runOne(test, ctx, TestParams.defaults(test));
    assertThat(cases).hasSize(2);
    for (TestCase c : cases) {
      assertThat(c.status()).isEqualTo(TestStatus.FAIL);
      assertThat(c.severity()).isEqualTo(Severity.HIGH);
      assertThat(c.description())
          .startsWith("The model raised an error on 4 evaluation rows with null substituted in '")
          .contains("ValueError: bad input")
          .endsWith("ignore_errors is false, so the test fails with High severity.");
      assertThat(c.details().get("model_log")).isEqualTo("Traceback: ValueError");
    }
    assertThat(cases.get(0).features()).containsExactly("x");
    assertThat(cases.get(1).features()).containsExactly("z");
  }

  @Test
  void aRobustModelPasses() {
    ctx.setModel(new SqlModel("COALESCE(x, z) / 10", null));
    List<TestCase> cases = Engine.runOne(test, ctx, TestParams.defaults(test));
    assertThat(cases).hasSize(2);
    for (TestCase c : cases) {
      assertThat(c.status()).isEqualTo(TestStatus.PASS);
      assertThat(c.severity()).isEqualTo(Severity.NONE);
      assertThat(c.metrics().get("impact")).isEqualTo(0.0);
      assertThat(c.metrics().get("accuracy_original")).isEqualTo(1.0);
      assertThat(c.metrics().get("accuracy_perturbed")).isEqualTo(1.0);
    }
  }

  @Test
  void withoutAModelTheTestSkips() {
    List<TestCase> cases = Engine.runOne(test, ctx, TestParams.defaults(test));
    assertThat(cases)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(TestStatus.SKIP);
              assertThat(c.description()).contains("no model");
            });
  }
}
