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
import java.util.Map;
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

  /**
   * n rows from a seeded Random: x ~ N(shift, 1) (3 decimals); c one of 60 categories k0 … k59,
   * uniform, or with {@code skew} 80% of rows uniform over k0 … k29 (90% there in all); p ~ U(0, 1)
   * + shift / 4, at most 1.
   */
  private static List<String> sample(long seed, int n, double shift, boolean skew) {
    java.util.Random r = new java.util.Random(seed);
    List<String> lines = new ArrayList<>(List.of("x,c,p"));
    for (int i = 0; i < n; i++) {
      double x = r.nextGaussian() + shift;
      int c = skew && r.nextDouble() < 0.8 ? r.nextInt(30) : r.nextInt(60);
      double p = Math.min(1, r.nextDouble() + shift / 4);
      lines.add(String.format(java.util.Locale.ROOT, "%.3f,k%d,%.3f", x, c, p));
    }
    return lines;
  }

  private TestContext samples(List<String> ref, List<String> eval) {
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    return Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, "p"), dir);
  }

  @Test
  void twoSamplesFromOneDistributionPassDespiteTheirNoisePsi() {
    // 300 rows each from one distribution. From noise alone PSI is about
    // (K - 1)(1/300 + 1/300): 99 * 2/300 = 0.66 over 100 numeric bins, 59 * 2/300 = 0.39 over 60
    // categories, both above 0.2 (and the prediction's above its low threshold 0.2).
    TestContext ctx = samples(sample(1, 300, 0, false), sample(2, 300, 0, false));
    for (StressTest t :
        List.of(new ContinuousDriftTest(), new CategoricalDriftTest(), new PredictionDriftTest())) {
      TestCase c = t.run(ctx, TestParams.defaults(t)).get(0);
      assertThat(c.metrics().get("psi")).as(t.id()).isGreaterThanOrEqualTo(0.2);
      assertThat(c.metrics().get("p_value")).as(t.id()).isGreaterThanOrEqualTo(0.05);
      assertThat(c.metrics().get("null_psi_mean")).as(t.id()).isGreaterThan(0.2);
      assertThat(c.status()).as(t.id()).isEqualTo(TestStatus.PASS);
      assertThat(c.severity()).as(t.id()).isEqualTo(Severity.NONE);
      assertThat(c.description())
          .as(t.id())
          .contains("but two samples of this size from one distribution give PSI ≥")
          .endsWith("so no drift is claimed.");
    }
  }

  @Test
  void aRealShiftFailsAndThePValueIsTheSmallestPossible() {
    // Mean + 1 sd, 80% of rows in half the categories, predictions + 0.25: far beyond noise, so
    // no simulated PSI reaches the observed one and p = 1 / (1 + 500).
    TestContext ctx = samples(sample(1, 300, 0, false), sample(2, 300, 1, true));
    for (StressTest t :
        List.of(new ContinuousDriftTest(), new CategoricalDriftTest(), new PredictionDriftTest())) {
      TestCase c = t.run(ctx, TestParams.defaults(t)).get(0);
      assertThat(c.status()).as(t.id()).isEqualTo(TestStatus.FAIL);
      assertThat(c.metrics().get("p_value")).as(t.id()).isEqualTo(1.0 / 501);
      assertThat(c.description()).as(t.id()).contains("beyond sampling noise");
    }
  }

  @Test
  void pValueIsReproducibleFromTheSeedAndChangesWithIt() {
    TestContext ctx = samples(sample(1, 300, 0, false), sample(2, 300, 0, false));
    StressTest t = new ContinuousDriftTest();
    double first = t.run(ctx, TestParams.defaults(t)).get(0).metrics().get("p_value");
    double again = t.run(ctx, TestParams.defaults(t)).get(0).metrics().get("p_value");
    assertThat(again).isEqualTo(first);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, "p");
    config.put("random_seed", 7);
    TestContext seeded = Fixtures.context(db, config, dir);
    double other = t.run(seeded, TestParams.defaults(t)).get(0).metrics().get("p_value");
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void numericCategoriesCompareByValue() {
    // Reference (as pandas writes ints with NaN): 60 x 1.0, 40 x 2.0, 10 x NaN: a DOUBLE column.
    // Evaluation: 50 x 1, 50 x 2: a BIGINT column. Categories 1 and 2 on both sides (NaN dropped):
    // p = (0.6, 0.4), q = (0.5, 0.5): PSI = 0.1 ln(0.6 / 0.5) + (-0.1) ln(0.4 / 0.5)
    // = 0.1 (ln 1.2 - ln 0.8) = 0.1 ln 1.5.
    List<String> ref = new ArrayList<>(List.of("g"));
    List<String> eval = new ArrayList<>(List.of("g"));
    for (int i = 0; i < 110; i++) {
      ref.add(i < 60 ? "1.0" : i < 100 ? "2.0" : "NaN");
    }
    for (int i = 0; i < 100; i++) {
      eval.add(i < 50 ? "1" : "2");
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, null), dir);
    assertThat(ctx.ref().columns().get("g")).isEqualTo("DOUBLE");
    assertThat(ctx.eval().columns().get("g")).isEqualTo("BIGINT");
    StressTest t = new CategoricalDriftTest();
    TestCase c = t.run(ctx, TestParams.defaults(t)).get(0);
    assertThat(c.metrics().get("psi")).isCloseTo(0.1 * Math.log(1.5), within(1e-12));
    assertThat(c.details().get("num_bins")).isEqualTo(2);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> top = (List<Map<String, Object>>) c.details().get("top_bins");
    assertThat(top).extracting(b -> b.get("bin")).containsExactlyInAnyOrder("1", "2");
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  void impactOfUnseenCategoriesUsesTheirEvaluationPredictions() {
    // Reference: 100 rows of category a, prediction 0.2. Evaluation: 60 rows of b (prediction
    // 0.9) and 40 of c (prediction 0.5), neither seen in the reference.
    // p = (a 1, b 0, c 0), q = (a 0, b 0.6, c 0.4); m_a = 0.2 (reference), m_b = 0.9 and
    // m_c = 0.5 (evaluation, no reference rows there):
    // impact = |(0 - 1) 0.2 + 0.6 * 0.9 + 0.4 * 0.5| = |-0.2 + 0.54 + 0.2| = 0.54,
    // the change of the average prediction 0.2 -> 0.74. (With the overall reference mean 0.2 for
    // b and c it was |-0.2 + 0.6 * 0.2 + 0.4 * 0.2| = 0.)
    List<String> ref = new ArrayList<>(List.of("g,p"));
    List<String> eval = new ArrayList<>(List.of("g,p"));
    for (int i = 0; i < 100; i++) {
      ref.add("a,0.2");
      eval.add(i < 60 ? "b,0.9" : "c,0.5");
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, "p"), dir);
    StressTest t = new CategoricalDriftTest();
    TestCase c = t.run(ctx, TestParams.defaults(t)).get(0);
    assertThat(c.metrics().get("prediction_impact")).isCloseTo(0.54, within(1e-12));
    // 0.54 >= 10 * 0.005: High.
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
  }
}
