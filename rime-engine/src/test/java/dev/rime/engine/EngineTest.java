// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Json;
import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.TestsConfig;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestCatalogue;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

  @TempDir Path dir;

  /** n rows of (x numeric, color categorical, label, pred) from a seeded Random. */
  static List<String> generated(long seed, int n, double shift) {
    Random r = new Random(seed);
    String[] colors = {"red", "green", "blue"};
    List<String> lines = new ArrayList<>();
    lines.add("x,color,label,pred");
    for (int i = 0; i < n; i++) {
      double x = r.nextGaussian() + shift;
      String color = colors[r.nextInt(3)];
      int label = r.nextDouble() < 1 / (1 + Math.exp(-x)) ? 1 : 0;
      double pred = Math.round(1 / (1 + Math.exp(-(x + 0.5 * r.nextGaussian()))) * 1000) / 1000.0;
      lines.add(String.format(Locale.ROOT, "%.3f,%s,%d,%s", x, color, label, pred));
    }
    return lines;
  }

  @Test
  void runsEveryDefaultTestAndEvalAucMatchesPairwiseCount() {
    Fixtures.csv(dir, "ref.csv", generated(1, 400, 0));
    List<String> evalLines = generated(2, 300, 0.3);
    Fixtures.csv(dir, "eval.csv", evalLines);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "label", "pred");
    List<int[]> progress = new ArrayList<>();

    TestRunResult result = Engine.run(config, dir, (d, t) -> progress.add(new int[] {d, t}));

    // O(n^2) AUC: share of (positive, negative) pairs ordered right, ties counting one half.
    List<double[]> rows = new ArrayList<>();
    for (String line : evalLines.subList(1, evalLines.size())) {
      String[] f = line.split(",");
      rows.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
    }
    double wins = 0;
    long pairs = 0;
    for (double[] pos : rows) {
      for (double[] neg : rows) {
        if (pos[0] == 1 && neg[0] == 0) {
          pairs++;
          wins += pos[1] > neg[1] ? 1 : pos[1] == neg[1] ? 0.5 : 0;
        }
      }
    }
    assertThat(result.summary().modelPerf().get("AUC").evalMetric())
        .isCloseTo(wins / pairs, within(1e-12));
    int selected =
        TestsConfig.defaults().select(TestCatalogue.all(), ModelTask.BINARY_CLASSIFICATION).size();
    assertThat(progress.get(0)).containsExactly(0, selected);
    assertThat(progress.get(progress.size() - 1)).containsExactly(selected, selected);
    assertThat(result.summary().numInputs()).isEqualTo(300);
    assertThat(result.testCases())
        .extracting(TestCase::testId)
        .contains(
            "unseen_categorical",
            "out_of_range",
            "null_check",
            "categorical_drift",
            "continuous_drift",
            "prediction_drift",
            "auc",
            "subset_auc",
            "subset_accuracy",
            "duplicate_rows",
            "label_imbalance");
    String json = Json.lenient().writeValueAsString(result);
    assertThat(json).doesNotContainPattern("[:\\[,]\\s*-?(NaN|Infinity)");
  }

  @Test
  void aTestThatThrowsBecomesAFailedCaseAndTheRunGoesOn() {
    Fixtures.csv(dir, "ref.csv", generated(1, 150, 0));
    Fixtures.csv(dir, "eval.csv", generated(2, 150, 0));
    StressTest boom =
        new StressTest() {
          @Override
          public String id() {
            return "boom";
          }

          @Override
          public String displayName() {
            return "Boom";
          }

          @Override
          public String category() {
            return "Drift";
          }

          @Override
          public List<Param> params() {
            return List.of();
          }

          @Override
          public List<TestCase> run(TestContext ctx, TestParams params) {
            throw new IllegalStateException("kaput");
          }
        };
    List<StressTest> catalogue = new ArrayList<>(List.of(boom));
    catalogue.addAll(TestCatalogue.all());

    TestRunResult result =
        Engine.run(
            Fixtures.config("ref.csv", "eval.csv", "label", "pred"),
            dir,
            ProgressListener.NONE,
            catalogue);

    TestCase failed = result.testCases().get(0);
    assertThat(failed.testId()).isEqualTo("boom");
    assertThat(failed.status()).isEqualTo(TestStatus.FAIL);
    assertThat(failed.severity()).isEqualTo(Severity.LOW);
    assertThat(failed.metrics()).isEmpty();
    assertThat(failed.description()).isEqualTo("test raised IllegalStateException: kaput");
    assertThat((String) failed.details().get("error")).contains("kaput").contains("EngineTest");
    assertThat(result.testCases()).extracting(TestCase::testId).contains("label_imbalance");
    assertThat(result.summary().summaryCounts().total()).isEqualTo(result.testCases().size());
  }

  @Test
  void edgeCaseColumnsDoNotCrashAnyTest() {
    List<String> lines = new ArrayList<>();
    lines.add("empty,constant,single,unicode,num_nan,int_text,label,pred");
    Random r = new Random(7);
    for (int i = 0; i < 150; i++) {
      String unicode = i % 3 == 0 ? "\"\"" : i % 3 == 1 ? "Ünïcödé ✓" : "日本";
      String num = i % 10 == 0 ? "NaN" : i % 17 == 0 ? "inf" : Double.toString(r.nextGaussian());
      lines.add(
          String.join(
              ",",
              "",
              "7",
              "only",
              unicode,
              num,
              "\"" + (i % 40) + "\"",
              Integer.toString(i % 2),
              Double.toString(r.nextDouble())));
    }
    Fixtures.csv(dir, "ref.csv", lines);
    Fixtures.csv(dir, "eval.csv", lines.subList(0, 120));

    TestRunResult result =
        Engine.run(Fixtures.config("ref.csv", "eval.csv", "label", "pred"), dir, null);

    assertThat(result.testCases())
        .allSatisfy(c -> assertThat(c.description()).doesNotStartWith("test raised"));
    assertThat(result.summary().features())
        .extracting(f -> f.name() + ":" + f.type())
        .contains(
            "empty:categorical", "constant:categorical", "num_nan:numeric", "int_text:numeric");
    String json = Json.lenient().writeValueAsString(result);
    assertThat(json).doesNotContainPattern("[:\\[,]\\s*-?(NaN|Infinity)");
  }

  @Test
  void readsTestsConfigPathAgainstTheBaseDir() throws Exception {
    Fixtures.csv(dir, "ref.csv", generated(1, 150, 0));
    Fixtures.csv(dir, "eval.csv", generated(2, 150, 0));
    java.nio.file.Files.writeString(
        dir.resolve("tests.json"), "{\"categories\": [\"Model Performance\"]}");
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "label", "pred");
    config.put("tests_config_path", "tests.json");

    TestRunResult result = Engine.run(config, dir, null);

    assertThat(result.testCases()).extracting(TestCase::category).containsOnly("Model Performance");
    assertThat(result.testCases()).extracting(TestCase::testId).contains("auc", "atc");
  }

  @Test
  void missingTestsConfigFileIsAConfigError() {
    Fixtures.csv(dir, "ref.csv", generated(1, 10, 0));
    Fixtures.csv(dir, "eval.csv", generated(2, 10, 0));
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "label", "pred");
    config.put("tests_config_path", "nope.json");
    assertThatThrownBy(() -> Engine.run(config, dir, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("tests_config_path: file not found: " + dir.resolve("nope.json"));
  }

  @Test
  void regressionRunsWhatApplies() {
    Fixtures.csv(dir, "ref.csv", generated(1, 150, 0));
    Fixtures.csv(dir, "eval.csv", generated(2, 150, 0));
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "label", "pred");
    config.put("model_task", "Regression");

    TestRunResult result = Engine.run(config, dir, null);

    assertThat(result.summary().modelPerf())
        .containsOnlyKeys(
            "Average Prediction",
            "Mean Absolute Error",
            "Mean Absolute Percentage Error",
            "Mean Squared Error",
            "Mean Squared Log Error",
            "Root Mean Squared Error",
            "R Squared");
    // Classification tests of the default categories are not selected for a regression model.
    assertThat(result.testCases())
        .extracting(TestCase::testId)
        .contains("mae", "r_squared", "regression_label_drift")
        .doesNotContain("auc", "accuracy", "atc", "categorical_label_drift");
  }
}
