// SPDX-License-Identifier: Apache-2.0
package dev.rime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.api.TimeSeriesResponse;
import dev.rime.server.executor.Capacity;
import dev.rime.server.executor.ContinuousFixtures;
import dev.rime.server.executor.FakeJobMain;
import dev.rime.server.store.Database;
import dev.rime.server.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on PostgreSQL ({@code --db jdbc:postgresql:...}): same migrations, same behaviour. */
class PostgresServerTest {

  @TempDir Path tmp;

  @Test
  void aJobRunsToTheEndWithItsResultsStoredInPostgres() throws Exception {
    ServerConfig config =
        ServerConfig.defaults(tmp.resolve("data"))
            .withPort(0)
            .withDatabase(TestDatabases.freshPostgresUrl(), "postgres", null)
            .withCapacity(new Capacity(2000, 4000))
            .withConfigValidator(c -> Optional.empty())
            .withExecutorSettings(s -> s.withMainClass(FakeJobMain.class.getName()));
    try (TestServer s = TestServer.start(config)) {
      assertThat(s.server.database().kind()).isEqualTo(Database.Kind.POSTGRESQL);
      Job job =
          s.post(
                  "/v1/stress-tests",
                  Map.of(
                      "test_run_config", Map.of("run_name", "succeed:4"),
                      "ram_request_megabytes", 256,
                      "cpu_request_millicores", 500))
              .expect(201)
              .as(Job.class);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> s.get("/v1/jobs/" + job.jobId()).as(Job.class).status() == JobStatus.SUCCEEDED);
      String runId = s.get("/v1/jobs/" + job.jobId()).as(Job.class).testRunId();
      assertThat(s.get("/v1/test-runs/" + runId + "/test-cases").expect(200).body())
          .contains("\"test_run_id\":\"" + runId + "\"");
    }
  }

  @Test
  void aContinuousTestStoresItsBinsInPostgres() throws Exception {
    ServerConfig config =
        ServerConfig.defaults(tmp.resolve("data"))
            .withPort(0)
            .withDatabase(TestDatabases.freshPostgresUrl(), "postgres", null)
            .withCapacity(new Capacity(2000, 4000))
            .withConfigValidator(c -> Optional.empty())
            .withExecutorSettings(s -> s.withMainClass(FakeJobMain.class.getName()));
    Path ref =
        ContinuousFixtures.write(
            tmp.resolve("ref.json"),
            ContinuousFixtures.daily(
                ContinuousFixtures.run("stress", "age"), ContinuousFixtures.day(0, 0.25, 0.5)));
    Path more =
        ContinuousFixtures.write(
            tmp.resolve("more.json"),
            ContinuousFixtures.daily(null, ContinuousFixtures.day(1, 0.5, null)));
    try (TestServer s = TestServer.start(config)) {
      Job job =
          s.post(
                  "/v1/continuous-tests",
                  Map.of(
                      "test_run_config",
                      Map.of(
                          "run_name",
                          "ct",
                          "data_info",
                          Map.of("eval_path", ref.toString()),
                          "continuous_info",
                          Map.of("timestamp_col", "ts", "bin_size", "day")),
                      "ram_request_megabytes",
                      256,
                      "cpu_request_millicores",
                      500))
              .expect(201)
              .as(Job.class);
      Job done = awaitSucceeded(s, job);
      Job inc =
          s.post(
                  "/v1/ct-instances/" + done.ctInstanceId() + "/continuous-tests",
                  Map.of(
                      "test_run_config",
                      Map.of("eval_path", more.toString(), "timestamp_col", "ts"),
                      "ram_request_megabytes",
                      256,
                      "cpu_request_millicores",
                      500))
              .expect(201)
              .as(Job.class);
      awaitSucceeded(s, inc);
      TimeSeriesResponse series =
          s.get(
                  "/v1/ct-instances/"
                      + done.ctInstanceId()
                      + "/time-series?metric=feature_psi&feature=age")
              .expect(200)
              .as(TimeSeriesResponse.class);
      assertThat(series.points())
          .extracting(TimeSeriesResponse.Point::value)
          .containsExactly(0.5, null);
    }
  }

  private static Job awaitSucceeded(TestServer s, Job job) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> s.get("/v1/jobs/" + job.jobId()).as(Job.class).status().isTerminal());
    Job done = s.get("/v1/jobs/" + job.jobId()).as(Job.class);
    assertThat(done.status()).as(done.errorMessage()).isEqualTo(JobStatus.SUCCEEDED);
    return done;
  }
}
