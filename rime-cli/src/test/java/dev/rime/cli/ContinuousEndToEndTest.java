// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.ContinuousTestRun;
import dev.rime.api.CtInstance;
import dev.rime.api.JobStatus;
import dev.rime.api.JobType;
import dev.rime.api.TestStatus;
import dev.rime.api.TimeSeriesResponse;
import dev.rime.api.TimeSeriesResponse.Point;
import dev.rime.api.result.TestCase;
import dev.rime.sdk.ContinuousTestBin;
import dev.rime.sdk.ContinuousTestJob;
import dev.rime.sdk.ContinuousTestOptions;
import dev.rime.sdk.IncrementalTestOptions;
import dev.rime.sdk.InvalidConfigException;
import dev.rime.sdk.NotFoundException;
import dev.rime.sdk.RimeClient;
import dev.rime.sdk.RimeCtInstance;
import dev.rime.sdk.RimeProject;
import dev.rime.server.RimeServer;
import dev.rime.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous testing end to end: the SDK and the {@code rime ct} commands against a real server
 * that runs the real engine in a child JVM.
 *
 * <p>The data are made so the expected values follow by hand: the reference has 400 rows; on
 * 2024-01-01 the evaluation rows are the reference rows again (so every drift is 0 and the accuracy
 * that of the reference, 1.0), on 2024-01-02 every prediction is 0.9 (accuracy 0.5: half the labels
 * are 0), on 2024-01-03 there are 100 rows again like the reference; two rows have no usable
 * timestamp.
 */
class ContinuousEndToEndTest {

  static final long DAY = 86400;
  static final long JAN_1 = 1_704_067_200L; // 2024-01-01T00:00:00Z

  @TempDir static Path tmp;
  static RimeServer server;
  static RimeClient client;
  static String key;

  @BeforeAll
  static void start() throws Exception {
    server = RimeServer.start(ServerConfig.defaults(tmp.resolve("data")).withPort(0));
    key = Files.readString(server.adminKeyFile()).trim();
    client = RimeClient.builder().address(server.url()).apiKey(key).build();
    writeData(tmp.resolve("ct"));
  }

  @AfterAll
  static void stop() {
    server.scheduler().stopRunningJobs();
    server.close();
  }

  /** Row i of the reference: x, a category, the label and a prediction that agrees with it. */
  static String row(int i, String ts, Double pred) {
    int label = i % 2;
    double p = pred != null ? pred : (label == 1 ? 0.8 : 0.2);
    return ts + "," + (i % 100) + "," + (i % 3 == 0 ? "a" : "b") + "," + label + "," + p;
  }

  static void writeData(Path dir) throws Exception {
    Files.createDirectories(dir);
    String header = "ts,x,cat,label,pred";
    List<String> ref = new ArrayList<>(List.of(header));
    for (int i = 0; i < 400; i++) {
      ref.add(row(i, "2023-12-01 00:00:00", null));
    }
    Files.write(dir.resolve("reference.csv"), ref);
    List<String> eval = new ArrayList<>(List.of(header));
    for (int i = 0; i < 400; i++) {
      eval.add(row(i, String.format("2024-01-01 %02d:%02d:00", i % 24, i % 60), null));
    }
    for (int i = 0; i < 200; i++) {
      eval.add(row(i, "2024-01-02T12:00:00Z", 0.9));
    }
    for (int i = 0; i < 100; i++) {
      eval.add(row(i * 4, "2024-01-03", null));
    }
    eval.add(row(1, "not a time", null));
    eval.add(row(2, "", null));
    Files.write(dir.resolve("evaluation.csv"), eval);
    // new data: 2024-01-03 again (50 rows, all predicted 0.9) and 2024-01-04 (40 rows)
    List<String> more = new ArrayList<>(List.of(header));
    for (int i = 0; i < 50; i++) {
      more.add(row(i, "2024-01-03 06:00:00", 0.9));
    }
    for (int i = 0; i < 40; i++) {
      more.add(row(i, "2024-01-04 01:00:00", null));
    }
    Files.write(dir.resolve("more.csv"), more);
    Files.writeString(
        dir.resolve("config.json"),
        "{\"run_name\": \"CT e2e\", \"data_info\": {\"ref_path\": \"reference.csv\","
            + " \"eval_path\": \"evaluation.csv\", \"label_col\": \"label\", \"pred_col\":"
            + " \"pred\"}, \"continuous_info\": {\"timestamp_col\": \"ts\", \"bin_size\":"
            + " \"day\"}}");
    Files.writeString(
        dir.resolve("more.json"), "{\"eval_path\": \"more.csv\", \"timestamp_col\": \"ts\"}");
  }

