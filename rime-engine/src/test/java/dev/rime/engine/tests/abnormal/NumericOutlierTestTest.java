// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import static dev.rime.engine.tests.abnormal.Cases.metric;
import static dev.rime.engine.tests.abnormal.Cases.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.Reference;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.TestRunConfig;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumericOutlierTestTest {

  @TempDir Path dir;
  private Db db;
  private final NumericOutlierTest test = new NumericOutlierTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Header {@code v} and the values in the order given. */
  private void write(String name, List<String> values) {
    List<String> lines = new ArrayList<>(List.of("v"));
    lines.addAll(values);
    Fixtures.csv(dir, name, lines);
  }

  /** 0.5, 1.5, ..., 100.5 in a shuffled order (k * 37 mod 101): not ascending, not whole. */
  private static List<String> halves() {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < 101; k++) {
      out.add(((k * 37) % 101) + ".5");
    }
    return out;
  }

  @Test
  void defaultThresholdsFromReferenceQuantiles() {
    // Sorted reference: 0.5 .. 100.5, n = 101, quantile position (n - 1) q = 100 q.
    // Q(0.005) = between 0.5 and 1.5 at 0.5 -> 1.0; Q(0.1) = 10.5; Q(0.9) = 90.5;
    // Q(0.995) = between 99.5 and 100.5 at 0.5 -> 100.0.
    // lower = 1.0 - (10.5 - 1.0) = -8.5; upper = 100.0 + (100.0 - 90.5) = 109.5.
    write("ref.csv", halves());
    // -9 below, -8.5 on the threshold (kept), 50, 109.5 (kept), 110 above, NaN missing, inf above.
    write("eval.csv", List.of("-9", "-8.5", "50", "109.5", "110", "NaN", "inf", ""));
    TestCase c = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), "v");

    assertThat((Double) c.details().get("lower_threshold")).isCloseTo(-8.5, within(1e-9));
    assertThat((Double) c.details().get("upper_threshold")).isCloseTo(109.5, within(1e-9));
    assertThat(c.details()).containsEntry("num_below", 1L).containsEntry("num_above", 2L);
    // No reference row is outside: 3 of 8 against 0 of 101. Pooled share 3 / 109, z = (3/8 -
    // 0) / sqrt(3/109 * 106/109 * (1/101 + 1/8)) = 6.2407, one-sided p = 0.5 erfc(z / sqrt 2) =
    // 2.1774e-10 (Python's math.erfc).
    assertThat(metric(c, "num_reference_failing_rows")).isZero();
    assertThat(metric(c, "p_value")).isCloseTo(2.1774185639231044e-10, within(1e-20));
    // 3 failing rows of 8, no labels or predictions: impact = 3 / 8 = 0.375 >= 0.1 -> HIGH.
    assertThat(metric(c, "num_failing_rows")).isEqualTo(3.0);
    assertThat(c.importanceScore()).isEqualTo(0.375);
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.description()).startsWith("3 of 8 evaluation rows (37.50%) have outliers");
  }

  @Test
  void givenParametersWidenByTheMultiplier() {
    // Reference 1..11 (whole, 11 values: too few to call unique), not in order.
    write("ref.csv", List.of("6", "1", "11", "2", "10", "3", "9", "4", "8", "5", "7"));
    write("eval.csv", List.of("0", "-0.5", "12", "12.5", "6"));
    TestParams p =
        TestParams.defaults(test)
            .with("min_normal_prop", 0.8)
            .with("baseline_quantile", 0.2)
            .with("perturb_multiplier", 2.0);
    // a = 0.1; position 10 q: Q(0.1) = 2, Q(0.2) = 3, Q(0.8) = 9, Q(0.9) = 10.
    // lower = 2 - 2 (3 - 2) = 0; upper = 10 + 2 (10 - 9) = 12: -0.5 and 12.5 fail.
    TestCase c = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), p, "v");
    assertThat((Double) c.details().get("lower_threshold")).isCloseTo(0.0, within(1e-12));
    assertThat((Double) c.details().get("upper_threshold")).isCloseTo(12.0, within(1e-12));
    assertThat(metric(c, "num_failing_rows")).isEqualTo(2.0);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> examples = (List<Map<String, Object>>) c.details().get("examples");
    assertThat(examples).extracting(e -> e.get("value")).containsExactly("-0.5", "12.5");
  }

  @Test
  void passesWhenEveryValueIsInside() {
    write("ref.csv", halves());
    write("eval.csv", List.of("0.5", "100.5", "50"));
    TestCase c = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), "v");
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.severity()).isEqualTo(Severity.NONE);
    assertThat(metric(c, "num_failing_rows")).isZero();
  }

  @Test
  void skipsUniqueWholeNumbersLikeIdentifiers() {
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      ids.add(Integer.toString(1000 + (k * 7) % 30));
    }
    write("ref.csv", ids);
    write("eval.csv", List.of("5000"));
    TestCase c = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), "v");
    assertThat(c.status()).isEqualTo(TestStatus.SKIP);
    assertThat(c.description()).contains("unique").contains("30 distinct whole numbers of 30");
  }

  @Test
  void skipsColumnsAscendingInFileOrder() {
    List<String> sorted = new ArrayList<>();
    for (int k = 0; k < 40; k++) {
      sorted.add((k / 2) + ".25"); // 0.25, 0.25, 1.25, 1.25, ...: never decreasing, with ties
    }
    sorted.add(5, ""); // a missing value in between does not break the order
    write("ref.csv", sorted);
    write("eval.csv", List.of("100"));
    TestCase c = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), "v");
    assertThat(c.status()).isEqualTo(TestStatus.SKIP);
    assertThat(c.description()).contains("ascending in the reference file order");
  }

  @Test
  void descendingIsNotAscending() {
    List<String> desc = new ArrayList<>(halves());
    desc.sort((x, y) -> Double.compare(Double.parseDouble(y), Double.parseDouble(x)));
    write("ref.csv", desc);
    write("eval.csv", List.of("500"));
    TestCase c = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), "v");
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
  }

  @Test
  void skipsAFeatureWithoutFiniteReferenceValues() throws Exception {
    // Typed Float by the feature type file, though every reference value is missing.
    Fixtures.csv(dir, "ref.csv", "v,w", ",1", ",2");
    Fixtures.csv(dir, "eval.csv", "v,w", "1.5,1");
    Files.writeString(dir.resolve("types.csv"), "FeatureName,FeatureType\nv,FloatColumn\n");
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    Fixtures.dataInfo(config).put("feature_type_path", "types.csv");
    TestContext ctx = Fixtures.context(db, config, dir);
    TestCase c = one(test, ctx, "v");
    assertThat(c.status()).isEqualTo(TestStatus.SKIP);
    assertThat(c.description()).contains("no finite values in the reference data");
  }

  @Test
  void baselineQuantileInsideTheNormalQuantileIsAConfigError() {
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    config.put(
        "tests_config",
        Map.of("numeric_outlier", Map.of("min_normal_prop", 0.9, "baseline_quantile", 0.01)));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "tests_config.numeric_outlier.baseline_quantile: must be at least (1 - min_normal_prop)"
                + " / 2 = 0.05");
    config.put("tests_config", Map.of("numeric_outlier", Map.of("min_normal_prop", 0)));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessageContaining("min_normal_prop: must be a number greater than 0 and at most 1");
  }

  @Test
  void matchesNumpyOnTheReferenceData() {
    // abnormal_inputs.py: np.quantile (linear) of the finite reference values of x.
    @SuppressWarnings("unchecked")
    Map<String, Object> expected = (Map<String, Object>) Reference.abnormal("numeric_outliers_x");
    TestContext ctx =
        Fixtures.context(
            db,
            Fixtures.config("abnormal_ref.csv", "abnormal_eval.csv", null, null),
            Reference.dir());
    TestCase c = one(test, ctx, "x");
    assertThat((Double) c.details().get("lower_threshold"))
        .isCloseTo(((Number) expected.get("lower")).doubleValue(), within(1e-12));
    assertThat((Double) c.details().get("upper_threshold"))
        .isCloseTo(((Number) expected.get("upper")).doubleValue(), within(1e-12));
    assertThat(metric(c, "num_failing_rows"))
        .isEqualTo(((Number) expected.get("failing")).doubleValue());
    assertThat(metric(c, "num_reference_failing_rows"))
        .isEqualTo(((Number) expected.get("reference_outliers")).doubleValue());
    // 5 evaluation outliers of 491 against 4 of 2020 in the reference: p = 0.0032, a failure.
    assertThat(metric(c, "p_value"))
        .isCloseTo(((Number) expected.get("p_value")).doubleValue(), within(1e-12));
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
  }

  /** n values e^Z, Z standard normal (a lognormal sample, heavy right tail), from {@code seed}. */
  private static List<String> lognormal(int n, long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(String.format(Locale.ROOT, "%.6f", Math.exp(r.nextGaussian())));
    }
    return out;
  }

  @Test
  void twoIndependentHeavyTailedSamplesDoNotFail() {
    // Lognormal(0, 1): upper threshold about Q(0.995) + Q(0.995) - Q(0.9) = 13.1 + 9.5 = 22.7,
    // which about 0.09% of any sample exceeds (P(Z > ln 22.7 = 3.12)). The reference's own share
    // is the base rate: the evaluation's share is not significantly above it, so no failure (with
    // RIME's rule any of its ~90 outliers failed the case).
    write("ref.csv", lognormal(100_000, 1));
    write("eval.csv", lognormal(100_000, 2));
    TestCase c = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), "v");
    assertThat(metric(c, "num_failing_rows")).isPositive();
    assertThat(metric(c, "num_reference_failing_rows")).isPositive();
    assertThat(metric(c, "p_value")).isGreaterThanOrEqualTo(0.05);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.severity()).isEqualTo(Severity.NONE);
    assertThat(c.description())
        .contains("the evaluation share is not significantly above the reference's");
  }

  @Test
  void anExcessOfOutliersOverTheReferenceFails() {
    // The same evaluation sample with 300 values (0.3%) multiplied by 50: about 0.8 of them land
    // above 22.7, some 240 outliers more than the ~90 of the reference: p far below 0.05.
    List<String> eval = lognormal(100_000, 2);
    for (int i = 0; i < 300; i++) {
      int k = i * 331;
      eval.set(k, String.format(Locale.ROOT, "%.6f", 50 * Double.parseDouble(eval.get(k))));
    }
    write("ref.csv", lognormal(100_000, 1));
    write("eval.csv", eval);
    TestCase c = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), "v");
    assertThat(metric(c, "num_failing_rows") - metric(c, "num_reference_failing_rows"))
        .isGreaterThan(150);
    assertThat(metric(c, "p_value")).isLessThan(1e-6);
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.LOW); // failing fraction about 0.003 < 0.01
  }

  @Test
  void pValueThresholdIsAParameterWithARange() {
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    config.put("tests_config", Map.of("numeric_outlier", Map.of("p_value_threshold", 0)));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("p_value_threshold: must be a number greater than 0 and at most 1");
  }
}
