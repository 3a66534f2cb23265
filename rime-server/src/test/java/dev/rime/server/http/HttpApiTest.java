// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.ApiKeyInfo;
import dev.rime.api.CreateApiKeyResponse;
import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.api.ListJobsResponse;
import dev.rime.api.Project;
import dev.rime.server.TestServer;
import dev.rime.server.executor.Capacity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API on a real port: auth, errors, projects, job listing, API keys. */
class HttpApiTest {

  @TempDir Path tmp;
  TestServer s;

  @BeforeEach
  void start() throws Exception {
    // no capacity for jobs: they stay PENDING, which is all listing tests need
    s = TestServer.withFakeEngine(tmp.resolve("data"), new Capacity(1000, 1000));
  }

  @AfterEach
  void stop() {
    s.close();
  }

  @Test
  void healthNeedsNoKey() {
    Map<String, Object> h = s.send("GET", "/health", null, null).expect(200).json();
    assertThat(h).containsEntry("status", "ok");
  }

  @Test
  void everyV1CallNeedsAValidKey() {
    TestServer.Answer missing = s.send("GET", "/v1/projects", null, null).expect(401);
    assertThat(missing.contentType()).startsWith("application/json");
    assertThat(missing.json())
        .containsEntry("code", "UNAUTHENTICATED")
        .containsEntry("field", "rime-api-key");
    assertThat(s.send("GET", "/v1/projects", null, "rime_wrong").expect(401).json())
        .containsEntry("message", "Invalid API key");
    assertThat(s.send("GET", "/v1/nothing-here", null, null).status())
        .as("even unknown /v1 paths need a key")
        .isEqualTo(401);
  }

  @Test
  void theFirstAdminKeyIsWrittenOnceToAnOwnerOnlyFile() throws Exception {
    Path file = s.server.adminKeyFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(s.server.newAdminKeyFile()).contains(file);
    s.close();
    s = TestServer.withFakeEngine(tmp.resolve("data"), new Capacity(1000, 1000));
    assertThat(s.server.newAdminKeyFile()).as("second start writes nothing").isEmpty();
    s.get("/v1/projects").expect(200);
  }

  @Test
  void unknownRoutesAnswerJson404() {
    assertThat(s.get("/v1/nothing-here").expect(404).json()).containsEntry("code", "NOT_FOUND");
  }

  @Test
  void projectsCanBeCreatedReadAndListedWithTheDefaultOne() {
    Project p =
        s.post("/v1/projects", Map.of("name", "fraud", "description", "card fraud"))
            .expect(201)
            .as(Project.class);
    assertThat(p.name()).isEqualTo("fraud");
    assertThat(p.isDefault()).isFalse();
    assertThat(s.get("/v1/projects/" + p.projectId()).expect(200).as(Project.class)).isEqualTo(p);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> all =
        (List<Map<String, Object>>) s.get("/v1/projects").expect(200).json().get("projects");
    assertThat(all).extracting(m -> m.get("project_id")).containsExactly("default", p.projectId());
  }

  @Test
  void badRequestsNameTheField() {
    assertThat(s.post("/v1/projects", Map.of("name", " ")).expect(400).json())
        .containsEntry("code", "INVALID_ARGUMENT")
        .containsEntry("field", "name");
    assertThat(s.post("/v1/projects", Map.of("name", "x", "descripton", "typo")).expect(400).json())
        .containsEntry("field", "descripton");
    assertThat(s.post("/v1/projects", "{not json").expect(400).json())
        .containsEntry("code", "INVALID_ARGUMENT");
    assertThat(s.get("/v1/projects/nope").expect(404).json())
        .containsEntry("code", "NOT_FOUND")
        .containsEntry("field", "project_id");
    assertThat(s.get("/v1/jobs?status=DONE").expect(400).json()).containsEntry("field", "status");
    assertThat(s.get("/v1/jobs?page_size=abc").expect(400).json())
        .containsEntry("field", "page_size");
    assertThat(s.get("/v1/jobs?page_token=garbage").expect(400).json())
        .containsEntry("field", "page_token");
  }

