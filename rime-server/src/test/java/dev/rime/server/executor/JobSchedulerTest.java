// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.api.ListTestCasesResponse;
import dev.rime.api.TestRunResponse;
import dev.rime.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs through their whole life on a real server, each in a real child JVM running {@link
 * FakeJobMain}: success with results stored, failure, crash, cancellation, admission by capacity,
 * the memory watchdog, and a server restart in the middle of a job.
 */
class JobSchedulerTest {

  @TempDir Path tmp;
  TestServer s;

  @AfterEach
  void stop() {
    if (s != null) {
      s.close();
    }
  }

  TestServer server(Capacity capacity) throws Exception {
    s = TestServer.withFakeEngine(tmp.resolve("data"), capacity);
    return s;
  }

  Job submit(String behaviour, int ramMb, int cpuMillicores) {
    return s.post(
            "/v1/stress-tests",
            Map.of(
                "test_run_config", Map.of("run_name", behaviour),
                "ram_request_megabytes", ramMb,
                "cpu_request_millicores", cpuMillicores))
        .expect(201)
        .as(Job.class);
  }

  Job job(String id) {
    return s.get("/v1/jobs/" + id).expect(200).as(Job.class);
  }

  Job awaitStatus(String id, JobStatus status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> job(id).status() == status);
    return job(id);
  }

  @Test
  void aSucceedingJobStoresItsRunAndCases() throws Exception {
    server(new Capacity(2000, 4000));
    Job submitted = submit("succeed:3", 256, 500);
    assertThat(submitted.status()).isEqualTo(JobStatus.PENDING);
    Job done = awaitStatus(submitted.jobId(), JobStatus.SUCCEEDED);
    assertThat(done.testRunId()).isNotNull();
    assertThat(done.startTimeSecs()).isNotNull();
    assertThat(done.runningTimeSecs()).isGreaterThan(0);
    assertThat(done.progress().testsCompleted()).isEqualTo(done.progress().testsTotal());

    TestRunResponse run =
        s.get("/v1/test-runs/" + done.testRunId()).expect(200).as(TestRunResponse.class);
    assertThat(run.schemaVersion()).isEqualTo("1.0.0");
    assertThat(run.testRun())
        .containsEntry("test_run_id", done.testRunId())
        .containsEntry("job_id", done.jobId())
        .containsEntry("project_id", "default");
    ListTestCasesResponse page =
        s.get("/v1/test-runs/" + done.testRunId() + "/test-cases?page_size=2")
            .expect(200)
            .as(ListTestCasesResponse.class);
    assertThat(page.testCases()).hasSize(2);
    assertThat(page.testCases().get(0)).containsEntry("test_run_id", done.testRunId());
    ListTestCasesResponse rest =
        s.get(
                "/v1/test-runs/"
                    + done.testRunId()
                    + "/test-cases?page_size=2&page_token="
                    + page.nextPageToken())
            .expect(200)
            .as(ListTestCasesResponse.class);
    assertThat(rest.testCases()).hasSize(1);
    assertThat(rest.nextPageToken()).isEmpty();

    assertThat(s.get("/v1/jobs/" + done.jobId() + "/logs").expect(200).body())
        .contains("fake engine doing: succeed:3");
  }

  @Test
  void resultsCanBeReadInEveryShippedSchemaVersion() throws Exception {
    server(new Capacity(2000, 4000));
    Job done = awaitStatus(submit("succeed:1", 256, 500).jobId(), JobStatus.SUCCEEDED);
    Map<String, Object> old =
        s.get("/v1/test-runs/" + done.testRunId() + "?version=0.14.0").expect(200).json();
    assertThat(old).containsEntry("schema_version", "0.14.0");
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata =
        (Map<String, Object>) ((Map<String, Object>) old.get("test_run")).get("metadata");
    assertThat(metadata).containsEntry("id", done.testRunId());
    Map<String, Object> cases =
        s.get("/v1/test-runs/" + done.testRunId() + "/test-cases?version=0.14.0")
            .expect(200)
            .json();
    @SuppressWarnings("unchecked")
    Map<String, Object> first =
        ((java.util.List<Map<String, Object>>) cases.get("test_cases")).get(0);
    assertThat(first.keySet())
        .containsExactly(
            "test_run_id",
            "features",
            "test_batch_type",
            "status",
            "severity",
            "category",
            "test_category");
    assertThat(s.get("/v1/test-runs/" + done.testRunId() + "?version=9.9.9").expect(400).json())
        .containsEntry("field", "version");
    assertThat(s.get("/v1/test-runs/" + done.testRunId() + "?version=latest").expect(400).json())
        .containsEntry("field", "version");
  }

  @Test
  void anEngineErrorEndsFailingWithItsMessage() throws Exception {
    server(new Capacity(2000, 4000));
    Job failed = awaitStatus(submit("fail", 256, 500).jobId(), JobStatus.FAILING);
    assertThat(failed.errorMessage()).isEqualTo("data_info.label_col: column 'y' not found");
    assertThat(failed.testRunId()).isNull();
  }

  @Test
  void aCrashedJobEndsFailingWithItsLogAndTheServerKeepsServing() throws Exception {
    server(new Capacity(2000, 4000));
    Job failed = awaitStatus(submit("crash", 256, 500).jobId(), JobStatus.FAILING);
    assertThat(failed.errorMessage())
        .contains("exit code 3")
        .contains("without writing a result")
        .contains("about to crash");
    s.get("/health").expect(200);
    awaitStatus(submit("succeed:1", 256, 500).jobId(), JobStatus.SUCCEEDED);
  }

  @Test
  void jobsWaitPendingUntilTheirRequestsFit() throws Exception {
    server(new Capacity(1500, 4000));
    Job first = submit("sleep", 256, 1000);
    awaitStatus(first.jobId(), JobStatus.RUNNING);
    Job second = submit("succeed:1", 256, 1000);
    Job third = submit("succeed:1", 256, 100);
    // the second does not fit beside the first; the third waits behind it (first come, first
    // served)
    Thread.sleep(1500);
    assertThat(job(second.jobId()).status()).isEqualTo(JobStatus.PENDING);
    assertThat(job(third.jobId()).status()).isEqualTo(JobStatus.PENDING);

    s.post("/v1/jobs/" + first.jobId() + "/cancel", null).expect(200);
    assertThat(awaitStatus(first.jobId(), JobStatus.CANCELLED).cancellationRequested()).isTrue();
    awaitStatus(second.jobId(), JobStatus.SUCCEEDED);
    awaitStatus(third.jobId(), JobStatus.SUCCEEDED);
  }

  @Test
  void aPendingJobIsCancelledAtOnceAndNeverStarts() throws Exception {
    server(new Capacity(1000, 4000));
    Job blocker = submit("sleep", 256, 1000);
    awaitStatus(blocker.jobId(), JobStatus.RUNNING);
    Job waiting = submit("succeed:1", 256, 1000);
    Job cancelled =
        s.post("/v1/jobs/" + waiting.jobId() + "/cancel", null).expect(200).as(Job.class);
    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(cancelled.startTimeSecs()).isNull();
    s.post("/v1/jobs/" + blocker.jobId() + "/cancel", null).expect(200);
    awaitStatus(blocker.jobId(), JobStatus.CANCELLED);
    assertThat(Files.exists(s.server.dataDir().resolve("jobs").resolve(waiting.jobId()))).isFalse();
  }

  @Test
  void aJobWhoseProcessCannotStartEndsFailingWithTheReason() throws Exception {
    Path notAFolder = Files.writeString(tmp.resolve("jobs-is-a-file"), "x");
    s =
        TestServer.start(
            dev.rime.server.ServerConfig.defaults(tmp.resolve("data"))
                .withPort(0)
                .withCapacity(new Capacity(2000, 4000))
                .withConfigValidator(c -> java.util.Optional.empty())
                .withExecutorSettings(
                    st ->
                        new LocalJobExecutor.Settings(
                            notAFolder,
                            st.capacity(),
                            st.javaCommand(),
                            st.classpath(),
                            FakeJobMain.class.getName(),
                            List.of(),
                            st.watchInterval(),
                            false)));
    Job failed = awaitStatus(submit("succeed:1", 256, 500).jobId(), JobStatus.FAILING);
    assertThat(failed.errorMessage()).startsWith("could not start the job's process");
    s.get("/health").expect(200);
  }

  @Test
  void aServerWhoseJavaCommandIsMissingDoesNotStart() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                TestServer.start(
                    dev.rime.server.ServerConfig.defaults(tmp.resolve("data"))
                        .withPort(0)
                        .withExecutorSettings(
                            st ->
                                new LocalJobExecutor.Settings(
                                    st.jobsDir(),
                                    st.capacity(),
                                    tmp.resolve("no-such-java").toString(),
                                    st.classpath(),
                                    st.mainClass(),
                                    List.of(),
                                    st.watchInterval(),
                                    false))))
        .hasMessageContaining("no-such-java");
  }

  @Test
  void aJobOverItsMemoryLimitIsStoppedWithAClearMessage() throws Exception {
    server(new Capacity(2000, 4000));
    // limit = 2 x 200 MB; the fake engine allocates 16 MB blocks until stopped
    Job failed = awaitStatus(submit("hog", 200, 500).jobId(), JobStatus.FAILING);
    assertThat(failed.errorMessage())
        .contains("over its limit of 400 MB")
        .contains("ram_request_megabytes");
  }

  @Test
  void aProcessThatIgnoresTheStopRequestIsKilledAndEndsCancelled() throws Exception {
    server(new Capacity(2000, 4000));
    Job job = submit("ignore-sigterm", 256, 500);
    awaitStatus(job.jobId(), JobStatus.RUNNING);
    long pid = s.server.database().jobs().get(job.jobId()).orElseThrow().processId();
    s.post("/v1/jobs/" + job.jobId() + "/cancel", null).expect(200);
    awaitStatus(job.jobId(), JobStatus.CANCELLED);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        .as("the job is only CANCELLED once its process is gone")
        .isFalse();
  }

  @Test
  void jobsRunInTheirOwnSessionSoATerminalInterruptDoesNotReachThem() throws Exception {
    server(new Capacity(2000, 4000));
    Job job = submit("sleep", 256, 500);
    awaitStatus(job.jobId(), JobStatus.RUNNING);
    long pid = s.server.database().jobs().get(job.jobId()).orElseThrow().processId();
    // field 6 of /proc/<pid>/stat is the session id; setsid made the job its session's leader
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    assertThat(Long.parseLong(fields[3])).isEqualTo(pid);
  }

  @Test
  void reconcilingFollowsEverySurvivorBeforeAdmittingAnything() throws Exception {
    server(new Capacity(1000, 4000));
    Job finishesWhileAway = submit("sleep-then-succeed:1500", 256, 500);
    Job survives = submit("sleep", 256, 500);
    awaitStatus(finishesWhileAway.jobId(), JobStatus.RUNNING);
    awaitStatus(survives.jobId(), JobStatus.RUNNING);
    Job big = submit("succeed:1", 256, 1000);
    s.server.close();
    Path exit = tmp.resolve("data/jobs").resolve(finishesWhileAway.jobId()).resolve("exit.json");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(exit));
    Thread.sleep(300);

    s = TestServer.withFakeEngine(tmp.resolve("data"), new Capacity(1000, 4000));
    assertThat(job(finishesWhileAway.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
    Thread.sleep(1500);
    assertThat(job(survives.jobId()).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job(big.jobId()).status())
        .as("500 of 1000 millicores are still taken by the survivor")
        .isEqualTo(JobStatus.PENDING);
    s.post("/v1/jobs/" + survives.jobId() + "/cancel", null).expect(200);
    awaitStatus(big.jobId(), JobStatus.SUCCEEDED);
  }

  @Test
  void aCancellationAskedForBeforeARestartIsCarriedOutAfterIt() throws Exception {
    server(new Capacity(2000, 4000));
    Job job = submit("sleep", 256, 500);
    awaitStatus(job.jobId(), JobStatus.RUNNING);
    s.server.close();
    try (dev.rime.server.store.Database db =
        dev.rime.server.store.Database.sqlite(tmp.resolve("data"))) {
      assertThat(db.jobs().requestCancellation(job.jobId())).isTrue();
    }
    s = TestServer.withFakeEngine(tmp.resolve("data"), new Capacity(2000, 4000));
    awaitStatus(job.jobId(), JobStatus.CANCELLED);
  }

  @Test
  void aJobStillRunningAcrossAServerRestartIsFollowedAgain() throws Exception {
    server(new Capacity(2000, 4000));
    Job job = submit("sleep-then-succeed:4000", 256, 500);
    awaitStatus(job.jobId(), JobStatus.RUNNING);
    s.server.close(); // the child keeps running
    s = TestServer.withFakeEngine(tmp.resolve("data"), new Capacity(2000, 4000));
    assertThat(job(job.jobId()).status()).isEqualTo(JobStatus.RUNNING);
    Job done = awaitStatus(job.jobId(), JobStatus.SUCCEEDED);
    assertThat(done.testRunId()).isNotNull();
  }

  @Test
  void aJobThatFinishedWhileTheServerWasDownIsCompleted() throws Exception {
    server(new Capacity(2000, 4000));
    Job job = submit("sleep-then-succeed:1500", 256, 500);
    awaitStatus(job.jobId(), JobStatus.RUNNING);
    s.server.close();
    Path exit = tmp.resolve("data/jobs").resolve(job.jobId()).resolve("exit.json");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(exit));
    Thread.sleep(300); // let the process exit
    s = TestServer.withFakeEngine(tmp.resolve("data"), new Capacity(2000, 4000));
    assertThat(job(job.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void aJobWhoseProcessWasLostIsQueuedAgainOnce() throws Exception {
    server(new Capacity(2000, 4000));
    Job job = submit("sleep", 256, 500);
    awaitStatus(job.jobId(), JobStatus.RUNNING);
    long pid = s.server.database().jobs().get(job.jobId()).orElseThrow().processId();
    s.server.close();
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).isEmpty());

    s = TestServer.withFakeEngine(tmp.resolve("data"), new Capacity(2000, 4000));
    Job again = awaitStatus(job.jobId(), JobStatus.RUNNING);
    assertThat(s.server.database().jobs().get(job.jobId()).orElseThrow().attempts()).isEqualTo(2);
    assertThat(again.jobId()).isEqualTo(job.jobId());

    long pid2 = s.server.database().jobs().get(job.jobId()).orElseThrow().processId();
    s.server.close();
    ProcessHandle.of(pid2).ifPresent(ProcessHandle::destroyForcibly);
    await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid2).isEmpty());
    s = TestServer.withFakeEngine(tmp.resolve("data"), new Capacity(2000, 4000));
    Job failed = job(job.jobId());
    assertThat(failed.status()).isEqualTo(JobStatus.FAILING);
    assertThat(failed.errorMessage()).contains("lost when the server stopped, 2 times");
  }
}