  static ContinuousTestOptions.Builder small() {
    return ContinuousTestOptions.builder().ramRequestMegabytes(1000).cpuRequestMillicores(1000);
  }

  static IncrementalTestOptions.Builder smallInc() {
    return IncrementalTestOptions.builder().ramRequestMegabytes(1000).cpuRequestMillicores(1000);
  }

  @Test
  void aContinuousTestFromAReferenceThenIncrementalRunsKeepOrOverrideBins() throws Exception {
    RimeProject project = client.createProject("ct e2e", "");
    ContinuousTestJob job =
        client.startContinuousTestFromReference(
            RimeClient.loadConfig(tmp.resolve("ct/config.json")),
            small().projectId(project.projectId()).ctInstanceName("daily").build());
    job.getStatus(false, true, 0.2);

    assertThat(job.job().status()).as(job.job().errorMessage()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job.job().type()).isEqualTo(JobType.FIREWALL_BATCH_TEST);
    assertThat(job.asStressTestJob().getTestCasesResult().size())
        .as("the stress test of the whole evaluation set")
        .isPositive();
    RimeCtInstance ct = job.getCtInstance();
    CtInstance info = ct.info();
    assertThat(info.name()).isEqualTo("daily");
    assertThat(info.binSizeSeconds()).isEqualTo(DAY);
    assertThat(info.testRunId()).isEqualTo(job.job().testRunId());
    assertThat(info.isActive()).isFalse();
    assertThat(job.getLogs()).contains("2 rows without a usable timestamp");
    ContinuousTestRun run = job.getRunInfo();
    assertThat(run.rows()).isEqualTo(702);
    assertThat(run.unparseableTimestamps()).isEqualTo(2);
    assertThat(run.unparseableExamples()).contains("not a time");
    assertThat(run.testedBins()).containsExactly(JAN_1, JAN_1 + DAY, JAN_1 + 2 * DAY);

    List<ContinuousTestBin> bins = ct.listBins();
    assertThat(bins)
        .extracting(b -> b.bin().startTimeSecs(), ContinuousTestBin::rows)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(JAN_1, 400L),
            org.assertj.core.groups.Tuple.tuple(JAN_1 + DAY, 200L),
            org.assertj.core.groups.Tuple.tuple(JAN_1 + 2 * DAY, 100L));
    assertThat(bins.get(0).bin().endTimeSecs()).isEqualTo(JAN_1 + DAY);
    List<TestCase> day2 = bins.get(1).getTestCasesResult().testCases();
    assertThat(day2).extracting(TestCase::category).contains("Drift", "Model Performance");
    assertThat(day2)
        .filteredOn(c -> c.testId().equals("prediction_drift"))
        .extracting(TestCase::status)
        .containsExactly(TestStatus.FAIL);

    List<Double> psi = values(ct.getTimeSeries("prediction_drift_psi"));
    assertThat(psi.get(0)).as("the reference's own rows").isCloseTo(0.0, within(1e-12));
    assertThat(psi.get(1)).as("every prediction 0.9").isGreaterThan(0.2);
    List<Double> accuracy = values(ct.getTimeSeries("accuracy"));
    assertThat(accuracy.get(0)).isCloseTo(1.0, within(1e-12));
    assertThat(accuracy.get(1)).isCloseTo(0.5, within(1e-12));
    assertThat(values(ct.getTimeSeries("feature_drift_psi", "x")).get(0))
        .isCloseTo(0.0, within(1e-12));

    // new data for 2024-01-03 (tested) and 2024-01-04 (new): the tested bin is kept
    ContinuousTestJob inc =
        ct.startIncrementalContinuousTest(
            RimeClient.loadConfig(tmp.resolve("ct/more.json")), smallInc().build());
    inc.getStatus(false, true, 0.2);
    assertThat(inc.job().status()).as(inc.job().errorMessage()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(inc.getBins()).extracting(ContinuousTestBin::rows).containsExactly(40L);
    assertThat(inc.getRunInfo().skippedBins())
        .as("the engine was told to skip the day tested before")
        .containsExactly(JAN_1 + 2 * DAY);
    List<ContinuousTestBin> after = ct.listBins();
    assertThat(after).hasSize(4);
    assertThat(after.get(2).testRunId()).isEqualTo(bins.get(2).testRunId());
    assertThat(after.get(2).rows()).isEqualTo(100L);

    ContinuousTestJob override =
        ct.startIncrementalContinuousTest(
            RimeClient.loadConfig(tmp.resolve("ct/more.json")),
            smallInc().overrideExistingBins(true).build());
    override.getStatus(false, true, 0.2);
    assertThat(override.job().status()).isEqualTo(JobStatus.SUCCEEDED);
    List<ContinuousTestBin> replaced = ct.listBins();
    assertThat(replaced).extracting(ContinuousTestBin::rows).containsExactly(400L, 200L, 50L, 40L);
    assertThat(values(ct.getTimeSeries("accuracy")).get(2))
        .as("the replaced bin: 50 rows predicted 0.9, half of them labelled 1")
        .isCloseTo(0.5, within(1e-12));

    // activation
    assertThatThrownBy(() -> client.getActiveCtInstanceForProject(project.projectId()))
        .isInstanceOf(NotFoundException.class);
    RimeCtInstance second =
        client.createCtInstance("second", 3600, info.testRunId(), project.projectId());
    ct.activateCtInstance();
    assertThat(client.getActiveCtInstanceForProject(project.projectId())).isEqualTo(ct);
    second.activateCtInstance();
    assertThat(client.getActiveCtInstanceForProject(project.projectId())).isEqualTo(second);
    assertThat(ct.info().isActive()).isFalse();
  }

