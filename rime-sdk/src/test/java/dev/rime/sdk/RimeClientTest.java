// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.ApiKeyInfo;
import dev.rime.api.CreateApiKeyResponse;
import dev.rime.api.CustomImage;
import dev.rime.api.HealthResponse;
import dev.rime.api.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RimeClientTest {

  private final FakeRimeServer server = FakeRimeServer.start();
  private final Fixtures.Captured out = new Fixtures.Captured();
  private final RimeClient client = server.client(out.out);

  @AfterEach
  void stop() {
    server.close();
  }

  private static final String PROJECT =
      "{\"project_id\": \"p1\", \"name\": \"fraud\", \"description\": \"cards\","
          + " \"created_time_secs\": 1764324000, \"is_default\": false}";

  // --- address and builder

  @Test
  void a_bare_loopback_address_means_http() {
    server.json("GET", "/health", 200, "{\"status\": \"ok\", \"version\": \"0.1.0\"}");

    RimeClient bare = RimeClient.connect("127.0.0.1:" + server.port(), "k");

    assertThat(bare.baseUri()).hasToString("http://127.0.0.1:" + server.port());
    assertThat(bare.health()).isEqualTo(new HealthResponse("ok", "0.1.0"));
  }

  @Test
  void a_bare_domain_means_https_and_a_url_is_kept() {
    assertThat(RimeClient.connect("my_vpc.rime.com", "k").baseUri())
        .hasToString("https://my_vpc.rime.com");
    assertThat(RimeClient.connect("localhost:8080", "k").baseUri())
        .hasToString("http://localhost:8080");
    assertThat(RimeClient.connect("http://rime.example.com:8080", "k").baseUri())
        .hasToString("http://rime.example.com:8080");
  }

  @Test
  void the_builder_needs_an_address() {
    assertThatThrownBy(() -> RimeClient.builder().apiKey("k").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("address(...) is required");
  }

  @Test
  void the_builder_refuses_non_positive_timeouts() {
    assertThatThrownBy(() -> RimeClient.builder().connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectTimeout must be positive");
    assertThatThrownBy(() -> RimeClient.builder().requestTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestTimeout must be positive");
  }

  // --- projects

  @Test
  void creates_a_project() {
    server.json("POST", "/v1/projects", 201, PROJECT);

    RimeProject p = client.createProject("fraud", "cards");

    assertThat(p).isEqualTo(new RimeProject("p1", "fraud", "cards", false));
    FakeRimeServer.Request r = server.onlyRequest();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/v1/projects");
    assertThat(r.header("rime-api-key")).isEqualTo("test-key");
    assertThat(Fixtures.tree(r.body()))
        .isEqualTo(Fixtures.tree("{\"name\": \"fraud\", \"description\": \"cards\"}"));
  }

  @Test
  void gets_a_project() {
    server.json("GET", "/v1/projects/p1", 200, PROJECT);

    assertThat(client.getProject("p1")).isEqualTo(new RimeProject("p1", "fraud", "cards", false));
    assertThat(server.onlyRequest().header("rime-api-key")).isEqualTo("test-key");
  }

  @Test
  void an_unknown_project_is_not_found() {
    server.json(
        "GET",
        "/v1/projects/nope",
        404,
        "{\"code\": \"NOT_FOUND\", \"message\": \"Project id nope does not exist\","
            + " \"field\": \"project_id\"}");

    assertThatThrownBy(() -> client.getProject("nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Project id nope does not exist");
  }

  @Test
  void lists_projects() {
    server.json(
        "GET",
        "/v1/projects",
        200,
        "{\"projects\": [{\"project_id\": \"d\", \"name\": \"Default\", \"description\": \"\","
            + " \"created_time_secs\": 1, \"is_default\": true}, "
            + PROJECT
            + "]}");

    assertThat(client.listProjects())
        .containsExactly(
            new RimeProject("d", "Default", "", true),
            new RimeProject("p1", "fraud", "cards", false));
  }

  // --- stress tests

  @Test
  void starts_a_stress_test_with_every_option_in_snake_case() {
    server.json("POST", "/v1/stress-tests", 201, Fixtures.job("j1").status("PENDING").json());
    Map<String, Object> config =
        Map.of("run_name", "Titanic", "data_info", Map.of("label_col", "Survived"));

    StressTestJob job =
        client.startStressTest(
            config,
            StressTestOptions.builder()
                .projectId("p1")
                .customImage(
                    new CustomImage("company/engine:1", new CustomImage.PullSecret("secret")))
                .ramRequestMegabytes(8000)
                .cpuRequestMillicores(2000)
                .build());

    assertThat(job.jobId()).isEqualTo("j1");
    FakeRimeServer.Request r = server.onlyRequest();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/v1/stress-tests");
    assertThat(r.header("rime-api-key")).isEqualTo("test-key");
    assertThat(Fixtures.tree(r.body()))
        .isEqualTo(
            Fixtures.tree(
                "{\"test_run_config\": {\"run_name\": \"Titanic\","
                    + " \"data_info\": {\"label_col\": \"Survived\"}},"
                    + " \"project_id\": \"p1\", \"rime_managed_image\": null,"
                    + " \"custom_image\": {\"name\": \"company/engine:1\","
                    + " \"pull_secret\": {\"name\": \"secret\"}},"
                    + " \"ram_request_megabytes\": 8000, \"cpu_request_millicores\": 2000}"));
  }

  @Test
  void starts_a_stress_test_with_the_servers_defaults() {
    server.json("POST", "/v1/stress-tests", 201, Fixtures.job("j2").status("PENDING").json());

    StressTestJob job = client.startStressTest(Map.of("run_name", "x"));

    assertThat(job.jobId()).isEqualTo("j2");
    assertThat(Fixtures.tree(server.onlyRequest().body()))
        .isEqualTo(
            Fixtures.tree(
                "{\"test_run_config\": {\"run_name\": \"x\"}, \"project_id\": null,"
                    + " \"rime_managed_image\": null, \"custom_image\": null,"
                    + " \"ram_request_megabytes\": null, \"cpu_request_millicores\": null}"));
  }

  @Test
  void a_rejected_config_names_the_key() {
    server.json(
        "POST",
        "/v1/stress-tests",
        400,
        "{\"code\": \"INVALID_CONFIG\", \"message\": \"unknown model_task 'Clustering'\","
            + " \"field\": \"model_task\"}");

    assertThatThrownBy(() -> client.startStressTest(Map.of("model_task", "Clustering")))
        .isInstanceOfSatisfying(
            InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("model_task"))
        .hasMessage("unknown model_task 'Clustering'");
  }

  // --- jobs

  @Test
  void gets_a_job_handle() {
    server.json("GET", "/v1/jobs/j1", 200, Fixtures.job("j1").json());

    StressTestJob job = client.getJob("j1");

    assertThat(job.jobId()).isEqualTo("j1");
    assertThat(server.onlyRequest().path()).isEqualTo("/v1/jobs/j1");
  }

  @Test
  void lists_one_page_of_jobs_with_every_filter() {
    server.json(
        "GET",
        "/v1/jobs",
        200,
        "{\"jobs\": ["
            + Fixtures.job("j2").json()
            + ", "
            + Fixtures.job("j1").json()
            + "], \"next_page_token\": \"t2\"}");

    JobPage page =
        client.listJobs(
            ListJobsOptions.builder()
                .statuses(JobStatus.RUNNING, JobStatus.SUCCEEDED)
                .projectId("p1")
                .createdAfter(Instant.ofEpochSecond(1764320000L, 999_000_000))
                .pageSize(2)
                .pageToken("t1")
                .build());

    assertThat(page.jobs()).extracting(j -> j.jobId()).containsExactly("j2", "j1");
    assertThat(page.jobs().get(0).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(page.nextPageToken()).isEqualTo("t2");
    assertThat(page.hasNextPage()).isTrue();
    FakeRimeServer.Request r = server.onlyRequest();
    assertThat(r.path()).isEqualTo("/v1/jobs");
    assertThat(r.queryNames())
        .containsExactly(
            "status", "status", "project_id", "created_after_secs", "page_size", "page_token");
    assertThat(r.query("status")).containsExactly("RUNNING", "SUCCEEDED");
    assertThat(r.query("project_id")).containsExactly("p1");
    assertThat(r.query("created_after_secs")).containsExactly("1764320000");
    assertThat(r.query("page_size")).containsExactly("2");
    assertThat(r.query("page_token")).containsExactly("t1");
    assertThat(r.header("rime-api-key")).isEqualTo("test-key");
  }

  @Test
  void default_list_options_send_no_query() {
    server.json("GET", "/v1/jobs", 200, "{\"jobs\": [], \"next_page_token\": \"\"}");

    JobPage page = client.listJobs(ListJobsOptions.defaults());

    assertThat(page.jobs()).isEmpty();
    assertThat(page.hasNextPage()).isFalse();
    assertThat(server.onlyRequest().rawQuery()).isNull();
  }

  @Test
  void list_stress_test_jobs_walks_every_page() {
    server
        .json(
            "GET",
            "/v1/jobs",
            200,
            "{\"jobs\": ["
                + Fixtures.job("j3").json()
                + ", "
                + Fixtures.job("j2").json()
                + "], \"next_page_token\": \"page2\"}")
        .json(
            "GET",
            "/v1/jobs",
            200,
            "{\"jobs\": [" + Fixtures.job("j1").json() + "], \"next_page_token\": \"\"}");

    List<StressTestJob> jobs =
        client.listStressTestJobs(List.of("running", JobStatus.SUCCEEDED), "p1");

    assertThat(jobs).extracting(StressTestJob::jobId).containsExactly("j3", "j2", "j1");
    List<FakeRimeServer.Request> requests = server.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).query("status")).containsExactly("RUNNING", "SUCCEEDED");
    assertThat(requests.get(0).query("project_id")).containsExactly("p1");
    assertThat(requests.get(0).query("page_size")).containsExactly("100");
    assertThat(requests.get(0).query("page_token")).isEmpty();
    assertThat(requests.get(1).query("status")).containsExactly("RUNNING", "SUCCEEDED");
    assertThat(requests.get(1).query("project_id")).containsExactly("p1");
    assertThat(requests.get(1).query("page_token")).containsExactly("page2");
  }

  @Test
  void list_stress_test_jobs_without_filters_sends_none() {
    server.json("GET", "/v1/jobs", 200, "{\"jobs\": [], \"next_page_token\": \"\"}");

    assertThat(client.listStressTestJobs(null, null)).isEmpty();
    assertThat(server.onlyRequest().queryNames()).containsExactly("page_size");
  }

  @Test
  void a_repeated_page_token_stops_the_walk() {
    server.json(
        "GET",
        "/v1/jobs",
        200,
        "{\"jobs\": [" + Fixtures.job("j1").json() + "], \"next_page_token\": \"same\"}");

    assertThatThrownBy(() -> client.listStressTestJobs(List.of(), null))
        .isExactlyInstanceOf(RimeException.class)
        .hasMessageContaining("repeated page token same");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void an_unknown_status_names_the_accepted_ones() {
    assertThatThrownBy(() -> client.listStressTestJobs(List.of("RUNNING", "DONE"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DONE")
        .hasMessageContaining(
            "[UNKNOWN_JOB_STATUS, PENDING, RUNNING, SUCCEEDED, FAILING, CANCELLED]");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void a_status_filter_of_another_type_is_refused() {
    assertThatThrownBy(() -> client.listStressTestJobs(List.of(42), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("42 is neither a JobStatus nor a status name");
  }

  // --- api keys

  private static final String KEY_INFO =
      "{\"key_id\": \"k2\", \"name\": \"ci\", \"role\": \"USER\", \"prefix\": \"rime_ab\","
          + " \"created_time_secs\": 1764324000, \"last_used_time_secs\": null,"
          + " \"revoked_time_secs\": null}";

  private static final ApiKeyInfo KEY =
      new ApiKeyInfo("k2", "ci", ApiKeyInfo.Role.USER, "rime_ab", 1764324000L, null, null);

  @Test
  void creates_an_api_key() {
    server.json(
        "POST", "/v1/api-keys", 201, "{\"api_key\": \"rime_abcdef\", \"info\": " + KEY_INFO + "}");

    CreateApiKeyResponse r = client.createApiKey("ci", ApiKeyInfo.Role.USER);

    assertThat(r).isEqualTo(new CreateApiKeyResponse("rime_abcdef", KEY));
    FakeRimeServer.Request req = server.onlyRequest();
    assertThat(req.path()).isEqualTo("/v1/api-keys");
    assertThat(req.header("rime-api-key")).isEqualTo("test-key");
    assertThat(Fixtures.tree(req.body()))
        .isEqualTo(Fixtures.tree("{\"name\": \"ci\", \"role\": \"USER\"}"));
  }

  @Test
  void a_user_key_may_not_create_keys() {
    server.json(
        "POST",
        "/v1/api-keys",
        403,
        "{\"code\": \"PERMISSION_DENIED\", \"message\": \"needs an ADMIN key\"}");

    assertThatThrownBy(() -> client.createApiKey("ci", null))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessage("needs an ADMIN key");
    assertThat(Fixtures.tree(server.onlyRequest().body()))
        .isEqualTo(Fixtures.tree("{\"name\": \"ci\", \"role\": null}"));
  }

  @Test
  void lists_api_keys() {
    server.json("GET", "/v1/api-keys", 200, "{\"api_keys\": [" + KEY_INFO + "]}");

    assertThat(client.listApiKeys()).containsExactly(KEY);
    assertThat(server.onlyRequest().header("rime-api-key")).isEqualTo("test-key");
  }

  @Test
  void revokes_an_api_key() {
    server.json(
        "DELETE",
        "/v1/api-keys/k2",
        200,
        KEY_INFO.replace("\"revoked_time_secs\": null", "\"revoked_time_secs\": 1764325000"));

    ApiKeyInfo revoked = client.revokeApiKey("k2");

    assertThat(revoked.revokedTimeSecs()).isEqualTo(1764325000L);
    FakeRimeServer.Request r = server.onlyRequest();
    assertThat(r.method()).isEqualTo("DELETE");
    assertThat(r.path()).isEqualTo("/v1/api-keys/k2");
    assertThat(r.body()).isEmpty();
  }

  @Test
  void revoking_the_last_admin_key_is_a_failed_precondition() {
    server.json(
        "DELETE",
        "/v1/api-keys/k1",
        409,
        "{\"code\": \"FAILED_PRECONDITION\", \"message\": \"the last admin key cannot be"
            + " revoked\"}");

    assertThatThrownBy(() -> client.revokeApiKey("k1"))
        .isInstanceOf(FailedPreconditionException.class)
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void a_revoked_key_is_unauthenticated() {
    server.json(
        "GET", "/v1/projects", 401, "{\"code\": \"UNAUTHENTICATED\", \"message\": \"revoked\"}");

    assertThatThrownBy(client::listProjects).isInstanceOf(UnauthenticatedException.class);
  }
}
