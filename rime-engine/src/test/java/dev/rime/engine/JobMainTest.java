// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Json;
import dev.rime.api.result.TestRunResult;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.TestsConfig;
import dev.rime.engine.model.Models;
import dev.rime.engine.tests.TestCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobMainTest {

  @TempDir Path dir;

  private void writeJob(Path jobDir, Map<String, Object> config) throws Exception {
    Files.createDirectories(jobDir);
    Files.writeString(
        jobDir.resolve("config.json"),
        Json.lenient()
            .writeValueAsString(Map.of("test_run_config", config, "base_dir", dir.toString())));
  }

  @Test
  void successWritesProgressResultAndExit() throws Exception {
    Fixtures.csv(dir, "ref.csv", EngineTest.generated(1, 120, 0));
    Fixtures.csv(dir, "eval.csv", EngineTest.generated(2, 120, 0));
    Path job = dir.resolve("job");
    writeJob(job, Fixtures.config("ref.csv", "eval.csv", "label", "pred"));

    int code = JobMain.run(job);

    int selected =
        TestsConfig.defaults().select(TestCatalogue.all(), ModelTask.BINARY_CLASSIFICATION).size();
    assertThat(code).isZero();
    assertThat(Json.lenient().readValue(job.resolve("exit.json").toFile(), Json.MAP))
        .isEqualTo(Map.of("status", "SUCCEEDED"));
    assertThat(Json.lenient().readValue(job.resolve("progress.json").toFile(), Json.MAP))
        .isEqualTo(Map.of("tests_completed", selected, "tests_total", selected));
    TestRunResult result =
        Json.lenient().readValue(job.resolve("result.json").toFile(), TestRunResult.class);
    assertThat(result.summary().name()).isEqualTo("fixture");
    assertThat(result.testCases()).isNotEmpty();
    assertThat(job.resolve("progress.json.tmp")).doesNotExist();
  }

  @Test
  void aJobInAManagedImageRunsPythonModelsWithTheImagesPython() throws Exception {
    Models.PythonRuntime before = Models.pythonRuntime();
    try {
      Fixtures.csv(dir, "ref.csv", EngineTest.generated(1, 50, 0));
      Fixtures.csv(dir, "eval.csv", EngineTest.generated(2, 50, 0));
      Files.writeString(dir.resolve("model.py"), "def predict_df(df):\n    return df\n");
      // the image's "python": leaves a mark and exits, as a broken environment would
      Path marker = dir.resolve("image-python-ran");
      Path python = dir.resolve("image-python");
      Files.writeString(
          python, "#!/bin/sh\necho \"$@\" > '" + marker + "'\necho 'no numpy here' >&2\nexit 3\n");
      python.toFile().setExecutable(true);
      Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "label", null);
      config.put("model_info", Map.of("path", "model.py"));
      Path job = dir.resolve("job");
      Files.createDirectories(job);
      Files.writeString(
          job.resolve("config.json"),
          Json.lenient()
              .writeValueAsString(
                  Map.of(
                      "test_run_config",
                      config,
                      "base_dir",
                      dir.toString(),
                      "python",
                      python.toString())));

      assertThat(JobMain.run(job)).isEqualTo(1);

      assertThat(Files.readString(marker)).contains("rime_runner.py");
      assertThat(
              (String)
                  Json.lenient()
                      .readValue(job.resolve("exit.json").toFile(), Json.MAP)
                      .get("error"))
          .contains("no numpy here");
    } finally {
      Models.setPythonRuntime(before);
    }
  }

  @Test
  void configErrorWritesFailedExitWithTheKey() throws Exception {
    Path job = dir.resolve("job");
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "label", "pred");
    Fixtures.dataInfo(config).put("lable_col", "x");
    writeJob(job, config);

    assertThat(JobMain.run(job)).isEqualTo(1);

    Map<String, Object> exit =
        Json.lenient().readValue(job.resolve("exit.json").toFile(), Json.MAP);
    assertThat(exit)
        .containsEntry("status", "FAILED")
        .containsEntry("error", "data_info.lable_col: unknown key; did you mean label_col?");
    assertThat(job.resolve("result.json")).doesNotExist();
  }

  @Test
  void dataErrorNamesTheFile() throws Exception {
    Path job = dir.resolve("job");
    writeJob(job, Fixtures.config("missing.csv", "eval.csv", "label", "pred"));

    assertThat(JobMain.run(job)).isEqualTo(1);

    assertThat(Json.lenient().readValue(job.resolve("exit.json").toFile(), Json.MAP))
        .containsEntry(
            "error", "data_info.ref_path: file not found: " + dir.resolve("missing.csv"));
  }

  @Test
  void unreadableJobConfigFails() throws Exception {
    Path job = Files.createDirectories(dir.resolve("job"));
    Files.writeString(job.resolve("config.json"), "{not json");

    assertThat(JobMain.run(job)).isEqualTo(1);

    assertThat(
            (String)
                Json.lenient().readValue(job.resolve("exit.json").toFile(), Json.MAP).get("error"))
        .startsWith("config.json: cannot read");
  }

  private Path continuousJob(Object continuous) throws Exception {
    Fixtures.csv(dir, "ref.csv", "color,pred,label", "a,0.2,0", "b,0.8,1");
    Fixtures.csv(
        dir,
        "eval.csv",
        "ts,color,pred,label",
        "2021-03-01,a,0.2,0",
        "2021-03-01 10:00:00,b,0.8,1",
        "2021-03-02T10:00:00Z,a,0.2,1");
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "label", "pred");
    config.put("continuous_info", Map.of("timestamp_col", "ts", "bin_size", "day"));
    Path job = dir.resolve("job");
    Files.createDirectories(job);
    Map<String, Object> file = new java.util.LinkedHashMap<>();
    file.put("test_run_config", config);
    file.put("base_dir", dir.toString());
    file.put("continuous", continuous);
    Files.writeString(job.resolve("config.json"), Json.lenient().writeValueAsString(file));
    return job;
  }

  @Test
  void aContinuousJobWritesAContinuousRunResult() throws Exception {
    Path job =
        continuousJob(Map.of("mode", "incremental", "skip_bins", java.util.List.of(1614643200L)));

    assertThat(JobMain.run(job)).isZero();

    assertThat(Json.lenient().readValue(job.resolve("exit.json").toFile(), Json.MAP))
        .isEqualTo(Map.of("status", "SUCCEEDED"));
    dev.rime.api.result.ContinuousRunResult result =
        Json.lenient()
            .readValue(
                job.resolve("result.json").toFile(), dev.rime.api.result.ContinuousRunResult.class);
    assertThat(result.stressTest()).isNull();
    assertThat(result.skippedBins()).containsExactly(1614643200L);
    assertThat(result.bins()).hasSize(1);
    assertThat(result.bins().get(0).startTimeSecs()).isEqualTo(1614556800L);
    assertThat(result.bins().get(0).rows()).isEqualTo(2);
    Map<String, Object> progress =
        Json.lenient().readValue(job.resolve("progress.json").toFile(), Json.MAP);
    assertThat(progress.get("tests_completed")).isEqualTo(progress.get("tests_total"));
  }

  @Test
  void aBadContinuousModeFailsNamingTheKey() throws Exception {
    Path job = continuousJob(Map.of("mode", "sometimes"));

    assertThat(JobMain.run(job)).isEqualTo(1);

    assertThat(Json.lenient().readValue(job.resolve("exit.json").toFile(), Json.MAP))
        .containsEntry(
            "error", "continuous.mode: 'sometimes': expected 'from_reference' or 'incremental'");
  }

  @Test
  void badSkipBinsFailNamingTheKey() throws Exception {
    Path job = continuousJob(Map.of("mode", "incremental", "skip_bins", java.util.List.of("x")));

    assertThat(JobMain.run(job)).isEqualTo(1);

    assertThat(Json.lenient().readValue(job.resolve("exit.json").toFile(), Json.MAP))
        .containsEntry(
            "error", "continuous.skip_bins: expected whole seconds since the epoch, got x");
    assertThat(job.resolve("result.json")).doesNotExist();
  }
}
