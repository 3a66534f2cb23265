// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.JobStatus;
import dev.rime.api.Json;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunSummary;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.DataLoader;
import dev.rime.engine.data.Db;
import dev.rime.engine.model.JavaModelAdapter;
import dev.rime.engine.model.ModelAdapter;
import dev.rime.engine.model.ModelJars;
import dev.rime.engine.model.OnnxModelAdapter;
import dev.rime.engine.model.Predictions;
import dev.rime.sdk.JobStatusInfo;
import dev.rime.sdk.RimeClient;
import dev.rime.sdk.StressTestJob;
import dev.rime.sdk.StressTestOptions;
import dev.rime.server.RimeServer;
import dev.rime.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model_info} end to end: the Titanic example stress-tested through the Java SDK by a real
 * server (the engine in a child JVM) with an ONNX model and with a Java model from a jar, each run
 * equal, metric for metric and case for case, to the run that is given the same model's predictions
 * in {@code pred_col}.
 */
class ModelRuntimesEndToEndTest {

  @TempDir static Path tmp;
  static RimeServer server;
  static RimeClient client;
  static final Path TITANIC = RunCommandTest.REPO.resolve("examples/titanic");

  @BeforeAll
  static void start() throws IOException {
    server = RimeServer.start(ServerConfig.defaults(tmp.resolve("data")).withPort(0));
    client =
        RimeClient.builder()
            .address(server.url())
            .apiKey(Files.readString(server.adminKeyFile()).trim())
            .build();
  }

  @AfterAll
  static void stop() {
    server.scheduler().stopRunningJobs();
    server.close();
  }

  private static StressTestJob run(Path dir, Map<String, Object> config) throws IOException {
    Path file = dir.resolve(config.get("run_name") + ".json");
    Files.writeString(file, Json.lenient().writeValueAsString(config));
    StressTestJob job =
        client.startStressTest(
            RimeClient.loadConfig(file),
            StressTestOptions.builder()
                .ramRequestMegabytes(1000)
                .cpuRequestMillicores(1000)
                .build());
    JobStatusInfo status = job.getStatus(false, true, 0.2);
    assertThat(status.status()).as(job.job().errorMessage()).isEqualTo(JobStatus.SUCCEEDED);
    return job;
  }

  private static Map<String, Object> config(
      String name, String ref, String eval, String predCol, Map<String, Object> modelInfo) {
    Map<String, Object> dataInfo = new LinkedHashMap<>();
    dataInfo.put("label_col", "survived");
    if (predCol != null) {
      dataInfo.put("pred_col", predCol);
    }
    dataInfo.put("ref_path", ref);
    dataInfo.put("eval_path", eval);
    dataInfo.put("features_not_in_model", List.of("pred"));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("run_name", name);
    config.put("data_info", dataInfo);
    if (modelInfo != null) {
      config.put("model_info", modelInfo);
    }
    return config;
  }

  /**
   * A copy of a Titanic file with the model's predictions as column {@code __rime_pred} (the name
   * the engine gives them, so that seeds derived from a column's name agree), scored by the adapter
   * directly (every column but the label, as the engine gives them).
   */
  private static void withPredictions(
      Path dir, String file, Function<Map<String, String>, ModelAdapter> open) throws IOException {
    Predictions p;
    try (Db db = Db.open()) {
      var d = DataLoader.load(db, "t", "data", TITANIC.resolve(file), null);
      Map<String, String> inputs = new LinkedHashMap<>(d.columns());
      inputs.remove("survived");
      try (ModelAdapter m = open.apply(inputs)) {
        List<String> cols = new ArrayList<>();
        inputs.keySet().forEach(c -> cols.add("\"" + c + "\""));
        p = m.predict(db, "SELECT " + String.join(", ", cols) + " FROM t");
      }
    }
    List<String> lines = Files.readAllLines(TITANIC.resolve(file));
    List<String> out = new ArrayList<>();
    out.add(lines.get(0) + ",__rime_pred");
    for (int i = 1; i < lines.size(); i++) {
      out.add(lines.get(i) + "," + p.get(i - 1));
    }
    Files.write(dir.resolve("scored-" + file), out);
  }

