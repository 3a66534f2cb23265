// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.transformations.SqlModel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abnormal inputs with a model: the simulated change (the abnormality substituted into sampled
 * rows) combined with the observed one by RIME's rule (ADR 0016), on Null Check. Reference x, z
 * have no nulls; labels y; no prediction column, so the observed impact is the failing fraction.
 */
class SimulatedImpactTest {

  @TempDir Path dir;
  private Db db;
  private final NullCheckTest test = new NullCheckTest();

  @BeforeEach
  void write() {
    db = Db.open();
    Fixtures.csv(dir, "ref.csv", "x,z,y", "1.5,1.5,0", "2.5,2.5,0", "8.5,8.5,1", "9.5,9.5,1");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestCase x(String eval, SqlModel model) {
    Fixtures.csv(dir, "eval.csv", eval.split("\n"));
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", "y", null), dir);
    ctx.setModel(model);
    return Cases.one(test, ctx, "x");
  }

  @Test
  void aSimulatedChangeReplacesTheFailingFraction() {
    // Sample (complete rows first): x 2.5, 3.5, 7.5, null → 0.25, 0.35, 0.75, 0.4 with labels
    // 0, 0, 1, 1: accuracy 3/4. x nulled: 0.4 everywhere, accuracy 2/4: a drop of 0.25, High.
    TestCase c =
        x(
            "x,z,y\n2.5,2.5,0\n3.5,3.5,0\n7.5,7.5,1\n,8.5,1",
            new SqlModel("COALESCE(x, 4) / 10", null));
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.metrics().get("simulated_impact")).isEqualTo(0.25);
    assertThat(c.importanceScore()).isEqualTo(0.25);
    assertThat(c.description())
        .endsWith(
            " Simulated with the model (null substituted in 4 sampled evaluation rows): accuracy"
                + " 0.7500 → 0.5000 on 4 labelled rows, a change of 0.2500; severity high from the"
                + " larger of the observed and simulated changes.");
  }

  @Test
  void failingRowsWithARobustModelAreLow() {
    // COALESCE(x, z): nulling x changes nothing (simulated 0); one row fails: Low.
    TestCase c =
        x(
            "x,z,y\n2.5,2.5,0\n3.5,3.5,0\n7.5,7.5,1\n,8.5,1",
            new SqlModel("COALESCE(x, z) / 10", null));
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.LOW);
    assertThat(c.metrics().get("simulated_impact")).isEqualTo(0.0);
  }

  @Test
  void theSimulatedChangeAloneCanFail() {
    // No null in the evaluation data; nulling x drops accuracy 1 → 0.5.
    TestCase c =
        x(
            "x,z,y\n2.5,2.5,0\n3.5,3.5,0\n7.5,7.5,1\n8.5,8.5,1",
            new SqlModel("COALESCE(x, 4) / 10", null));
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.metrics().get("num_failing_rows")).isEqualTo(0.0);
    assertThat(c.description())
        .startsWith("No evaluation rows have missing values (null or NaN) in 'x'. Simulated");
  }

  @Test
  void aModelErrorLeavesTheObservedJudgement() {
    TestCase c =
        x("x,z,y\n2.5,2.5,0\n3.5,3.5,0\n7.5,7.5,1\n8.5,8.5,1", new SqlModel("x / 10", "x IS NULL"));
    assertThat(c.status()).as(c.description()).isEqualTo(TestStatus.PASS);
    assertThat(c.details().get("simulation_error").toString()).contains("ValueError: bad input");
  }
}
