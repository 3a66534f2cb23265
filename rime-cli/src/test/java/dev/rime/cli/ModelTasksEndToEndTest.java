// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.JobStatus;
import dev.rime.api.Json;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunSummary;
import dev.rime.sdk.JobStatusInfo;
import dev.rime.sdk.ResultRow;
import dev.rime.sdk.RimeClient;
import dev.rime.sdk.StressTestJob;
import dev.rime.sdk.StressTestOptions;
import dev.rime.server.RimeServer;
import dev.rime.server.ServerConfig;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A binary, a multi-class (class probabilities in ref_pred_path / eval_pred_path files) and a
 * regression model, each stress-tested through the Java SDK by a real server on a free port running
 * the engine in a child JVM, with the default categories. The run summary's metrics and the Model
 * Performance cases are checked against scikit-learn and numpy. The data and values in {@code
 * src/test/resources/model-tasks/} are copies of the engine's {@code
 * rime-engine/src/test/resources/reference/performance/} (made by {@code performance.py} there).
 */
class ModelTasksEndToEndTest {

  @TempDir static Path tmp;
  static RimeServer server;
  static RimeClient client;
  static Map<String, Object> expected;

  @BeforeAll
  static void start() throws Exception {
    server = RimeServer.start(ServerConfig.defaults(tmp.resolve("data")).withPort(0));
    client =
        RimeClient.builder()
            .address(server.url())
            .apiKey(Files.readString(server.adminKeyFile()).trim())
            .build();
    expected = Json.lenient().readValue(resources().resolve("performance.json").toFile(), Json.MAP);
  }

  @AfterAll
  static void stop() {
    server.scheduler().stopRunningJobs();
    server.close();
  }

  private static Path resources() throws URISyntaxException {
    return Path.of(
            ModelTasksEndToEndTest.class.getResource("/model-tasks/performance.json").toURI())
        .getParent();
  }

  @SuppressWarnings("unchecked")
  private static double value(String... path) {
    Object o = expected;
    for (String key : path) {
      o = ((Map<String, Object>) o).get(key);
    }
    return ((Number) o).doubleValue();
  }

  /**
   * Writes a config beside copies of the task's files (relative paths, as a user writes them),
   * reads it with {@link RimeClient#loadConfig}, runs it and waits for it.
   */
  private static StressTestJob run(String section, String task, Map<String, Object> predictions)
      throws IOException, URISyntaxException {
    Path dir = Files.createDirectories(tmp.resolve(section));
    try (var files = Files.list(resources())) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith(section)).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Map<String, Object> dataInfo = new LinkedHashMap<>();
    dataInfo.put("label_col", "y");
    dataInfo.putAll(predictions);
    dataInfo.put("ref_path", section + "_ref.csv");
    dataInfo.put("eval_path", section + "_eval.csv");
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("run_name", section);
    config.put("model_task", task);
    config.put("data_info", dataInfo);
    Path file = dir.resolve("config.json");
    Files.writeString(file, Json.lenient().writeValueAsString(config));

