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
import java.util.Map;
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
    assertThat(c.details()).containsEntry("num_reference_outliers", 0L);
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
    assertThat(((Number) c.details().get("num_reference_outliers")).longValue())
        .isEqualTo(((Number) expected.get("reference_outliers")).longValue());
  }
}
