// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import static dev.rime.server.executor.ContinuousFixtures.DAY;
import static dev.rime.server.executor.ContinuousFixtures.JAN_1;
import static dev.rime.server.executor.ContinuousFixtures.daily;
import static dev.rime.server.executor.ContinuousFixtures.day;
import static dev.rime.server.executor.ContinuousFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rime.api.ContinuousTestRun;
import dev.rime.api.CtBin;
import dev.rime.api.CtInstance;
import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.api.JobType;
import dev.rime.api.Json;
import dev.rime.api.ListCtBinsResponse;
import dev.rime.api.ListTestCasesResponse;
import dev.rime.api.Project;
import dev.rime.api.TimeSeriesResponse;
import dev.rime.api.TimeSeriesResponse.Point;
import dev.rime.server.TestServer;
import dev.rime.server.executor.Capacity;
import dev.rime.server.executor.ContinuousFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous testing over HTTP on a real server: CT instances, continuous-test jobs (the fake
 * engine hands back a result the test wrote, through the executor's own path), bins, their test
 * runs and time series.
 */
class ContinuousTestHttpTest {

  @TempDir Path tmp;
  TestServer s;

  @BeforeEach
  void start() throws Exception {
    s = TestServer.withFakeEngine(tmp.resolve("data"), new Capacity(2000, 4000));
  }

  @AfterEach
  void stop() {
    s.close();
  }

  // --- CT instances

  @Test
  void anInstanceIsCreatedInactiveOnASucceededStressTestOfItsProject() {
    Project p = project("fraud");
    String runId = stressTest(p.projectId());

    CtInstance c =
        s.post("/v1/ct-instances", create("daily", 86400, runId, p.projectId()))
            .expect(201)
            .as(CtInstance.class);

    assertThat(c.name()).isEqualTo("daily");
    assertThat(c.binSizeSeconds()).isEqualTo(86400);
    assertThat(c.testRunId()).isEqualTo(runId);
    assertThat(c.projectId()).isEqualTo(p.projectId());
    assertThat(c.isActive()).isFalse();
    assertThat(s.get("/v1/ct-instances/" + c.ctInstanceId()).expect(200).as(CtInstance.class))
        .isEqualTo(c);
  }

  @Test
  void badInstanceRequestsNameTheField() {
    Project p = project("fraud");
    Project other = project("other");
    String runId = stressTest(p.projectId());

    Map<String, Object> hourAndAHalf =
        s.post("/v1/ct-instances", create("x", 5400, runId, p.projectId())).expect(400).json();
    assertThat(hourAndAHalf)
        .containsEntry("field", "bin_size_seconds")
        .containsEntry(
            "message", "bin_size_seconds must be 3600 (hourly) or 86400 (daily), not 5400");
    assertThat(
            s.post("/v1/ct-instances", create(" ", 3600, runId, p.projectId())).expect(400).json())
        .containsEntry("field", "name");
    assertThat(
            s.post("/v1/ct-instances", create("x", 3600, "nope", p.projectId())).expect(404).json())
        .containsEntry("field", "test_run_id");
    assertThat(s.post("/v1/ct-instances", create("x", 3600, runId, "nope")).expect(404).json())
        .containsEntry("field", "project_id");
    assertThat(
            s.post("/v1/ct-instances", create("x", 3600, runId, other.projectId()))
                .expect(400)
                .json())
        .containsEntry("field", "test_run_id")
        .containsEntry(
            "message",
            "test run '"
                + runId
                + "' belongs to project '"
                + p.projectId()
                + "', not to '"
                + other.projectId()
                + "'");
    assertThat(
            s.post(
                    "/v1/ct-instances",
                    Map.of("name", "x", "bin_size_seconds", 3600, "test_run_id", runId))
                .expect(400)
                .json())
        .containsEntry("field", "project_id");
    assertThat(s.get("/v1/ct-instances/nope").expect(404).json())
        .containsEntry("field", "ct_instance_id");
  }

  @Test
  void activatingAnInstanceDeactivatesTheOtherOfItsProject() {
    Project p = project("fraud");
    String runId = stressTest(p.projectId());
    String a = createInstance("a", runId, p);
    String b = createInstance("b", runId, p);

    Map<String, Object> none =
        s.get("/v1/projects/" + p.projectId() + "/active-ct-instance").expect(404).json();
    assertThat(none)
        .containsEntry("code", "NOT_FOUND")
        .containsEntry("message", "project '" + p.projectId() + "' has no active CT instance");
    assertThat(s.get("/v1/projects/nope/active-ct-instance").expect(404).json())
        .containsEntry("field", "project_id");

    assertThat(
            s.post("/v1/ct-instances/" + a + "/activate", null)
                .expect(200)
                .as(CtInstance.class)
                .isActive())
        .isTrue();
    assertThat(active(p)).isEqualTo(a);
    s.post("/v1/ct-instances/" + b + "/activate", null).expect(200);
    assertThat(active(p)).isEqualTo(b);
    assertThat(s.get("/v1/ct-instances/" + a).as(CtInstance.class).isActive()).isFalse();

    assertThat(
            s.post("/v1/ct-instances/" + b + "/deactivate", null)
                .expect(200)
                .as(CtInstance.class)
                .isActive())
        .isFalse();
    s.get("/v1/projects/" + p.projectId() + "/active-ct-instance").expect(404);
    s.post("/v1/ct-instances/nope/activate", null).expect(404);
  }

  // --- a continuous test from a reference

  @Test
  void fromAReferenceTheStressTestTheInstanceAndEveryBinAreStored() throws Exception {
    Project p = project("fraud");
    Path result =
        ContinuousFixtures.write(
            tmp.resolve("results/ref.json"),
            daily(
                run("stress", "age", "fare"),
                day(0, 0.125, 0.5),
                day(1, 0.25, null),
                day(2, 0.5, 0.75)));

    Job job = fromReference(p.projectId(), result, Map.of("ct_instance_name", "Fraud daily"));
    assertThat(job.type()).isEqualTo(JobType.FIREWALL_BATCH_TEST);
    Job done = awaitEnd(job);

    assertThat(done.status()).as(done.errorMessage()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(cases(done.testRunId()))
        .as("the stress test is the job's run")
        .extracting(c -> c.get("description"))
        .containsExactly("drift of age in stress", "drift of fare in stress");
    CtInstance c =
        s.get("/v1/ct-instances/" + done.ctInstanceId()).expect(200).as(CtInstance.class);
    assertThat(c.name()).isEqualTo("Fraud daily");
    assertThat(c.binSizeSeconds()).isEqualTo(DAY);
    assertThat(c.testRunId()).isEqualTo(done.testRunId());
    assertThat(c.projectId()).isEqualTo(p.projectId());
    assertThat(c.isActive()).isFalse();

    List<CtBin> bins = bins(c.ctInstanceId());
    assertThat(bins)
        .extracting(CtBin::startTimeSecs, CtBin::endTimeSecs, CtBin::rows, CtBin::jobId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(JAN_1, JAN_1 + DAY, 100L, job.jobId()),
            org.assertj.core.groups.Tuple.tuple(JAN_1 + DAY, JAN_1 + 2 * DAY, 101L, job.jobId()),
            org.assertj.core.groups.Tuple.tuple(
                JAN_1 + 2 * DAY, JAN_1 + 3 * DAY, 102L, job.jobId()));
    assertThat(cases(bins.get(1).testRunId()))
        .as("a bin's run reads like a stress test's")
        .extracting(m -> m.get("description"), m -> m.get("status"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("drift of age in bin 1", "PASS"),
            org.assertj.core.groups.Tuple.tuple("drift of bad in bin 1", "FAIL"));
    s.get("/v1/test-runs/" + bins.get(1).testRunId()).expect(200);

    assertThat(series(c.ctInstanceId(), "metric=prediction_psi").points())
        .containsExactly(
            new Point(JAN_1, JAN_1 + DAY, 0.125),
            new Point(JAN_1 + DAY, JAN_1 + 2 * DAY, 0.25),
            new Point(JAN_1 + 2 * DAY, JAN_1 + 3 * DAY, 0.5));
    TimeSeriesResponse age = series(c.ctInstanceId(), "metric=feature_psi&feature=age");
    assertThat(age.feature()).isEqualTo("age");
    assertThat(age.points()).extracting(Point::value).containsExactly(0.5, null, 0.75);
    assertThat(
            s.get("/v1/ct-instances/" + c.ctInstanceId() + "/time-series?metric=auc")
                .expect(400)
                .json())
        .containsEntry("field", "metric")
        .containsEntry(
            "message",
            "CT instance '"
                + c.ctInstanceId()
                + "' has no metric 'auc'; it has [feature_psi, prediction_psi]");
    assertThat(s.get("/v1/ct-instances/" + c.ctInstanceId() + "/time-series").expect(400).json())
        .containsEntry("field", "metric");

    ContinuousTestRun info =
        s.get("/v1/jobs/" + job.jobId() + "/continuous-test-run")
            .expect(200)
            .as(ContinuousTestRun.class);
    assertThat(info)
        .isEqualTo(
            new ContinuousTestRun(
                job.jobId(),
                c.ctInstanceId(),
                "from_reference",
                "ts",
                1000,
                2,
                List.of("not a date", "null"),
                List.of(JAN_1, JAN_1 + DAY, JAN_1 + 2 * DAY),
                List.of()));

    Map<String, Object> folder = jobConfig(job);
    assertThat(folder).containsOnlyKeys("test_run_config", "continuous", "base_dir");
    assertThat(folder.get("continuous"))
        .isEqualTo(Map.of("mode", "from_reference", "skip_bins", List.of()));
  }

  @Test
  void anInstanceMayBeMadeOnTheStressTestOfAContinuousTestButNotOnABin() throws Exception {
    Project p = project("fraud");
    Path result =
        ContinuousFixtures.write(
            tmp.resolve("results/ref.json"), daily(run("stress", "age"), day(0, 0.1, 0.1)));
    Job done = awaitEnd(fromReference(p.projectId(), result, Map.of()));
    String binRun = bins(done.ctInstanceId()).get(0).testRunId();

    assertThat(
            s.post("/v1/ct-instances", create("bin", 86400, binRun, p.projectId()))
                .expect(400)
                .json())
        .containsEntry("field", "test_run_id")
        .containsEntry(
            "message",
            "test run '"
                + binRun
                + "' is not the run of a SUCCEEDED stress test (it is a continuous-test bin's)");
    CtInstance hourly =
        s.post("/v1/ct-instances", create("hourly", 3600, done.testRunId(), p.projectId()))
            .expect(201)
            .as(CtInstance.class);
    assertThat(hourly.testRunId()).isEqualTo(done.testRunId());
  }

  @Test
  void aContinuousTestThatFinishedWhileTheServerWasDownIsStoredOnRestart() throws Exception {
    Project p = project("fraud");
    Path result =
        ContinuousFixtures.write(
            tmp.resolve("results/ref.json"),
            daily(run("stress", "age"), day(0, 0.1, 0.1), day(1, 0.2, 0.2)));
    Job job =
        fromReference(
            p.projectId(),
            result,
            Map.of("ct_instance_name", "after restart"),
            "sleep-then-succeed:1500");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> s.get("/v1/jobs/" + job.jobId()).as(Job.class).status() == JobStatus.RUNNING);
    s.server.close(); // the job's process keeps running
    Path exit = tmp.resolve("data/jobs").resolve(job.jobId()).resolve("exit.json");
    await().atMost(Duration.ofSeconds(30)).until(() -> java.nio.file.Files.exists(exit));
    Thread.sleep(300); // let the process exit
    s = TestServer.withFakeEngine(tmp.resolve("data"), new Capacity(2000, 4000));

    Job done = s.get("/v1/jobs/" + job.jobId()).expect(200).as(Job.class);
    assertThat(done.status()).as(done.errorMessage()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(s.get("/v1/ct-instances/" + done.ctInstanceId()).as(CtInstance.class).name())
        .isEqualTo("after restart");
    assertThat(bins(done.ctInstanceId())).hasSize(2);
  }

  @Test
  void theInstanceIsNamedAfterTheRunWhenNoNameIsGiven() throws Exception {
    Project p = project("fraud");
    Path result =
        ContinuousFixtures.write(
            tmp.resolve("results/ref.json"), daily(run("stress", "age"), day(0, 0.1, 0.1)));
    Job done = awaitEnd(fromReference(p.projectId(), result, Map.of()));
    assertThat(s.get("/v1/ct-instances/" + done.ctInstanceId()).as(CtInstance.class).name())
        .isEqualTo("Daily fraud");
  }

  @Test
  void aResultThatDoesNotFitTheJobFailsItAndStoresNothing() throws Exception {
    Project p = project("fraud");
    Path noStressTest =
        ContinuousFixtures.write(tmp.resolve("results/none.json"), daily(null, day(0, 0.1, 0.1)));
    Job done = awaitEnd(fromReference(p.projectId(), noStressTest, Map.of()));
    assertThat(done.status()).isEqualTo(JobStatus.FAILING);
    assertThat(done.errorMessage()).contains("has no stress test");
    assertThat(done.ctInstanceId()).isNull();
    assertThat(done.testRunId()).isNull();

    Path missing = tmp.resolve("results/missing.json");
    Job failed = awaitEnd(fromReference(p.projectId(), missing, Map.of()));
    assertThat(failed.status()).isEqualTo(JobStatus.FAILING);
    assertThat(failed.errorMessage()).isEqualTo("data_info.eval_path: file missing.json not found");
    assertThat(s.get("/v1/jobs/" + failed.jobId() + "/continuous-test-run").expect(409).json())
        .containsEntry("field", "job_id")
        .containsEntry(
            "message", "Job has status FAILING; it must have status SUCCEEDED to get results");
    assertThat(s.get("/v1/jobs/nope/continuous-test-run").expect(404).json())
        .containsEntry("field", "job_id");
  }

  @Test
  void aStressTestJobHasNoContinuousRun() {
    Job job =
        s.post(
                "/v1/stress-tests",
                Map.of(
                    "test_run_config",
                    Map.of("run_name", "succeed:1"),
                    "ram_request_megabytes",
                    256,
                    "cpu_request_millicores",
                    500))
            .expect(201)
            .as(Job.class);
    assertThat(s.get("/v1/jobs/" + job.jobId() + "/continuous-test-run").expect(400).json())
        .containsEntry("field", "job_id")
        .containsEntry(
            "message", "job '" + job.jobId() + "' is a MODEL_STRESS_TEST, not a continuous test");
  }

  @Test
  void fromReferenceRequestsAreChecked() {
    Project p = project("fraud");
    Map<String, Object> noInfo = Map.of("run_name", "x", "data_info", Map.of("eval_path", "e.csv"));
    assertThat(s.post("/v1/continuous-tests", Map.of("test_run_config", noInfo)).expect(400).json())
        .containsEntry("code", "INVALID_CONFIG")
        .containsEntry("field", "test_run_config.continuous_info");
    Map<String, Object> weekly = new HashMap<>(noInfo);
    weekly.put("continuous_info", Map.of("timestamp_col", "ts", "bin_size", "week"));
    assertThat(s.post("/v1/continuous-tests", Map.of("test_run_config", weekly)).expect(400).json())
        .containsEntry("field", "test_run_config.continuous_info.bin_size")
        .containsEntry(
            "message",
            "invalid test_run_config: continuous_info.bin_size must be \"hour\" or \"day\", not"
                + " \"week\"");
    Map<String, Object> noTs = new HashMap<>(noInfo);
    noTs.put("continuous_info", Map.of("bin_size", "day"));
    assertThat(s.post("/v1/continuous-tests", Map.of("test_run_config", noTs)).expect(400).json())
        .containsEntry("field", "test_run_config.continuous_info.timestamp_col");
    assertThat(s.post("/v1/continuous-tests", Map.of()).expect(400).json())
        .containsEntry("field", "test_run_config");
    Map<String, Object> ok = new HashMap<>(noInfo);
    ok.put("continuous_info", Map.of("timestamp_col", "ts", "bin_size", "day"));
    assertThat(
            s.post("/v1/continuous-tests", Map.of("test_run_config", ok, "project_id", "nope"))
                .expect(404)
                .json())
        .containsEntry("field", "project_id");
    assertThat(
            s.post("/v1/continuous-tests", Map.of("test_run_config", ok, "ct_instance_name", " "))
                .expect(400)
                .json())
        .containsEntry("field", "ct_instance_name");
    assertThat(s.get("/v1/jobs?project_id=" + p.projectId()).json().get("jobs")).asList().isEmpty();
  }

  // --- incremental continuous tests

  @Test
  void anIncrementalRunKeepsBinsAlreadyTestedUnlessToldToOverride() throws Exception {
    Project p = project("fraud");
    Path ref =
        ContinuousFixtures.write(
            tmp.resolve("results/ref.json"),
            daily(run("stress", "age"), day(0, 0.125, 0.5), day(1, 0.25, 0.5)));
    Job first = awaitEnd(fromReference(p.projectId(), ref, Map.of()));
    String ct = first.ctInstanceId();
    List<CtBin> before = bins(ct);

    // days 1 (tested already) and 2 (new); the real engine skips day 1, this one returns it
    Path more =
        ContinuousFixtures.write(
            tmp.resolve("results/more.json"), daily(null, day(1, 0.875, 0.5), day(2, 0.375, 0.5)));
    Job inc = incremental(ct, Map.of("eval_path", more.toString(), "timestamp_col", "when"), null);
    assertThat(inc.ctInstanceId()).isEqualTo(ct);
    Job incDone = awaitEnd(inc);
    assertThat(incDone.status()).as(incDone.errorMessage()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(incDone.testRunId()).as("no stress test of its own").isNull();

    Map<String, Object> folder = jobConfig(inc);
    assertThat(continuous(folder))
        .isEqualTo(Map.of("mode", "incremental", "skip_bins", List.of(JAN_1, JAN_1 + DAY)));
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) folder.get("test_run_config");
    assertThat(config)
        .containsEntry("run_name", "Daily fraud")
        .containsEntry("model_task", "Binary Classification")
        .containsEntry("continuous_info", Map.of("timestamp_col", "when", "bin_size", "day"));
    assertThat(config.get("data_info"))
        .isEqualTo(Map.of("ref_path", "ref.csv", "label_col", "y", "eval_path", more.toString()));

    ContinuousTestRun incInfo =
        s.get("/v1/jobs/" + inc.jobId() + "/continuous-test-run")
            .expect(200)
            .as(ContinuousTestRun.class);
    assertThat(incInfo.mode()).isEqualTo("incremental");
    assertThat(incInfo.testedBins()).containsExactly(JAN_1 + 2 * DAY);
    assertThat(incInfo.skippedBins()).as("kept by the server").containsExactly(JAN_1 + DAY);

    List<CtBin> after = bins(ct);
    assertThat(after)
        .extracting(CtBin::startTimeSecs)
        .containsExactly(JAN_1, JAN_1 + DAY, JAN_1 + 2 * DAY);
    assertThat(after.subList(0, 2)).as("old bins kept").isEqualTo(before);
    assertThat(after.get(2).jobId()).isEqualTo(inc.jobId());
    assertThat(series(ct, "metric=prediction_psi").points())
        .extracting(Point::value)
        .containsExactly(0.125, 0.25, 0.375);

    Job override =
        awaitEnd(
            incremental(ct, Map.of("eval_path", more.toString(), "timestamp_col", "when"), true));
    assertThat(override.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(continuous(jobConfig(override)))
        .isEqualTo(Map.of("mode", "incremental", "skip_bins", List.of()));
    List<CtBin> overridden = bins(ct);
    assertThat(overridden.get(0)).isEqualTo(before.get(0));
    assertThat(overridden.get(1).jobId()).isEqualTo(override.jobId());
    assertThat(overridden.get(1).testRunId()).isNotEqualTo(before.get(1).testRunId());
    assertThat(series(ct, "metric=prediction_psi").points())
        .extracting(Point::value)
        .containsExactly(0.125, 0.875, 0.375);
    assertThat(s.get("/v1/test-runs/" + before.get(1).testRunId()).status())
        .as("the replaced bin's run stays readable")
        .isEqualTo(200);
  }

  @Test
  void incrementalRequestsAreChecked() throws Exception {
    Project p = project("fraud");
    String runId = stressTest(p.projectId());
    String ct = createInstance("c", runId, p);
    String path = "/v1/ct-instances/" + ct + "/continuous-tests";

    assertThat(
            s.post(
                    path,
                    Map.of("test_run_config", Map.of("eval_pth", "e.csv", "timestamp_col", "t")))
                .expect(400)
                .json())
        .containsEntry("code", "INVALID_CONFIG")
        .containsEntry("field", "test_run_config.eval_pth");
    assertThat(
            s.post(path, Map.of("test_run_config", Map.of("timestamp_col", "t")))
                .expect(400)
                .json())
        .containsEntry("field", "test_run_config.eval_path");
    assertThat(
            s.post(
                    path,
                    Map.of("test_run_config", Map.of("eval_path", "e.csv", "timestamp_col", 3)))
                .expect(400)
                .json())
        .containsEntry("field", "test_run_config.timestamp_col");
    assertThat(
            s.post(
                    "/v1/ct-instances/nope/continuous-tests",
                    Map.of("test_run_config", Map.of("eval_path", "e", "timestamp_col", "t")))
                .expect(404)
                .json())
        .containsEntry("field", "ct_instance_id");
    assertThat(
            s.post(
                    path,
                    Map.of(
                        "test_run_config",
                        Map.of("eval_path", "e", "timestamp_col", "t"),
                        "override_existing_bins",
                        "yes"))
                .expect(400)
                .json())
        .containsEntry("field", "override_existing_bins");
  }

  @Test
  void anIncrementalRunOnAStressTestInstanceUsesTheStressTestsConfig() throws Exception {
    Project p = project("fraud");
    String runId = stressTest(p.projectId());
    String ct = createInstance("c", runId, p);
    Path more =
        ContinuousFixtures.write(tmp.resolve("results/more.json"), daily(null, day(3, 0.5, 0.5)));

    Job done =
        awaitEnd(
            incremental(
                ct,
                Map.of(
                    "eval_path", more.toString(), "timestamp_col", "t", "eval_pred_path", "p.csv"),
                null));

    assertThat(done.status()).as(done.errorMessage()).isEqualTo(JobStatus.SUCCEEDED);
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) jobConfig(done).get("test_run_config");
    assertThat(config).containsEntry("run_name", "succeed:2");
    assertThat(config.get("data_info"))
        .isEqualTo(Map.of("eval_path", more.toString(), "eval_pred_path", "p.csv"));
    assertThat(bins(ct)).extracting(CtBin::startTimeSecs).containsExactly(JAN_1 + 3 * DAY);
  }

  @Test
  void binsOfAnotherSizeThanTheInstancesFailTheJob() throws Exception {
    Project p = project("fraud");
    String runId = stressTest(p.projectId());
    CtInstance hourly =
        s.post("/v1/ct-instances", create("h", 3600, runId, p.projectId()))
            .expect(201)
            .as(CtInstance.class);
    Path more =
        ContinuousFixtures.write(tmp.resolve("results/more.json"), daily(null, day(3, 0.5, 0.5)));
    Job done =
        awaitEnd(
            incremental(
                hourly.ctInstanceId(),
                Map.of("eval_path", more.toString(), "timestamp_col", "t"),
                null));
    assertThat(done.status()).isEqualTo(JobStatus.FAILING);
    assertThat(done.errorMessage())
        .contains("the engine cut bins of 86400 s but the CT instance's bins are 3600 s");
    assertThat(bins(hourly.ctInstanceId())).isEmpty();
  }

  // --- helpers

  Project project(String name) {
    return s.post("/v1/projects", Map.of("name", name)).expect(201).as(Project.class);
  }

  /** A stress test of the fake engine, run to SUCCEEDED; its test run id. */
  String stressTest(String projectId) {
    Job job =
        s.post(
                "/v1/stress-tests",
                Map.of(
                    "test_run_config",
                    Map.of("run_name", "succeed:2"),
                    "project_id",
                    projectId,
                    "ram_request_megabytes",
                    256,
                    "cpu_request_millicores",
                    500))
            .expect(201)
            .as(Job.class);
    Job done = awaitEnd(job);
    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    return done.testRunId();
  }

  static Map<String, Object> create(String name, long binSize, String runId, String projectId) {
    return Map.of(
        "name", name, "bin_size_seconds", binSize, "test_run_id", runId, "project_id", projectId);
  }

  String createInstance(String name, String runId, Project p) {
    return s.post("/v1/ct-instances", create(name, 86400, runId, p.projectId()))
        .expect(201)
        .as(CtInstance.class)
        .ctInstanceId();
  }

  String active(Project p) {
    return s.get("/v1/projects/" + p.projectId() + "/active-ct-instance")
        .expect(200)
        .as(CtInstance.class)
        .ctInstanceId();
  }

  Job fromReference(String projectId, Path result, Map<String, Object> extra) {
    return fromReference(projectId, result, extra, "Daily fraud");
  }

  Job fromReference(String projectId, Path result, Map<String, Object> extra, String runName) {
    Map<String, Object> dataInfo = new LinkedHashMap<>();
    dataInfo.put("ref_path", "ref.csv");
    dataInfo.put("eval_path", result.toString());
    dataInfo.put("label_col", "y");
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("run_name", runName);
    config.put("data_info", dataInfo);
    config.put("model_task", "Binary Classification");
    config.put("continuous_info", Map.of("timestamp_col", "ts", "bin_size", "day"));
    Map<String, Object> body = new HashMap<>(extra);
    body.put("test_run_config", config);
    body.put("project_id", projectId);
    body.put("ram_request_megabytes", 256);
    body.put("cpu_request_millicores", 500);
    return s.post("/v1/continuous-tests", body).expect(201).as(Job.class);
  }

  Job incremental(String ct, Map<String, Object> config, Boolean override) {
    Map<String, Object> body = new HashMap<>();
    body.put("test_run_config", config);
    if (override != null) {
      body.put("override_existing_bins", override);
    }
    body.put("ram_request_megabytes", 256);
    body.put("cpu_request_millicores", 500);
    return s.post("/v1/ct-instances/" + ct + "/continuous-tests", body).expect(201).as(Job.class);
  }

  Job awaitEnd(Job job) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> s.get("/v1/jobs/" + job.jobId()).as(Job.class).status().isTerminal());
    return s.get("/v1/jobs/" + job.jobId()).expect(200).as(Job.class);
  }

  Map<String, Object> jobConfig(Job job) throws Exception {
    return Json.lenient()
        .readValue(tmp.resolve("data/jobs/" + job.jobId() + "/config.json").toFile(), Json.MAP);
  }

  /** The job folder's continuous section, numbers as longs. */
  static Map<String, Object> continuous(Map<String, Object> folder) {
    @SuppressWarnings("unchecked")
    Map<String, Object> c = (Map<String, Object>) folder.get("continuous");
    @SuppressWarnings("unchecked")
    List<Number> skip = (List<Number>) c.get("skip_bins");
    return Map.of(
        "mode", c.get("mode"), "skip_bins", skip.stream().map(Number::longValue).toList());
  }

  List<CtBin> bins(String ct) {
    return s.get("/v1/ct-instances/" + ct + "/bins")
        .expect(200)
        .as(ListCtBinsResponse.class)
        .bins();
  }

  TimeSeriesResponse series(String ct, String query) {
    return s.get("/v1/ct-instances/" + ct + "/time-series?" + query)
        .expect(200)
        .as(TimeSeriesResponse.class);
  }

  List<Map<String, Object>> cases(String runId) {
    return s.get("/v1/test-runs/" + runId + "/test-cases")
        .expect(200)
        .as(ListTestCasesResponse.class)
        .testCases();
  }
}
