// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

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
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestCatalogue;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selectable drift statistics of Numeric and Categorical Feature Drift against scipy 1.14.1
 * ({@code drift_methods.py}), on planted shifts, and on edge-case columns.
 */
class DriftMethodsTest {

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

  private static final StressTest NUMERIC = new ContinuousDriftTest();
  private static final StressTest CATEGORICAL = new CategoricalDriftTest();

  private static TestParams with(StressTest t, String statistic) {
    return TestParams.defaults(t).with("drift_statistic", statistic);
  }

  private static TestCase only(List<TestCase> cases, String feature) {
    return cases.stream()
        .filter(c -> c.features().equals(List.of(feature)))
        .findFirst()
        .orElseThrow();
  }

  private static double num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  @Test
  void referenceDataMatchScipy() {
    TestContext ctx = Fixtures.context(db, Reference.config(), Reference.dir());

    TestCase ks = only(NUMERIC.run(ctx, with(NUMERIC, "Kolmogorov-Smirnov")), "num");
    Map<String, Object> k = Reference.methods("ks", "reference");
    assertThat(ks.metrics().get("ks_statistic")).isCloseTo(num(k, "statistic"), within(1e-15));
    assertThat(ks.metrics().get("distance")).isEqualTo(ks.metrics().get("ks_statistic"));
    assertThat(ks.metrics().get("p_value"))
        .isCloseTo(num(k, "p_value"), within(1e-9 * num(k, "p_value")));
    assertThat(ks.details()).containsEntry("ks_p_value_method", "exact");
    assertThat(ks.metrics()).doesNotContainKey("psi");

    TestCase w = only(NUMERIC.run(ctx, with(NUMERIC, "Wasserstein")), "num");
    Map<String, Object> ws = Reference.methods("wasserstein", "reference");
    assertThat(w.metrics().get("wasserstein_distance"))
        .isCloseTo(num(ws, "normalised"), within(1e-12));
    assertThat(w.metrics().get("wasserstein_distance_raw"))
        .isCloseTo(num(ws, "raw"), within(1e-12));
    assertThat(w.metrics().get("ref_std")).isCloseTo(num(ws, "ref_std"), within(1e-12));
    // Its p-value is the KS test's on the same (finite) values.
    assertThat(w.metrics().get("p_value")).isEqualTo(ks.metrics().get("p_value"));

    Map<String, Object> js = Reference.methodsObject("js");
    TestCase jsNum = only(NUMERIC.run(ctx, with(NUMERIC, "Jensen-Shannon")), "num");
    assertThat(jsNum.metrics().get("js_distance")).isCloseTo(num(js, "num"), within(1e-12));
    assertThat(jsNum.details()).containsEntry("num_bins", ((Number) js.get("num_bins")).intValue());
    TestCase jsCat = only(CATEGORICAL.run(ctx, with(CATEGORICAL, "Jensen-Shannon")), "cat");
    assertThat(jsCat.metrics().get("js_distance")).isCloseTo(num(js, "cat"), within(1e-12));
    assertThat(jsCat.metrics().get("null_js_mean")).isPositive();

    Map<String, Object> chi = Reference.methodsObject("chi2");
    TestCase c = only(CATEGORICAL.run(ctx, with(CATEGORICAL, "Chi-Squared")), "cat");
    assertThat(c.metrics().get("chi_squared")).isCloseTo(num(chi, "statistic"), within(1e-10));
    assertThat(c.metrics().get("cramers_v")).isCloseTo(num(chi, "cramers_v"), within(1e-12));
    assertThat(c.metrics().get("degrees_of_freedom")).isEqualTo(4.0);
    assertThat(c.metrics().get("p_value"))
        .isCloseTo(num(chi, "p_value"), within(1e-9 * num(chi, "p_value")));
    // V = 0.166 >= 0.1 and p = 4e-6: drift; with predictions severity follows the impact.
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.details())
        .containsEntry("drift_statistic", "Chi-Squared")
        .containsEntry("distance_threshold", 0.1)
        .containsEntry("p_value_method", "Pearson's chi-squared test");
    assertThat(c.description())
        .startsWith("Cramér's V of 'cat' between reference and evaluation data is 0.1661")
        .contains("(chi-squared 30.33, 4 degrees of freedom)");
  }

  /** The deterministic sequences of drift_methods.py: exact in Java and numpy alike. */
  private TestContext largeSequences(double shift) {
    List<String> ref = new ArrayList<>(List.of("x"));
    for (long i = 0; i < 12000; i++) {
      ref.add(Double.toString(((i * 7919) % 10007) / 100.0));
    }
    List<String> eval = new ArrayList<>(List.of("x"));
    for (long j = 0; j < 15000; j++) {
      eval.add(Double.toString(((j * 104729) % 10009) / 100.0 + shift));
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    return Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, null), dir);
  }

  @Test
  void largeSamplesUseTheAsymptoticPValueAsScipy() {
    for (double shift : new double[] {0.3, 1.5, 3.0}) {
      TestContext ctx = largeSequences(shift);
      Map<String, Object> k = Reference.methods("ks", "large_" + shift);
      TestCase ks = NUMERIC.run(ctx, with(NUMERIC, "Kolmogorov-Smirnov")).get(0);
      assertThat(ks.metrics().get("ks_statistic"))
          .as("D at shift %s", shift)
          .isCloseTo(num(k, "statistic"), within(1e-15));
      assertThat(ks.metrics().get("p_value"))
          .as("p at shift %s", shift)
          .isCloseTo(num(k, "p_value"), within(1e-9 * num(k, "p_value")));
      assertThat(ks.details()).containsEntry("ks_p_value_method", "asymptotic");
      Map<String, Object> ws = Reference.methods("wasserstein", "large_" + shift);
      TestCase w = NUMERIC.run(ctx, with(NUMERIC, "Wasserstein")).get(0);
      assertThat(w.metrics().get("wasserstein_distance_raw"))
          .isCloseTo(num(ws, "raw"), within(1e-9));
      assertThat(w.metrics().get("wasserstein_distance"))
          .isCloseTo(num(ws, "normalised"), within(1e-12));
      db.close();
      db = Db.open();
    }
  }

  @Test
  void largeSampleVerdicts() {
    // Shift 3 (a tenth of a standard deviation of U(0, 100)): D = 0.031 with p = 6e-6, beyond
    // noise but below the KS threshold 0.1, so it passes; the normalised Wasserstein 0.105 reaches
    // its threshold 0.1 (and 0.105 < 0.2): LOW.
    TestContext ctx = largeSequences(3.0);
    TestCase ks = NUMERIC.run(ctx, with(NUMERIC, "Kolmogorov-Smirnov")).get(0);
    assertThat(ks.status()).isEqualTo(TestStatus.PASS);
    assertThat(ks.description())
        .contains("below the distance threshold 0.1")
        .contains("a difference beyond sampling noise, but smaller than the threshold");
    TestCase w = NUMERIC.run(ctx, with(NUMERIC, "Wasserstein")).get(0);
    assertThat(w.status()).isEqualTo(TestStatus.FAIL);
    assertThat(w.severity()).isEqualTo(Severity.LOW);
    assertThat(w.description())
        .startsWith("Normalised Wasserstein distance of 'x' between reference and evaluation data")
        .contains("(W1 3.031 over the reference standard deviation 28.89)")
        .contains("beyond sampling noise (p-value 6.45e-06, two-sample Kolmogorov-Smirnov test)");
  }

  /**
   * n rows a side from a seeded Random: {@code still} ~ N(0, 1) on both sides; {@code moved} ~ N(0,
   * 1) in the reference and N(0.5, 1) in the evaluation data; {@code same} a category a/b/c equally
   * likely on both sides; {@code skew} a/b/c equally likely in the reference, (0.6, 0.3, 0.1) in
   * the evaluation data.
   */
  private TestContext planted(int n) {
    Random r = new Random(11);
    List<String> ref = new ArrayList<>(List.of("still,moved,same,skew"));
    List<String> eval = new ArrayList<>(List.of("still,moved,same,skew"));
    String[] abc = {"a", "b", "c"};
    for (int i = 0; i < n; i++) {
      ref.add(
          String.format(
              Locale.ROOT,
              "%.4f,%.4f,%s,%s",
              r.nextGaussian(),
              r.nextGaussian(),
              abc[r.nextInt(3)],
              abc[r.nextInt(3)]));
      double u = r.nextDouble();
      eval.add(
          String.format(
              Locale.ROOT,
              "%.4f,%.4f,%s,%s",
              r.nextGaussian(),
              r.nextGaussian() + 0.5,
              abc[r.nextInt(3)],
              u < 0.6 ? "a" : u < 0.9 ? "b" : "c"));
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    return Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, null), dir);
  }

  @Test
  void aShiftedColumnIsFlaggedByEveryMethodAndAnUnshiftedOneByNone() {
    TestContext ctx = planted(2000);
    for (String statistic :
        List.of(
            "Population Stability Index", "Kolmogorov-Smirnov", "Jensen-Shannon", "Wasserstein")) {
      List<TestCase> cases = NUMERIC.run(ctx, with(NUMERIC, statistic));
      assertThat(only(cases, "moved").status()).as(statistic).isEqualTo(TestStatus.FAIL);
      assertThat(only(cases, "still").status()).as(statistic).isEqualTo(TestStatus.PASS);
      assertThat(only(cases, "moved").details()).containsEntry("drift_statistic", statistic);
    }
    for (String statistic :
        List.of("Population Stability Index", "Jensen-Shannon", "Chi-Squared")) {
      List<TestCase> cases = CATEGORICAL.run(ctx, with(CATEGORICAL, statistic));
      assertThat(only(cases, "skew").status()).as(statistic).isEqualTo(TestStatus.FAIL);
      assertThat(only(cases, "same").status()).as(statistic).isEqualTo(TestStatus.PASS);
    }
  }

  @Test
  void eachMethodHasItsOwnDefaultThresholdUnlessOneIsGiven() {
    TestContext ctx = planted(300);
    assertThat(only(NUMERIC.run(ctx, with(NUMERIC, "Kolmogorov-Smirnov")), "moved").details())
        .containsEntry("distance_threshold", 0.1);
    assertThat(only(NUMERIC.run(ctx, TestParams.defaults(NUMERIC)), "moved").details())
        .containsEntry("distance_threshold", 0.2)
        .containsEntry("drift_statistic", "Population Stability Index");
    TestCase given =
        only(
            NUMERIC.run(ctx, with(NUMERIC, "Kolmogorov-Smirnov").with("distance_threshold", 0.9)),
            "moved");
    assertThat(given.details()).containsEntry("distance_threshold", 0.9);
    assertThat(given.status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  void withinNoiseTheTestsOwnPValueSaysSo() {
    // 30 values a side (min_sample_size 10) from one distribution: KS D easily reaches 0.1 from
    // noise alone, but the KS test's p-value is large.
    TestContext ctx = planted(30);
    TestCase c =
        only(
            NUMERIC.run(ctx, with(NUMERIC, "Kolmogorov-Smirnov").with("min_sample_size", 10)),
            "still");
    assertThat(c.metrics().get("ks_statistic")).isGreaterThanOrEqualTo(0.1);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.description())
        .contains("but the two-sample Kolmogorov-Smirnov test gives p-value")
        .endsWith("so no drift is claimed.");
  }

  @Test
  void tooFewValuesSkipEveryStatistic() {
    TestContext ctx = planted(30);
    for (String statistic :
        List.of(
            "Population Stability Index", "Kolmogorov-Smirnov", "Jensen-Shannon", "Wasserstein")) {
      TestCase c = only(NUMERIC.run(ctx, with(NUMERIC, statistic)), "moved");
      assertThat(c.status()).as(statistic).isEqualTo(TestStatus.SKIP);
      assertThat((String) c.details().get("skip_reason"))
          .as(statistic)
          .contains("has 30 reference and 30 evaluation values; min_sample_size is 100");
    }
  }

  @Test
  void hugeCardinalityCategories() {
    // 3000 distinct categories a side (listed as categorical): disjoint sets in "moved", the same
    // set in "same". Disjoint: JS = 1 and V = 1 (perfect association with the dataset).
    List<String> ref = new ArrayList<>(List.of("moved,same"));
    List<String> eval = new ArrayList<>(List.of("moved,same"));
    for (int i = 0; i < 3000; i++) {
      ref.add("r" + i + ",s" + i);
      eval.add("e" + i + ",s" + (2999 - i));
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    Fixtures.dataInfo(config).put("categorical_features", List.of("moved", "same"));
    TestContext ctx = Fixtures.context(db, config, dir);
    List<TestCase> js = CATEGORICAL.run(ctx, with(CATEGORICAL, "Jensen-Shannon"));
    assertThat(only(js, "moved").metrics().get("js_distance")).isEqualTo(1.0);
    assertThat(only(js, "moved").status()).isEqualTo(TestStatus.FAIL);
    assertThat(only(js, "same").metrics().get("js_distance")).isZero();
    assertThat(only(js, "same").status()).isEqualTo(TestStatus.PASS);
    // Chi-squared has no power with one row per category: chi2 = n = 6000 on 5999 degrees of
    // freedom, p = 0.4939 (scipy's chi2_contingency gives the same), so V = 1 is within noise by
    // that test. Its approximation needs expected counts of about 5 or more (ADR 0009); JS's
    // simulated p-value above has no such limit.
    List<TestCase> chi = CATEGORICAL.run(ctx, with(CATEGORICAL, "Chi-Squared"));
    assertThat(only(chi, "moved").metrics().get("cramers_v")).isCloseTo(1.0, within(1e-12));
    assertThat(only(chi, "moved").metrics().get("degrees_of_freedom")).isEqualTo(5999.0);
    assertThat(only(chi, "moved").metrics().get("p_value"))
        .isCloseTo(0.49393023141635234, within(1e-9));
    assertThat(only(chi, "moved").status()).isEqualTo(TestStatus.PASS);
    assertThat(only(chi, "same").metrics().get("cramers_v")).isZero();
    assertThat(only(chi, "same").metrics().get("p_value")).isEqualTo(1.0);
  }

  @Test
  void unknownOrInapplicableStatisticsAreConfigErrorsListingTheOptions() {
    Map<String, Object> config = Fixtures.config("r.csv", "e.csv", null, null);
    Map<String, Object> tests = new LinkedHashMap<>();
    tests.put("continuous_drift", Map.of("drift_statistic", "Kolmogorov Smirnov"));
    config.put("tests_config", tests);
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tests_config.continuous_drift.drift_statistic: 'Kolmogorov Smirnov' is not one of"
                + " Population Stability Index, Kolmogorov-Smirnov, Jensen-Shannon, Wasserstein"
                + " (did you mean Kolmogorov-Smirnov?)");
    tests.put("continuous_drift", Map.of("drift_statistic", "Chi-Squared"));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessageContaining("'Chi-Squared' is not one of Population Stability Index,");
    tests.put("continuous_drift", Map.of());
    tests.put("categorical_drift", Map.of("drift_statistic", "Wasserstein"));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessageStartingWith(
            "tests_config.categorical_drift.drift_statistic: 'Wasserstein' is not one of"
                + " Population Stability Index, Jensen-Shannon, Chi-Squared");
    tests.put("categorical_drift", Map.of("drift_statistic", 3));
    assertThatThrownBy(() -> TestRunConfig.parse(config)).hasMessageContaining("is not one of");
  }

  @Test
  void simulationCountOnlyMattersWhereThePValueIsSimulated() {
    Map<String, Object> config = Fixtures.config("r.csv", "e.csv", null, null);
    Map<String, Object> tests = new LinkedHashMap<>();
    config.put("tests_config", tests);
    tests.put(
        "continuous_drift",
        Map.of("drift_statistic", "Kolmogorov-Smirnov", "num_null_simulations", 5));
    TestRunConfig.parse(config);
    tests.put(
        "continuous_drift", Map.of("drift_statistic", "Jensen-Shannon", "num_null_simulations", 5));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessageStartingWith("tests_config.continuous_drift.num_null_simulations: must be at");
    tests.put("continuous_drift", Map.of("distance_threshold", 0));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessage(
            "tests_config.continuous_drift.distance_threshold: must be a number greater than 0,"
                + " not 0");
  }

  @Test
  void aDistanceThresholdTheStatisticCannotReachIsAConfigError() {
    // KS D, the Jensen-Shannon distance (base 2) and Cramér's V lie in [0, 1]: a threshold above 1
    // would silently turn the test off. 1 itself is reachable (disjoint samples).
    Map<String, Object> config = Fixtures.config("r.csv", "e.csv", null, null);
    Map<String, Object> tests = new LinkedHashMap<>();
    config.put("tests_config", tests);
    tests.put(
        "continuous_drift",
        Map.of("drift_statistic", "Kolmogorov-Smirnov", "distance_threshold", 1.5));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessage(
            "tests_config.continuous_drift.distance_threshold: must be at most 1 with"
                + " drift_statistic Kolmogorov-Smirnov (the KS statistic D lies in [0, 1]), not"
                + " 1.5: no drift could ever be found");
    tests.put(
        "continuous_drift", Map.of("drift_statistic", "Jensen-Shannon", "distance_threshold", 2));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessageContaining("with drift_statistic Jensen-Shannon (the Jensen-Shannon distance");
    tests.put("continuous_drift", Map.of());
    tests.put(
        "categorical_drift", Map.of("drift_statistic", "Chi-Squared", "distance_threshold", 1.01));
    assertThatThrownBy(() -> TestRunConfig.parse(config))
        .hasMessageStartingWith("tests_config.categorical_drift.distance_threshold: must be at")
        .hasMessageContaining("Cramér's V lies in [0, 1]");
    // Reachable or unbounded: accepted.
    tests.put(
        "categorical_drift", Map.of("drift_statistic", "Chi-Squared", "distance_threshold", 1));
    tests.put(
        "continuous_drift", Map.of("drift_statistic", "Wasserstein", "distance_threshold", 5));
    TestRunConfig.parse(config);
    tests.put("continuous_drift", Map.of("distance_threshold", 5));
    TestRunConfig.parse(config);
  }

  @Test
  void edgeCaseColumns() {
    // empty: all null; constant: one value; inf: 10 infinite values among 150; text: integers
    // read as text (quoted), numeric by inference.
    List<String> ref = new ArrayList<>(List.of("empty,constant,inf,text"));
    List<String> eval = new ArrayList<>(List.of("empty,constant,inf,text"));
    for (int i = 0; i < 150; i++) {
      ref.add(",7.5," + (i < 10 ? "inf" : Integer.toString(i)) + ",\"" + i + "\"");
      eval.add(",7.5," + i + ",\"" + (i + 40) + "\"");
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    Fixtures.dataInfo(config).put("categorical_features", List.of("empty"));
    TestContext ctx = Fixtures.context(db, config, dir);

    List<TestCase> ks = NUMERIC.run(ctx, with(NUMERIC, "Kolmogorov-Smirnov"));
    assertThat(ks).extracting(c -> c.features().get(0)).containsExactly("constant", "inf", "text");
    // constant (numeric: with categorical_features given, other numbers are numeric): D = 0, p = 1.
    assertThat(only(ks, "constant").metrics().get("ks_statistic")).isZero();
    assertThat(only(ks, "constant").metrics().get("p_value")).isEqualTo(1.0);
    // inf: KS counts infinite values (at the end of the line): ref {inf x10, 10..149}, eval
    // {0..149}: F - G largest just below 10: G(9) = 10/150, F(9) = 0; and at the top the 10
    // infinities: F(149) = 140/150, G(149) = 1. D = 10/150.
    assertThat(only(ks, "inf").metrics().get("ks_statistic")).isCloseTo(10 / 150.0, within(1e-15));
    assertThat(only(ks, "inf").metrics().get("num_ref_values")).isEqualTo(150.0);
    // Wasserstein leaves them out: 140 finite reference values.
    List<TestCase> w = NUMERIC.run(ctx, with(NUMERIC, "Wasserstein"));
    assertThat(only(w, "inf").metrics().get("num_ref_values")).isEqualTo(140.0);
    // constant: W1 = 0, standard deviation 0 floored at 0.001: 0.
    assertThat(only(w, "constant").metrics().get("wasserstein_distance")).isZero();
    assertThat(only(w, "constant").metrics().get("ref_std")).isZero();
    // text: 0..149 vs 40..189 as numbers: W1 = 40 (a pure shift), D = 40/150.
    assertThat(only(w, "text").metrics().get("wasserstein_distance_raw"))
        .isCloseTo(40.0, within(1e-9));
    assertThat(only(ks, "text").metrics().get("ks_statistic")).isCloseTo(40 / 150.0, within(1e-15));
    assertThat(only(ks, "text").status()).isEqualTo(TestStatus.FAIL);

    // The all-null column has no values: SKIP for every categorical statistic; chi-squared on a
    // single category passes with an undefined Cramér's V.
    for (String statistic :
        List.of("Population Stability Index", "Jensen-Shannon", "Chi-Squared")) {
      TestCase empty = only(CATEGORICAL.run(ctx, with(CATEGORICAL, statistic)), "empty");
      assertThat(empty.status()).as(statistic).isEqualTo(TestStatus.SKIP);
    }
  }

  @Test
  void oneCategoryOnBothSidesHasNoChiSquaredDrift() {
    List<String> ref = new ArrayList<>(List.of("g"));
    for (int i = 0; i < 120; i++) {
      ref.add("only");
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", ref);
    TestContext ctx = Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", null, null), dir);
    TestCase c = CATEGORICAL.run(ctx, with(CATEGORICAL, "Chi-Squared")).get(0);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.metrics().get("cramers_v")).isNull();
    assertThat(c.metrics().get("distance")).isZero();
    assertThat(c.metrics().get("p_value")).isEqualTo(1.0);
    assertThat(c.metrics().get("degrees_of_freedom")).isZero();
  }

  @Test
  void theCatalogueOffersTheStatisticsWithPsiByDefault() {
    assertThat(TestCatalogue.byId("continuous_drift").orElseThrow().defaultParams())
        .containsEntry("drift_statistic", "Population Stability Index")
        .containsEntry("distance_threshold", null);
  }
}