  private static void assertSameRuns(StressTestJob byModel, StressTestJob byPredCol) {
    TestRunSummary a = byModel.getTestRunResult().summary();
    TestRunSummary b = byPredCol.getTestRunResult().summary();
    // Equal up to the order of floating-point sums (DuckDB sums in parallel).
    assertThat(a.modelPerf()).isNotEmpty();
    assertThat(a.modelPerf().keySet()).isEqualTo(b.modelPerf().keySet());
    a.modelPerf()
        .forEach(
            (name, pair) -> {
              assertClose(name, pair.refMetric(), b.modelPerf().get(name).refMetric());
              assertClose(name, pair.evalMetric(), b.modelPerf().get(name).evalMetric());
            });
    assertThat(a.features())
        .anySatisfy(
            f -> {
              assertThat(f.name()).isEqualTo("__rime_pred");
              assertThat(f.source()).isEqualTo("model");
            });
    // Tests that call the model (Transformations, Attacks, Abnormal Inputs' simulated impact) run
    // only with the model; every test that reads the predictions agrees.
    List<String> callTheModel = List.of("Abnormal Inputs", "Transformations", "Attacks");
    List<TestCase> all = byModel.getTestCasesResult().testCases();
    assertThat(all).anyMatch(c -> c.category().equals("Attacks"));
    List<TestCase> x = all.stream().filter(c -> !callTheModel.contains(c.category())).toList();
    List<TestCase> y =
        byPredCol.getTestCasesResult().testCases().stream()
            .filter(c -> !callTheModel.contains(c.category()))
            .toList();
    assertThat(x).hasSameSizeAs(y).hasSizeGreaterThan(20);
    for (int i = 0; i < x.size(); i++) {
      TestCase c = x.get(i);
      TestCase d = y.get(i);
      String what = c.testId() + " " + c.features();
      assertThat(c.testId()).isEqualTo(d.testId());
      assertThat(c.features()).as(what).isEqualTo(d.features());
      assertThat(c.status()).as(what).isEqualTo(d.status());
      assertThat(c.severity()).as(what).isEqualTo(d.severity());
      assertThat(c.metrics().keySet()).as(what).isEqualTo(d.metrics().keySet());
      c.metrics().forEach((k, v) -> assertClose(what + " " + k, v, d.metrics().get(k)));
    }
  }

  private static void assertClose(String what, Double a, Double b) {
    if (a == null || b == null) {
      assertThat(a).as(what).isEqualTo(b);
    } else {
      assertThat(a)
          .as(what)
          .isCloseTo(b, org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(b))));
    }
  }

  @Test
  void anOnnxModel() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("onnx"));
    for (String f : List.of("reference.csv", "evaluation.csv")) {
      Files.copy(TITANIC.resolve(f), dir.resolve(f));
    }
    Files.copy(TITANIC.resolve("onnx/titanic.onnx"), dir.resolve("titanic.onnx"));
    Function<Map<String, String>, ModelAdapter> open =
        inputs ->
            new OnnxModelAdapter(
                dir.resolve("titanic.onnx"),
                ModelTask.BINARY_CLASSIFICATION,
                inputs,
                1000,
                Duration.ofSeconds(60));
    withPredictions(dir, "reference.csv", open);
    withPredictions(dir, "evaluation.csv", open);
    StressTestJob byModel =
        run(
            dir,
            config(
                "onnx-model",
                "reference.csv",
                "evaluation.csv",
                null,
                Map.of("path", "titanic.onnx", "batch_size", 100)));
    StressTestJob byPredCol =
        run(
            dir,
            config(
                "onnx-pred-col",
                "scored-reference.csv",
                "scored-evaluation.csv",
                "__rime_pred",
                null));
    assertSameRuns(byModel, byPredCol);
  }

  @Test
  void aJavaModelFromAJar() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("java"));
    for (String f : List.of("reference.csv", "evaluation.csv")) {
      Files.copy(TITANIC.resolve(f), dir.resolve(f));
    }
    // a hand-made logistic model: women and upper classes survive more, a missing age counts 30
    ModelJars.jar(
        dir,
        "titanic-model.jar",
        Map.of(
            "example.TitanicModel",
            "package example;\n"
                + "import dev.rime.api.model.*;\n"
                + "public final class TitanicModel implements Model {\n"
                + "  public double[][] predict(ModelBatch b) {\n"
                + "    double[][] out = new double[b.size()][1];\n"
                + "    for (int i = 0; i < b.size(); i++) {\n"
                + "      double age = b.getDouble(i, \"age\");\n"
                + "      double z = 1.1 + (\"female\".equals(b.get(i, \"sex\")) ? 2.5 : 0)\n"
                + "          - 0.9 * b.getDouble(i, \"pclass\") - 0.03 * (Double.isNaN(age) ? 30"
                + " : age);\n"
                + "      out[i][0] = 1 / (1 + Math.exp(-z));\n"
                + "    }\n"
                + "    return out;\n"
                + "  }\n"
                + "}\n"));
    Path jar = dir.resolve("titanic-model.jar");
    Function<Map<String, String>, ModelAdapter> open =
        inputs ->
            new JavaModelAdapter(
                jar,
                "example.TitanicModel",
                ModelTask.BINARY_CLASSIFICATION,
                1000,
                Duration.ofSeconds(60));
    withPredictions(dir, "reference.csv", open);
    withPredictions(dir, "evaluation.csv", open);
    StressTestJob byModel =
        run(
            dir,
            config(
                "java-model",
                "reference.csv",
                "evaluation.csv",
                null,
                Map.of("path", "titanic-model.jar", "class_name", "example.TitanicModel")));
    StressTestJob byPredCol =
        run(
            dir,
            config(
                "java-pred-col",
                "scored-reference.csv",
                "scored-evaluation.csv",
                "__rime_pred",
                null));
    assertSameRuns(byModel, byPredCol);
  }
}