  @Test
  void theServerChecksTheConfigWithTheEngine() throws Exception {
    Map<String, Object> config = RimeClient.loadConfig(tmp.resolve("ct/config.json"));
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("timestamp_col", "ts");
    info.put("bin_size", "day");
    info.put("bin_sise", "x");
    config.put("continuous_info", info);
    assertThatThrownBy(() -> client.startContinuousTestFromReference(config, small().build()))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> assertThat(e.key()).isEqualTo("test_run_config.continuous_info.bin_sise"));
  }

  @Test
  void theCtCommands() throws Exception {
    Cli.Result project = rime("project", "create", "--name", "ct cli");
    String projectId = project.out().trim();
    Cli.Result started =
        rime(
            "ct",
            "start",
            tmp.resolve("ct/config.json").toString(),
            "--project",
            projectId,
            "--wait",
            "--ram-megabytes",
            "1000",
            "--cpu-millicores",
            "1000");
    assertThat(started.exitCode()).as(started.out() + started.err()).isZero();
    assertThat(started.out())
        .contains("ended SUCCEEDED")
        .contains("Rows without a usable timestamp (ts), in no bin: 2")
        .contains("Bins tested: 3");
    String ct =
        started
            .out()
            .lines()
            .filter(l -> l.startsWith("CT instance: "))
            .findFirst()
            .orElseThrow()
            .substring("CT instance: ".length());

    Cli.Result bins = rime("ct", "bins", ct);
    assertThat(bins.out())
        .contains("2024-01-01T00:00:00Z  2024-01-02T00:00:00Z       400")
        .contains("2024-01-03T00:00:00Z  2024-01-04T00:00:00Z       100");
    Cli.Result binCases = rime("ct", "bins", ct, "--bin", "2024-01-02T00:00:00Z");
    assertThat(binCases.exitCode()).as(binCases.err()).isZero();
    assertThat(binCases.out()).contains("Prediction Drift");
    assertThat(rime("ct", "bins", ct, "--bin", "2024-02-01T00:00:00Z").err())
        .contains("has no bin at 2024-02-01T00:00:00Z");

    Cli.Result series = rime("ct", "series", ct, "--metric", "accuracy");
    assertThat(series.out().lines().toList())
        .startsWith("start,end,value", "2024-01-01T00:00:00Z,2024-01-02T00:00:00Z,1.0")
        .contains("2024-01-02T00:00:00Z,2024-01-03T00:00:00Z,0.5");

    Cli.Result none = rime("ct", "active", "--project", projectId);
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("has no active CT instance");
    assertThat(rime("ct", "activate", ct).out()).contains("is_active:        true");
    assertThat(rime("ct", "active", "--project", projectId).out()).contains(ct);
    assertThat(rime("ct", "deactivate", ct).out()).contains("is_active:        false");

    Cli.Result bad =
        rime(
            "ct",
            "create",
            "--name",
            "x",
            "--bin-size-seconds",
            "600",
            "--test-run",
            "r",
            "--project",
            projectId);
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("bin_size_seconds must be 3600 (hourly) or 86400 (daily)");

    Cli.Result inc =
        rime(
            "ct",
            "incremental",
            ct,
            tmp.resolve("ct/more.json").toString(),
            "--wait",
            "--ram-megabytes",
            "1000",
            "--cpu-millicores",
            "1000");
    assertThat(inc.exitCode()).as(inc.out() + inc.err()).isZero();
    assertThat(inc.out())
        .contains("Bins tested: 1")
        .contains("Bins kept (tested before; --override-existing-bins to test them again): 1");
  }

  static List<Double> values(TimeSeriesResponse series) {
    return series.points().stream().map(Point::value).toList();
  }

  static Cli.Result rime(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server";
    all[args.length + 1] = server.url();
    all[args.length + 2] = "--api-key";
    all[args.length + 3] = key;
    return Cli.run(all);
  }
}
