// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftTest {

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Reference 100 a + 100 b; evaluation 150 a + 50 b (plus some nulls in each). */
  private TestContext categories() {
    List<String> ref = new ArrayList<>(List.of("c"));
    List<String> eval = new ArrayList<>(List.of("c"));
    for (int i = 0; i < 200; i++) {
      ref.add(i < 100 ? "a" : "b");
      eval.add(i < 150 ? "a" : "b");
    }
    ref.add("");
    eval.add("");
    eval.add("");
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    return Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, null), dir);
  }

  @Test
  void withoutPredictionsSeverityFollowsPsi() {
    TestContext ctx = categories();
    StressTest t = new CategoricalDriftTest();
    TestCase c = t.run(ctx, TestParams.defaults(t)).get(0);
    // p = (0.5, 0.5), q = (0.75, 0.25): PSI = 0.25 ln 1.5 + 0.25 ln 2 = 0.25 ln 3 = 0.2747.
    assertThat(c.metrics().get("psi")).isCloseTo(0.25 * Math.log(3), within(1e-12));
    assertThat(c.metrics().get("prediction_impact")).isNull();
    // Thresholds [0.2, 0.4, 0.6]: Low.
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.LOW);
    // distance_threshold 0.1 -> [0.1, 0.2, 0.3]: Medium.
    TestCase m = t.run(ctx, TestParams.defaults(t).with("distance_threshold", 0.1)).get(0);
    assertThat(m.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void nullsAreACategoryWhenNotIgnored() {
    TestContext ctx = categories();
    StressTest t = new CategoricalDriftTest();
    TestCase c = t.run(ctx, TestParams.defaults(t).with("ignore_nans", false)).get(0);
    // p = (100, 100, 1) / 201, q = (150, 50, 2) / 202.
    double[] p = {100 / 201.0, 100 / 201.0, 1 / 201.0};
    double[] q = {150 / 202.0, 50 / 202.0, 2 / 202.0};
    double psi = 0;
    for (int i = 0; i < 3; i++) {
      psi += (p[i] - q[i]) * Math.log(p[i] / q[i]);
    }
    assertThat(c.metrics().get("psi")).isCloseTo(psi, within(1e-12));
  }

  @Test
  void tooFewValuesSkip() {
    Fixtures.csv(dir, "ref.csv", "x,p", "1,0.1", "2,0.2", "3,0.3");
    Fixtures.csv(dir, "eval.csv", "x,p", "1,0.1", "2,0.2");
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, "p"), dir);
    StressTest t = new PredictionDriftTest();
    List<TestCase> cases = new ArrayList<>();
    try {
      cases.addAll(t.run(ctx, TestParams.defaults(t)));
    } catch (dev.rime.engine.tests.SkipTest e) {
      assertThat(e.getMessage()).contains("min_sample_size is 100");
      return;
    }
    throw new AssertionError("expected a skip, got " + cases);
  }

  @Test
  void identicalDataHasNoDrift() {
    List<String> lines = new ArrayList<>(List.of("x,p"));
    for (int i = 0; i < 300; i++) {
      lines.add(i % 37 + "," + (i % 10) / 10.0);
    }
    Fixtures.csv(dir, "ref.csv", lines);
    Fixtures.csv(dir, "eval.csv", lines);
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, "p"), dir);
    StressTest t = new ContinuousDriftTest();
    TestCase c = t.run(ctx, TestParams.defaults(t)).get(0);
    assertThat(c.metrics().get("psi")).isEqualTo(0.0);
    assertThat(c.metrics().get("prediction_impact")).isCloseTo(0.0, within(1e-12));
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }
}
