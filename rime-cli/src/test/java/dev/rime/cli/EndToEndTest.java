// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.JobStatus;
import dev.rime.api.Json;
import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunSummary;
import dev.rime.sdk.InvalidConfigException;
import dev.rime.sdk.JobNotSucceededException;
import dev.rime.sdk.JobStatusInfo;
import dev.rime.sdk.RimeClient;
import dev.rime.sdk.RimeProject;
import dev.rime.sdk.ServerUnreachableException;
import dev.rime.sdk.StressTestJob;
import dev.rime.sdk.StressTestOptions;
import dev.rime.sdk.TestCasesResult;
import dev.rime.sdk.UnauthenticatedException;
import dev.rime.server.RimeServer;
import dev.rime.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a user takes: the Java SDK talks to a real server on a free port, which runs the
 * real engine in a child JVM, and the results come back through the SDK.
 */
class EndToEndTest {

  @TempDir static Path tmp;
  static RimeServer server;
  static RimeClient client;
  static ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @BeforeAll
  static void start() throws Exception {
    server = RimeServer.start(ServerConfig.defaults(tmp.resolve("data")).withPort(0));
    client =
        RimeClient.builder()
            .address(server.url())
            .apiKey(Files.readString(server.adminKeyFile()).trim())
            .out(new PrintStream(printed, true, StandardCharsets.UTF_8))
            .build();
  }

  @AfterAll
  static void stop() {
    server.scheduler().stopRunningJobs();
    server.close();
  }

  @Test
  void aStressTestRunsEndToEndAndItsResultsAreExact() throws Exception {
    GeneratedData data = GeneratedData.write(Files.createDirectories(tmp.resolve("gen")), 7L, 1200);
    RimeProject project = client.createProject("e2e", "end to end");
    Map<String, Object> config = Json.lenient().readValue(data.config("e2e run"), Json.MAP);

    StressTestJob job =
        client.startStressTest(
            config,
            StressTestOptions.builder()
                .projectId(project.projectId())
                .ramRequestMegabytes(1000)
                .cpuRequestMillicores(1000)
                .build());
    JobStatusInfo status = job.getStatus(true, true, 0.2);

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.type().name()).isEqualTo("MODEL_STRESS_TEST");
    assertThat(status.name()).isEqualTo("e2e run");
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("Job 'e2e run' started at").contains("Status: SUCCEEDED");

    TestRunSummary summary = job.getTestRunResult().summary();
    assertThat(summary.modelPerf().get("AUC").evalMetric()).isCloseTo(data.evalAuc, within(1e-9));
    assertThat(summary.projectId()).isEqualTo(project.projectId());
    assertThat(summary.eval().rows()).isEqualTo(1200);

    TestCasesResult cases = job.getTestCasesResult();
    List<TestCase> typed = cases.testCases();
    assertThat(typed).isNotEmpty();
    assertThat(typed).allSatisfy(c -> assertThat(c.testRunId()).isEqualTo(summary.testRunId()));
    assertThat(typed.size()).isEqualTo(summary.summaryCounts().total());
    // x1 was shifted by 0.7 standard deviations between the two files
    assertThat(typed)
        .anySatisfy(
            c -> {
              assertThat(c.testId()).isEqualTo("continuous_drift");
              assertThat(c.features()).containsExactly("x1");
              assertThat(c.status()).isEqualTo(TestStatus.FAIL);
              assertThat(c.severity()).isNotEqualTo(Severity.NONE);
            });
    StringWriter csv = new StringWriter();
    cases.writeCsv(csv);
    assertThat(csv.toString().lines().count()).isEqualTo(typed.size() + 1L);

    TestCasesResult pinned = job.getTestCasesResult("0.14.0");
    assertThat(pinned.columns())
        .containsExactly(
            "test_run_id",
            "features",
            "test_batch_type",
            "status",
            "severity",
            "category",
            "test_category");

    assertThat(client.listStressTestJobs(List.of("SUCCEEDED"), project.projectId()))
        .containsExactly(job);
  }

  @Test
  void aMissingDataFileEndsTheJobFailingWithAMessageNamingIt() throws Exception {
    GeneratedData data = GeneratedData.write(Files.createDirectories(tmp.resolve("gen2")), 8L, 300);
    Map<String, Object> config =
        Json.lenient().readValue(data.config("broken").replace("eval.csv", "gone.csv"), Json.MAP);
    StressTestJob job =
        client.startStressTest(
            config,
            StressTestOptions.builder()
                .ramRequestMegabytes(1000)
                .cpuRequestMillicores(1000)
                .build());
    JobStatusInfo status = job.getStatus(false, true, 0.2);
    assertThat(status.status()).isEqualTo(JobStatus.FAILING);
    assertThat(job.job().errorMessage()).contains("data_info.eval_path").contains("gone.csv");
    assertThat(job.getLogs()).contains("gone.csv");
    assertThatThrownBy(job::getTestCasesResult)
        .isInstanceOf(JobNotSucceededException.class)
        .hasMessageContaining("FAILING");
    assertThat(client.health()).isNotNull();
  }

  @Test
  void aConfigWithAMisspeltKeyIsRefusedNamingTheKey() {
    Map<String, Object> config =
        Map.of(
            "run_name",
            "typo",
            "data_info",
            Map.of("ref_path", "/x.csv", "eval_path", "/y.csv", "lable_col", "y"));
    assertThatThrownBy(() -> client.startStressTest(config))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.key()).isEqualTo("test_run_config.data_info.lable_col");
              assertThat(e.getMessage()).contains("label_col");
            });
  }

  @Test
  void wrongKeysAndDeadServersGiveTheirOwnExceptions() {
    RimeClient wrongKey = RimeClient.builder().address(server.url()).apiKey("rime_nope").build();
    assertThatThrownBy(wrongKey::listProjects).isInstanceOf(UnauthenticatedException.class);
    RimeClient nobody = RimeClient.builder().address("http://127.0.0.1:1").apiKey("k").build();
    assertThatThrownBy(nobody::listProjects).isInstanceOf(ServerUnreachableException.class);
  }
}
