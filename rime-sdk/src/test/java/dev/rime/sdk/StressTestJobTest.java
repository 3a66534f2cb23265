// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.Job;
import dev.rime.api.JobProgress;
import dev.rime.api.JobStatus;
import dev.rime.api.JobType;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StressTestJobTest {

  private static final String JOB = "/v1/jobs/j1";
  private static final String TEST_RUN = "/v1/test-runs/run-7f3a";
  private static final double FAST = 0.001;

  private final FakeRimeServer server = FakeRimeServer.start();
  private final Fixtures.Captured out = new Fixtures.Captured();
  private final RimeClient client = server.client(out.out);
  private final StressTestJob job = new StressTestJob(client, "j1");

  @AfterEach
  void stop() {
    server.close();
  }

  private static String startedAt(long epochSecond) {
    return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneId.systemDefault())
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
  }

  // --- status

  @Test
  void get_status_reads_the_job_once_and_prints_nothing() {
    server.json("GET", JOB, 200, Fixtures.job("j1").runningTime(62.5).json());

    JobStatusInfo s = job.getStatus();

    assertThat(s)
        .isEqualTo(
            new JobStatusInfo(
                "Titanic", JobType.MODEL_STRESS_TEST, JobStatus.RUNNING, 1764324000L, 62.5));
    assertThat(server.onlyRequest().header("rime-api-key")).isEqualTo("test-key");
    assertThat(out.text()).isEmpty();
  }

  @Test
  void verbose_status_without_waiting_prints_the_start_and_one_status_line() {
    server.json("GET", JOB, 200, Fixtures.job("j1").runningTime(62.5).progress(3, 11).json());

    job.getStatus(true, false, FAST);

    assertThat(out.text())
        .isEqualTo(
            "Job 'Titanic' started at "
                + startedAt(1764324000L)
                + "\n"
                + "Status: RUNNING, Running Time: 00:01:02.50 (3 / 11 tests completed)\n");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void waits_printing_progress_then_dumps_the_logs() {
    server
        .json("GET", JOB, 200, Fixtures.job("j1").status("PENDING").notStarted().json())
        .json("GET", JOB, 200, Fixtures.job("j1").runningTime(62.5).progress(3, 11).json())
        .json("GET", JOB, 200, Fixtures.job("j1").runningTime(90.25).progress(7, 11).json())
        .json(
            "GET",
            JOB,
            200,
            Fixtures.job("j1")
                .status("SUCCEEDED")
                .runningTime(120)
                .progress(11, 11)
                .testRunId("run-7f3a")
                .json())
        .text("GET", JOB + "/logs", 200, "loading data\n11 tests run\n");

    JobStatusInfo s = job.getStatus(true, true, FAST);

    assertThat(s)
        .isEqualTo(
            new JobStatusInfo(
                "Titanic", JobType.MODEL_STRESS_TEST, JobStatus.SUCCEEDED, 1764324000L, 120.0));
    assertThat(out.text())
        .isEqualTo(
            "Status: PENDING, Running Time: 00:00:00.00\n"
                + "Job 'Titanic' started at "
                + startedAt(1764324000L)
                + "\n"
                + "Status: RUNNING, Running Time: 00:01:02.50 (3 / 11 tests completed)\n"
                + "Status: RUNNING, Running Time: 00:01:30.25 (7 / 11 tests completed)\n"
                + "Status: SUCCEEDED, Running Time: 00:02:00.00 (11 / 11 tests completed)\n"
                + "Logs of job 'Titanic':\n"
                + "loading data\n"
                + "11 tests run\n");
    assertThat(server.requests())
        .extracting(FakeRimeServer.Request::path)
        .containsExactly(JOB, JOB, JOB, JOB, JOB + "/logs");
  }

  @Test
  void a_failing_job_prints_its_logs_and_error() {
    server
        .json("GET", JOB, 200, Fixtures.job("j1").runningTime(1).json())
        .json(
            "GET",
            JOB,
            200,
            Fixtures.job("j1")
                .status("FAILING")
                .runningTime(2)
                .errorMessage("model file not found")
                .json())
        .text("GET", JOB + "/logs", 200, "reading model.py");

    JobStatusInfo s = job.getStatus(true, true, FAST);

    assertThat(s.status()).isEqualTo(JobStatus.FAILING);
    assertThat(out.text())
        .isEqualTo(
            "Job 'Titanic' started at "
                + startedAt(1764324000L)
                + "\n"
                + "Status: RUNNING, Running Time: 00:00:01.00\n"
                + "Status: FAILING, Running Time: 00:00:02.00\n"
                + "Logs of job 'Titanic':\n"
                + "reading model.py\n"
                + "Job 'Titanic' failed: model file not found\n");
  }

  @Test
  void a_cancelled_job_ends_the_wait_without_logs() {
    server
        .json("GET", JOB, 200, Fixtures.job("j1").status("PENDING").notStarted().json())
        .json("GET", JOB, 200, Fixtures.job("j1").status("CANCELLED").notStarted().json());

    JobStatusInfo s = job.getStatus(true, true, FAST);

    assertThat(s.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(s.startTimeSecs()).isNull();
    assertThat(out.text())
        .isEqualTo(
            "Status: PENDING, Running Time: 00:00:00.00\n"
                + "Status: CANCELLED, Running Time: 00:00:00.00\n");
    assertThat(server.requests()).extracting(FakeRimeServer.Request::path).containsOnly(JOB);
  }

  @Test
  void waiting_quietly_prints_nothing() {
    server
        .json("GET", JOB, 200, Fixtures.job("j1").json())
        .json("GET", JOB, 200, Fixtures.succeededJob("j1"));

    assertThat(job.getStatus(false, true, FAST).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(out.text()).isEmpty();
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void logs_that_cannot_be_read_do_not_fail_the_status() {
    server
        .json("GET", JOB, 200, Fixtures.succeededJob("j1"))
        .json("GET", JOB + "/logs", 404, "{\"code\": \"NOT_FOUND\", \"message\": \"no logs\"}");

    JobStatusInfo s = job.getStatus(true, false, FAST);

    assertThat(s.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(out.text()).endsWith("(could not read the logs of job 'Titanic': no logs)\n");
  }

  @Test
  void an_unavailable_server_while_waiting_is_retried() {
    server
        .json("GET", JOB, 200, Fixtures.job("j1").json())
        .json("GET", JOB, 503, "{\"code\": \"UNAVAILABLE\", \"message\": \"restarting\"}")
        .text("GET", JOB, 502, "Bad Gateway")
        .json("GET", JOB, 200, Fixtures.succeededJob("j1"));

    JobStatusInfo s = job.getStatus(false, true, FAST);

    assertThat(s.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(out.text())
        .isEqualTo("reconnecting to the RIME backend...\nreconnecting to the RIME backend...\n");
    assertThat(server.requests()).hasSize(4);
  }

  @Test
  void other_errors_while_waiting_are_not_retried() {
    server
        .json("GET", JOB, 200, Fixtures.job("j1").json())
        .json("GET", JOB, 404, "{\"code\": \"NOT_FOUND\", \"message\": \"job j1 is gone\"}");

    assertThatThrownBy(() -> job.getStatus(false, true, FAST))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("job j1 is gone");
    assertThat(out.text()).isEmpty();
  }

  @Test
  void an_unreachable_server_while_waiting_is_given_up_on() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RimeClient down =
        RimeClient.builder()
            .address("127.0.0.1:" + port)
            .apiKey("k")
            .reconnectTimeout(Duration.ZERO)
            .out(out.out)
            .build();

    assertThatThrownBy(() -> new StressTestJob(down, "j1").getStatus(true, true, FAST))
        .isExactlyInstanceOf(ServerUnreachableException.class)
        .hasMessageStartingWith(
            "Gave up reconnecting to the RIME backend at http://127.0.0.1:" + port)
        .hasCauseInstanceOf(ServerUnreachableException.class);
    assertThat(out.text()).isEqualTo("reconnecting to the RIME backend...\n");
  }

  @Test
  void an_unreachable_server_without_waiting_fails_at_once() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RimeClient down = RimeClient.builder().address("127.0.0.1:" + port).out(out.out).build();

    assertThatThrownBy(() -> new StressTestJob(down, "j1").getStatus())
        .isExactlyInstanceOf(ServerUnreachableException.class);
    assertThat(out.text()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
  void a_bad_poll_rate_is_refused(double pollRate) {
    assertThatThrownBy(() -> job.getStatus(false, true, pollRate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pollRateSec");
    assertThat(server.requests()).isEmpty();
  }

  @ParameterizedTest(name = "{0} s -> {1}")
  @CsvSource({
    "0, '00:00:00.00'",
    "62.5, '00:01:02.50'",
    "3723.456, '01:02:03.46'",
    "86400, '24:00:00.00'",
  })
  void formats_the_running_time(double secs, String expected) {
    Job j =
        new Job(
            "j1",
            "n",
            JobType.MODEL_STRESS_TEST,
            JobStatus.RUNNING,
            "p",
            0,
            0L,
            null,
            secs,
            null,
            null,
            null,
            4000,
            1500,
            null,
            null,
            false,
            null);

    assertThat(StressTestJob.statusLine(j)).isEqualTo("Status: RUNNING, Running Time: " + expected);
  }

  @Test
  void progress_shows_only_when_known() {
    Job j =
        new Job(
            "j1",
            "n",
            JobType.MODEL_STRESS_TEST,
            JobStatus.RUNNING,
            "p",
            0,
            0L,
            null,
            1,
            new JobProgress(0, 0),
            null,
            null,
            4000,
            1500,
            null,
            null,
            false,
            null);

    assertThat(StressTestJob.statusLine(j)).isEqualTo("Status: RUNNING, Running Time: 00:00:01.00");
  }

  // --- job, logs, cancel, identity

  @Test
  void job_reads_every_field_fresh() {
    server
        .json("GET", JOB, 200, Fixtures.job("j1").progress(1, 4).json())
        .json("GET", JOB, 200, Fixtures.succeededJob("j1"));

    Job first = job.job();
    Job second = job.job();

    assertThat(first.progress()).isEqualTo(new JobProgress(1, 4));
    assertThat(first.ramRequestMegabytes()).isEqualTo(4000);
    assertThat(second.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(second.testRunId()).isEqualTo("run-7f3a");
  }

  @Test
  void reads_the_logs() {
    server.text("GET", JOB + "/logs", 200, "a\nb\nc\n");

    assertThat(job.getLogs()).isEqualTo("a\nb\nc\n");
    assertThat(job.getLogs(2)).isEqualTo("a\nb\nc\n");

    List<FakeRimeServer.Request> r = server.requests();
    assertThat(r.get(0).rawQuery()).isNull();
    assertThat(r.get(0).header("rime-api-key")).isEqualTo("test-key");
    assertThat(r.get(1).query("tail_lines")).containsExactly("2");
  }

  @Test
  void tail_lines_must_be_positive() {
    assertThatThrownBy(() -> job.getLogs(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tailLines must be positive, got 0");
  }

  @Test
  void cancels() {
    server.json(
        "POST",
        JOB + "/cancel",
        200,
        Fixtures.job("j1")
            .status("CANCELLED")
            .json()
            .replace("\"cancellation_requested\": false", "\"cancellation_requested\": true"));

    Job j = job.cancel();

    assertThat(j.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(j.cancellationRequested()).isTrue();
    FakeRimeServer.Request r = server.onlyRequest();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.body()).isEmpty();
    assertThat(r.header("rime-api-key")).isEqualTo("test-key");
  }

  @Test
  void handles_are_equal_by_job_id() {
    RimeClient other = RimeClient.connect("rime.example.com", "other");

    assertThat(new StressTestJob(other, "j1")).isEqualTo(job).hasSameHashCodeAs(job);
    assertThat(new StressTestJob(client, "j2")).isNotEqualTo(job);
    assertThat(job).hasToString("StressTestJob[j1]");
  }

  // --- results

  @ParameterizedTest
  @ValueSource(strings = {"PENDING", "RUNNING", "FAILING", "CANCELLED"})
  void results_need_a_succeeded_job(String status) {
    server.json("GET", JOB, 200, Fixtures.job("j1").status(status).json());

    assertThatThrownBy(() -> job.getTestCasesResult("1.0.0"))
        .isInstanceOfSatisfying(
            JobNotSucceededException.class,
            e -> {
              assertThat(e.status()).isEqualTo(JobStatus.valueOf(status));
              assertThat(e.jobId()).isEqualTo("j1");
            })
        .hasMessage("Job has status " + status + "; it must have status SUCCEEDED to get results");
    assertThatThrownBy(() -> job.getTestRunResult()).isInstanceOf(JobNotSucceededException.class);
    assertThat(server.requests()).extracting(FakeRimeServer.Request::path).containsOnly(JOB);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "v1.0.0", "latest", "1.0.0.0", "01.0.0"})
  void the_version_is_checked_before_any_call(String version) {
    assertThatThrownBy(() -> job.getTestCasesResult(version))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid version string: " + version);
    assertThatThrownBy(() -> job.getTestRunResult(version))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid version string: " + version);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void a_version_the_server_does_not_know_lists_the_versions() {
    server
        .json("GET", JOB, 200, Fixtures.succeededJob("j1"))
        .json(
            "GET",
            TEST_RUN,
            400,
            "{\"code\": \"INVALID_ARGUMENT\", \"message\": \"unknown result schema version"
                + " '9.9.9'; this server answers in [0.14.0, 1.0.0]\", \"field\": \"version\"}");

    assertThatThrownBy(() -> job.getTestRunResult("9.9.9"))
        .isInstanceOfSatisfying(
            InvalidArgumentException.class,
            e -> {
              assertThat(e.field()).isEqualTo("version");
              assertThat(e.code()).isEqualTo("INVALID_ARGUMENT");
            })
        .hasMessageContaining("9.9.9")
        .hasMessageContaining("versions this SDK reads: 0.14.0, 1.0.0");
    assertThat(server.requests().get(1).query("version")).containsExactly("9.9.9");
  }

  @Test
  void reads_the_test_run_in_the_pinned_version() {
    server
        .json("GET", JOB, 200, Fixtures.succeededJob("j1"))
        .json("GET", TEST_RUN, 200, Fixtures.resource("golden/0.14.0/get-test-run.json"));

    TestRunResultTable run = job.getTestRunResult("0.14.0");

    assertThat(run.schemaVersion()).isEqualTo("0.14.0");
    assertThat(run.row().getString("metadata.id")).isEqualTo("run-7f3a");
    FakeRimeServer.Request r = server.requests().get(1);
    assertThat(r.path()).isEqualTo(TEST_RUN);
    assertThat(r.query("version")).containsExactly("0.14.0");
    assertThat(r.header("rime-api-key")).isEqualTo("test-key");
  }

  @Test
  void no_version_asks_for_the_latest() {
    server
        .json("GET", JOB, 200, Fixtures.succeededJob("j1"))
        .json("GET", TEST_RUN, 200, Fixtures.resource("golden/1.0.0/get-test-run.json"));

    TestRunResultTable run = job.getTestRunResult();

    assertThat(run.schemaVersion()).isEqualTo("1.0.0");
    assertThat(server.requests().get(1).rawQuery()).isNull();
  }

  @Test
  void test_cases_are_read_across_every_page() {
    server
        .json("GET", JOB, 200, Fixtures.succeededJob("j1"))
        .json(
            "GET",
            TEST_RUN + "/test-cases",
            200,
            "{\"schema_version\": \"1.0.0\", \"test_cases\": [{\"test_id\": \"a\", \"metrics\":"
                + " {\"x\": 1.0}}, {\"test_id\": \"b\"}], \"next_page_token\": \"p2\"}")
        .json(
            "GET",
            TEST_RUN + "/test-cases",
            200,
            "{\"schema_version\": \"1.0.0\", \"test_cases\": [{\"test_id\": \"c\", \"metrics\":"
                + " {\"y\": 2.0}}], \"next_page_token\": \"p3\"}")
        .json(
            "GET",
            TEST_RUN + "/test-cases",
            200,
            "{\"schema_version\": \"1.0.0\", \"test_cases\": [], \"next_page_token\": \"\"}");

    TestCasesResult cases = job.getTestCasesResult("1.0.0");

    assertThat(cases.columns()).containsExactly("test_id", "metrics.x", "metrics.y");
    assertThat(cases.column("test_id")).containsExactly("a", "b", "c");
    assertThat(cases.column("metrics.y")).containsExactly(null, null, 2.0);
    List<FakeRimeServer.Request> r = server.requests();
    assertThat(r).hasSize(4);
    for (FakeRimeServer.Request page : r.subList(1, 4)) {
      assertThat(page.path()).isEqualTo(TEST_RUN + "/test-cases");
      assertThat(page.query("version")).containsExactly("1.0.0");
      assertThat(page.query("page_size")).containsExactly("100");
      assertThat(page.header("rime-api-key")).isEqualTo("test-key");
    }
    assertThat(r.get(1).query("page_token")).isEmpty();
    assertThat(r.get(2).query("page_token")).containsExactly("p2");
    assertThat(r.get(3).query("page_token")).containsExactly("p3");
  }

  @Test
  void a_succeeded_job_without_a_test_run_is_an_error() {
    server.json("GET", JOB, 200, Fixtures.job("j1").status("SUCCEEDED").json());

    assertThatThrownBy(() -> job.getTestCasesResult())
        .isExactlyInstanceOf(RimeException.class)
        .hasMessage("Job j1 has SUCCEEDED but the server names no test run for it");
  }
}
