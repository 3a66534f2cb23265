// SPDX-License-Identifier: Apache-2.0
package dev.rime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.server.executor.Capacity;
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
}