  @Test
  void stressTestRequestsAreChecked() {
    Map<String, Object> config = Map.of("run_name", "x");
    assertThat(s.post("/v1/stress-tests", Map.of()).expect(400).json())
        .containsEntry("field", "test_run_config");
    assertThat(
            s.post("/v1/stress-tests", Map.of("test_run_config", config, "project_id", "nope"))
                .expect(404)
                .json())
        .containsEntry("field", "project_id");
    assertThat(
            s.post(
                    "/v1/stress-tests",
                    Map.of(
                        "test_run_config",
                        config,
                        "rime_managed_image",
                        "img",
                        "custom_image",
                        Map.of("name", "company/engine:1")))
                .expect(400)
                .json())
        .containsEntry("message", "Cannot specify both custom_image and rime_managed_image");
    assertThat(
            s.post(
                    "/v1/stress-tests",
                    Map.of(
                        "test_run_config",
                        config,
                        "custom_image",
                        Map.of("name", "company/engine:1")))
                .expect(409)
                .json())
        .containsEntry("code", "FAILED_PRECONDITION")
        .containsEntry("field", "custom_image");
    assertThat(
            s.post(
                    "/v1/stress-tests",
                    Map.of(
                        "test_run_config",
                        config,
                        "ram_request_megabytes",
                        64_000,
                        "cpu_request_millicores",
                        1000))
                .expect(409)
                .json())
        .containsEntry("field", "ram_request_megabytes");
    assertThat(
            s.post(
                    "/v1/stress-tests",
                    Map.of("test_run_config", config, "cpu_request_millicores", 0))
                .expect(400)
                .json())
        .containsEntry("field", "cpu_request_millicores");
    assertThat(
            s.post(
                    "/v1/stress-tests",
                    Map.of("test_run_config", config, "rime_managed_image", "tf115"))
                .expect(404)
                .json())
        .containsEntry("field", "rime_managed_image");
  }

  @Test
  void bodiesAreReadStrictly() {
    Map<String, Object> config = Map.of("run_name", "x");
    assertThat(
            s.post(
                    "/v1/stress-tests",
                    Map.of("test_run_config", config, "ram_request_megabytes", 1.5))
                .expect(400)
                .json())
        .containsEntry("field", "ram_request_megabytes");
    assertThat(
            s.post("/v1/stress-tests", Map.of("test_run_config", config, "project_id", 5))
                .expect(400)
                .json())
        .containsEntry("field", "project_id");
    assertThat(
            s.post(
                    "/v1/stress-tests",
                    Map.of("test_run_config", config, "cpu_request_millicores", "900"))
                .expect(400)
                .json())
        .containsEntry("field", "cpu_request_millicores");
    assertThat(s.post("/v1/projects", "{\"name\": \"a\", \"name\": \"b\"}").expect(400).json())
        .containsEntry("code", "INVALID_ARGUMENT");
    assertThat(
            s.post(
                    "/v1/stress-tests",
                    Map.of("test_run_config", Map.of("run_name", "n".repeat(501))))
                .expect(400)
                .json())
        .containsEntry("field", "test_run_config.run_name");
    assertThat(s.post("/v1/api-keys", Map.of("name", "k".repeat(201))).expect(400).json())
        .containsEntry("field", "name");
    assertThat(s.get("/v1/jobs?created_after_secs=9223372036854775807").expect(200).json())
        .containsEntry("next_page_token", "");
  }

  @Test
  void aStressTestWithoutProjectIsFiledUnderTheDefaultProjectWithDefaultRequests() {
    Job job =
        s.post(
                "/v1/stress-tests",
                Map.of(
                    "test_run_config",
                    Map.of("run_name", "sleep"),
                    "cpu_request_millicores",
                    1000,
                    "ram_request_megabytes",
                    1000))
            .expect(201)
            .as(Job.class);
    assertThat(job.projectId()).isEqualTo("default");
    assertThat(job.name()).isEqualTo("sleep");
    assertThat(job.type().name()).isEqualTo("MODEL_STRESS_TEST");
    Job other =
        s.post("/v1/stress-tests", Map.of("test_run_config", Map.of("run_name", "x")))
            .expect(409)
            .as(Job.class);
    assertThat(other).isNotNull();
  }

