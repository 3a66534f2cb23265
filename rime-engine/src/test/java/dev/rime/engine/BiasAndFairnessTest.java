// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bias and Fairness category through the engine: a model that treats the groups of a protected
 * feature very differently fails Demographic Parity on it, a fair one passes.
 */
class BiasAndFairnessTest {

  @TempDir Path dir;

  /**
   * 2000 rows: gender A or B (1000 each), an income, a label, and a prediction above 0.5 for
   * exactly {@code positivesA} rows of A and {@code positivesB} of B (which rows, seeded).
   */
  static List<String> generated(long seed, int positivesA, int positivesB) {
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>(List.of("gender,income,label,pred"));
    for (String g : List.of("A", "B")) {
      List<Boolean> positive = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        positive.add(i < (g.equals("A") ? positivesA : positivesB));
      }
      Collections.shuffle(positive, r);
      for (boolean p : positive) {
        double income = Math.round(50 + 15 * r.nextGaussian());
        double pred = p ? 0.55 + 0.4 * r.nextDouble() : 0.05 + 0.4 * r.nextDouble();
        int label = r.nextDouble() < pred ? 1 : 0;
        lines.add(String.format(Locale.ROOT, "%s,%.0f,%d,%.4f", g, income, label, pred));
      }
    }
    return lines;
  }

  private TestRunResult run(int positivesA, int positivesB) {
    Fixtures.csv(dir, "ref.csv", generated(1, positivesA, positivesB));
    Fixtures.csv(dir, "eval.csv", generated(2, positivesA, positivesB));
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "label", "pred");
    Fixtures.dataInfo(config).put("protected_features", List.of("gender"));
    config.put("tests_config", Map.of("categories", List.of("Bias and Fairness")));
    return Engine.run(config, dir, null);
  }

  private static TestCase demographicParity(TestRunResult result) {
    return result.testCases().stream()
        .filter(c -> c.testId().equals("demographic_parity"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aModelFavouringOneGroupFailsDemographicParity() {
    // Positive prediction rates 0.7 (A) and 0.2 (B): B's is 0.2 / 0.7 = 0.2857 of A's, far
    // below the high floor 0.6 (and far beyond noise with 1000 rows a group).
    TestRunResult result = run(700, 200);
    TestCase c = demographicParity(result);
    assertThat(c.features()).containsExactly("gender");
    assertThat(c.category()).isEqualTo("Bias and Fairness");
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.metrics().get("worst_ratio")).isCloseTo(0.2 / 0.7, within(1e-12));
    assertThat(c.details()).containsEntry("worst_group", "B").containsEntry("best_group", "A");
    // Every test of the category ran on the one protected feature.
    assertThat(result.testCases())
        .allSatisfy(t -> assertThat(t.category()).isEqualTo("Bias and Fairness"));
    assertThat(result.testCases())
        .extracting(TestCase::testId)
        .contains(
            "protected_feature_drift",
            "protected_proxies",
            "class_imbalance",
            "equalized_odds",
            "demographic_parity_avg_pred",
            "chi_squared_independence",
            "predict_protected_features",
            "subset_sensitivity_pos_pred",
            "subset_sensitivity_avg_pred",
            "equal_opportunity",
            "predictive_equality");
  }

  @Test
  void aFairModelPassesDemographicParity() {
    // 450 positive predictions in each group: ratio 1.
    TestCase c = demographicParity(run(450, 450));
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.severity()).isEqualTo(Severity.NONE);
    assertThat(c.metrics()).containsEntry("worst_ratio", 1.0);
  }
}