    StressTestJob job =
        client.startStressTest(
            RimeClient.loadConfig(file),
            StressTestOptions.builder()
                .ramRequestMegabytes(1000)
                .cpuRequestMillicores(1000)
                .build());
    JobStatusInfo status = job.getStatus(false, true, 0.2);
    assertThat(status.status())
        .as(section + ": " + job.job().errorMessage())
        .isEqualTo(JobStatus.SUCCEEDED);
    return job;
  }

  private static TestCase only(List<TestCase> cases, String testId) {
    List<TestCase> found = cases.stream().filter(c -> c.testId().equals(testId)).toList();
    assertThat(found).as(testId).hasSize(1);
    return found.get(0);
  }

  /**
   * Every test ran (a test that raised would say so) and every Model Performance test of the task
   * is here: binary 11 metrics (AUC, accuracy, F1, precision, recall, FPR, FNR, positive prediction
   * rate, average confidence, log loss, average prediction), multi-class 7 (multiclass AUC and
   * accuracy, macro F1, precision and recall, average confidence, log loss), regression 7 (average
   * prediction, MAE, MAPE, MSE, MSLE, RMSE, R²); classifiers also ATC and calibration.
   */
  private static void assertRanCleanly(
      List<TestCase> cases, TestRunSummary summary, int modelPerformanceTests) {
    assertThat(cases).hasSize(summary.summaryCounts().total());
    assertThat(cases).allSatisfy(c -> assertThat(c.description()).doesNotStartWith("test raised"));
    assertThat(cases)
        .filteredOn(c -> c.category().equals("Model Performance"))
        .hasSize(modelPerformanceTests)
        .noneMatch(c -> c.status() == TestStatus.SKIP);
  }

  @Test
  void aBinaryModel() throws Exception {
    StressTestJob job = run("binary", "Binary Classification", Map.of("pred_col", "p"));
    TestRunSummary summary = job.getTestRunResult().summary();
    List<TestCase> cases = job.getTestCasesResult().testCases();
    assertRanCleanly(cases, summary, 13);
    assertThat(summary.modelPerf()).hasSize(11);
    assertThat(summary.modelPerf().get("AUC").refMetric())
        .isCloseTo(value("binary", "ref", "auc"), within(1e-12));
    assertThat(summary.modelPerf().get("Log Loss").evalMetric())
        .isCloseTo(value("binary", "eval", "log_loss"), within(1e-12));
    TestCase accuracy = only(cases, "accuracy");
    assertThat(accuracy.metrics().get("degradation"))
        .isCloseTo(value("binary", "degradation", "accuracy"), within(1e-12));
    assertThat(only(cases, "atc").metrics().get("predicted_eval_accuracy"))
        .isCloseTo(value("binary", "atc", "predicted_eval_accuracy"), within(1e-12));
    assertThat(only(cases, "calibration_comparison").metrics().get("calibration_mse"))
        .isCloseTo(value("binary", "calibration", "calibration_mse"), within(1e-12));
    // Regression metrics are not selected for a classifier (ADR 0002).
    assertThat(cases).extracting(TestCase::testId).doesNotContain("mae", "r_squared");
  }

  @Test
  void aMultiClassModelWithClassProbabilityFiles() throws Exception {
    StressTestJob job =
        run(
            "multiclass",
            "Multi-class Classification",
            Map.of(
                "ref_pred_path", "multiclass_ref_probs.csv",
                "eval_pred_path", "multiclass_eval_probs.csv"));
    TestRunSummary summary = job.getTestRunResult().summary();
    List<TestCase> cases = job.getTestCasesResult().testCases();
    assertRanCleanly(cases, summary, 9);
    assertThat(summary.modelPerf())
        .containsOnlyKeys(
            "Multiclass AUC",
            "Multiclass Accuracy",
            "Macro F1",
            "Macro Precision",
            "Macro Recall",
            "Average Confidence",
            "Log Loss");
    assertThat(summary.modelPerf().get("Multiclass AUC").evalMetric())
        .isCloseTo(value("multiclass", "eval", "multiclass_auc"), within(1e-12));
    assertThat(summary.modelPerf().get("Macro F1").refMetric())
        .isCloseTo(value("multiclass", "ref", "macro_f1"), within(1e-12));
    assertThat(only(cases, "multiclass_accuracy").metrics().get("eval_multiclass_accuracy"))
        .isCloseTo(value("multiclass", "eval", "multiclass_accuracy"), within(1e-12));
    assertThat(only(cases, "atc").metrics().get("predicted_accuracy_drop"))
        .isCloseTo(value("multiclass", "atc", "predicted_accuracy_drop"), within(1e-12));
    assertThat(only(cases, "calibration_comparison").metrics().get("calibration_mse"))
        .isCloseTo(value("multiclass", "calibration", "calibration_mse"), within(1e-12));
  }

  @Test
  void aRegressionModel() throws Exception {
    StressTestJob job = run("regression", "Regression", Map.of("pred_col", "p"));
    TestRunSummary summary = job.getTestRunResult().summary();
    List<TestCase> cases = job.getTestCasesResult().testCases();
    assertRanCleanly(cases, summary, 7);
    assertThat(summary.modelPerf().get("R Squared").evalMetric())
        .isCloseTo(value("regression", "eval", "r_squared"), within(1e-12));
    // The SDK's one-row table names each metric's column by its display name.
    ResultRow row = job.getTestRunResult().row();
    assertThat(row.getDouble("model_perf.Mean Absolute Error.ref_metric"))
        .isCloseTo(value("regression", "ref", "mae"), within(1e-12));
    assertThat(only(cases, "rmse").metrics().get("degradation"))
        .isCloseTo(value("regression", "degradation", "rmse"), within(1e-12));
    assertThat(only(cases, "average_prediction").metrics().get("degradation"))
        .isCloseTo(value("regression", "degradation", "average_prediction"), within(1e-12));
    assertThat(cases).extracting(TestCase::testId).doesNotContain("atc", "auc");
  }
}