  @Test
  void jobsAreListedNewestFirstInPagesWithFilters() {
    Project p = s.post("/v1/projects", Map.of("name", "p")).expect(201).as(Project.class);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> body =
          Map.of(
              "test_run_config",
              Map.of("run_name", "r" + i),
              "project_id",
              i % 2 == 0 ? p.projectId() : "default",
              "ram_request_megabytes",
              1000,
              "cpu_request_millicores",
              1000);
      ids.add(0, s.post("/v1/stress-tests", body).expect(201).as(Job.class).jobId());
      sleepMillis(3);
    }
    List<String> seen = new ArrayList<>();
    String token = "";
    do {
      ListJobsResponse page =
          s.get("/v1/jobs?page_size=2&page_token=" + token).expect(200).as(ListJobsResponse.class);
      assertThat(page.jobs().size()).isLessThanOrEqualTo(2);
      page.jobs().forEach(j -> seen.add(j.jobId()));
      token = page.nextPageToken();
    } while (!token.isEmpty());
    assertThat(seen).containsExactlyElementsOf(ids);

    ListJobsResponse inProject =
        s.get("/v1/jobs?project_id=" + p.projectId()).expect(200).as(ListJobsResponse.class);
    assertThat(inProject.jobs())
        .extracting(Job::jobId)
        .containsExactly(ids.get(0), ids.get(2), ids.get(4));

    s.post("/v1/jobs/" + ids.get(1) + "/cancel", null).expect(200);
    ListJobsResponse cancelled =
        s.get("/v1/jobs?status=CANCELLED&status=FAILING").expect(200).as(ListJobsResponse.class);
    assertThat(cancelled.jobs()).extracting(Job::jobId).containsExactly(ids.get(1));
    assertThat(cancelled.jobs().get(0).status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void unknownJobsAndRunsAre404() {
    assertThat(s.get("/v1/jobs/nope").expect(404).json()).containsEntry("field", "job_id");
    assertThat(s.get("/v1/jobs/nope/logs").expect(404).json()).containsEntry("field", "job_id");
    assertThat(s.post("/v1/jobs/nope/cancel", null).expect(404).json())
        .containsEntry("field", "job_id");
    assertThat(s.get("/v1/test-runs/nope").expect(404).json())
        .containsEntry("field", "test_run_id");
    assertThat(s.get("/v1/test-runs/nope/test-cases").expect(404).json())
        .containsEntry("field", "test_run_id");
  }

  @Test
  void apiKeysAreManagedByAdminsOnly() {
    CreateApiKeyResponse user =
        s.post("/v1/api-keys", Map.of("name", "ci", "role", "USER"))
            .expect(201)
            .as(CreateApiKeyResponse.class);
    assertThat(user.apiKey()).startsWith("rime_").startsWith(user.info().prefix());
    assertThat(s.send("GET", "/v1/projects", null, user.apiKey()).status()).isEqualTo(200);
    assertThat(s.send("GET", "/v1/api-keys", null, user.apiKey()).expect(403).json())
        .containsEntry("code", "PERMISSION_DENIED");

    List<ApiKeyInfo> keys =
        s.get("/v1/api-keys").expect(200).as(dev.rime.api.ListApiKeysResponse.class).apiKeys();
    assertThat(keys).extracting(ApiKeyInfo::name).containsExactly("admin (first start)", "ci");
    assertThat(s.get("/v1/api-keys").body()).doesNotContain(user.apiKey());

    s.send("DELETE", "/v1/api-keys/" + user.info().keyId(), null, s.adminKey).expect(200);
    assertThat(s.send("GET", "/v1/projects", null, user.apiKey()).expect(401).json())
        .containsEntry("message", "This API key was revoked");

    String adminId = keys.get(0).keyId();
    assertThat(s.send("DELETE", "/v1/api-keys/" + adminId, null, s.adminKey).expect(409).json())
        .containsEntry("code", "FAILED_PRECONDITION");
  }

  private static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
