// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.ErrorResponse;
import dev.rime.api.HealthResponse;
import dev.rime.api.Job;
import dev.rime.api.Operation;
import dev.rime.sdk.Transport.Query;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TransportTest {

  private final FakeRimeServer server = FakeRimeServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private Transport transport(String key) {
    return new Transport(
        URI.create(server.url()), key, Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  private Job getJob() {
    return transport("k1").json(Operation.GET_JOB, List.of("j1"), Query.none(), null, Job.class);
  }

  @Test
  void sends_the_api_key_header_on_v1_calls() {
    server.json("GET", "/v1/jobs/j1", 200, Fixtures.job("j1").json());

    getJob();

    FakeRimeServer.Request r = server.onlyRequest();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/v1/jobs/j1");
    assertThat(r.header("rime-api-key")).isEqualTo("k1");
    assertThat(r.header("Content-Type")).isNull();
  }

  @Test
  void health_goes_without_the_key() {
    server.json("GET", "/health", 200, "{\"status\": \"ok\", \"version\": \"0.1.0\"}");

    HealthResponse h =
        transport("k1").json(Operation.HEALTH, List.of(), Query.none(), null, HealthResponse.class);

    assertThat(h).isEqualTo(new HealthResponse("ok", "0.1.0"));
    assertThat(server.onlyRequest().header("rime-api-key")).isNull();
  }

  @Test
  void no_key_configured_sends_no_header() {
    server.json("GET", "/v1/jobs/j1", 200, Fixtures.job("j1").json());

    transport("").json(Operation.GET_JOB, List.of("j1"), Query.none(), null, Job.class);

    assertThat(server.onlyRequest().header("rime-api-key")).isNull();
  }

  @Test
  void path_values_and_query_values_are_url_encoded() {
    server.json("GET", "/v1/jobs/a%20b%2Fc", 200, Fixtures.job("a b/c").json());

    transport("k")
        .json(
            Operation.GET_JOB,
            List.of("a b/c"),
            Query.none().add("x", "1 & 2").add("skip", null).add("empty", ""),
            null,
            Job.class);

    FakeRimeServer.Request r = server.onlyRequest();
    assertThat(r.rawQuery()).isEqualTo("x=1%20%26%202");
    assertThat(r.query("x")).containsExactly("1 & 2");
  }

  @Test
  void a_json_body_is_sent_as_snake_case_with_its_content_type() {
    server.json("POST", "/v1/projects", 201, "{\"project_id\": \"p1\"}");

    transport("k")
        .json(
            Operation.CREATE_PROJECT,
            List.of(),
            Query.none(),
            new dev.rime.api.CreateProjectRequest("fraud", "cards"),
            dev.rime.api.Project.class);

    FakeRimeServer.Request r = server.onlyRequest();
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(Fixtures.tree(r.body()))
        .isEqualTo(Fixtures.tree("{\"name\": \"fraud\", \"description\": \"cards\"}"));
  }

  static Stream<Arguments> codes() {
    return Stream.of(
        Arguments.of(ErrorResponse.Code.INVALID_ARGUMENT, InvalidArgumentException.class),
        Arguments.of(ErrorResponse.Code.INVALID_CONFIG, InvalidConfigException.class),
        Arguments.of(ErrorResponse.Code.UNAUTHENTICATED, UnauthenticatedException.class),
        Arguments.of(ErrorResponse.Code.PERMISSION_DENIED, PermissionDeniedException.class),
        Arguments.of(ErrorResponse.Code.NOT_FOUND, NotFoundException.class),
        Arguments.of(ErrorResponse.Code.ALREADY_EXISTS, AlreadyExistsException.class),
        Arguments.of(ErrorResponse.Code.FAILED_PRECONDITION, FailedPreconditionException.class),
        Arguments.of(ErrorResponse.Code.UNAVAILABLE, RimeServerException.class),
        Arguments.of(ErrorResponse.Code.INTERNAL, RimeServerException.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codes")
  void every_error_code_maps_to_its_exception(
      ErrorResponse.Code code, Class<? extends RimeException> expected) {
    server.json(
        "GET",
        "/v1/jobs/j1",
        code.httpStatus(),
        "{\"code\": \"" + code + "\", \"message\": \"it went wrong\", \"field\": \"some_field\"}");

    assertThatThrownBy(this::getJob)
        .isExactlyInstanceOf(expected)
        .hasMessage("it went wrong")
        .satisfies(
            e -> {
              RimeException r = (RimeException) e;
              assertThat(r.code()).isEqualTo(code.name());
              assertThat(r.field()).isEqualTo("some_field");
              assertThat(r.httpStatus()).isEqualTo(code.httpStatus());
            });
  }

  @Test
  void invalid_config_names_the_key() {
    server.json(
        "POST",
        "/v1/stress-tests",
        400,
        "{\"code\": \"INVALID_CONFIG\", \"message\": \"data_info.ref_path is required\","
            + " \"field\": \"data_info.ref_path\"}");

    assertThatThrownBy(
            () ->
                transport("k")
                    .json(Operation.START_STRESS_TEST, List.of(), Query.none(), "{}", Job.class))
        .isInstanceOfSatisfying(
            InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo("data_info.ref_path"));
  }

  @Test
  void the_code_wins_over_the_status() {
    server.json("GET", "/v1/jobs/j1", 400, "{\"code\": \"NOT_FOUND\", \"message\": \"gone\"}");

    assertThatThrownBy(this::getJob).isExactlyInstanceOf(NotFoundException.class);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource({
    "400, dev.rime.sdk.InvalidArgumentException",
    "401, dev.rime.sdk.UnauthenticatedException",
    "403, dev.rime.sdk.PermissionDeniedException",
    "404, dev.rime.sdk.NotFoundException",
    "409, dev.rime.sdk.ConflictException",
    "500, dev.rime.sdk.RimeServerException",
    "502, dev.rime.sdk.RimeServerException",
    "418, dev.rime.sdk.RimeException",
  })
  void without_a_code_the_status_decides(int status, Class<?> expected) {
    server.text("GET", "/v1/jobs/j1", status, "No API key found in request");

    assertThatThrownBy(this::getJob)
        .isExactlyInstanceOf(expected)
        .hasMessage("HTTP " + status + " from GET /v1/jobs/j1: No API key found in request")
        .satisfies(e -> assertThat(((RimeException) e).code()).isNull());
  }

  @Test
  void an_unknown_code_falls_back_to_the_status() {
    server.json("GET", "/v1/jobs/j1", 409, "{\"code\": \"ABORTED\", \"message\": \"try again\"}");

    assertThatThrownBy(this::getJob)
        .isExactlyInstanceOf(ConflictException.class)
        .hasMessage("try again")
        .satisfies(e -> assertThat(((RimeException) e).code()).isEqualTo("ABORTED"));
  }

  @Test
  void an_empty_error_body_still_says_the_status() {
    server.text("GET", "/v1/jobs/j1", 503, "");

    assertThatThrownBy(this::getJob)
        .isExactlyInstanceOf(RimeServerException.class)
        .hasMessage("HTTP 503 from GET /v1/jobs/j1");
  }

  @Test
  void an_html_error_page_is_cut_short() {
    server.text("GET", "/v1/jobs/j1", 502, "<html>" + "x".repeat(1000) + "</html>");

    assertThatThrownBy(this::getJob)
        .isExactlyInstanceOf(RimeServerException.class)
        .hasMessageStartingWith("HTTP 502 from GET /v1/jobs/j1: <html>xxx")
        .hasMessageEndingWith("...");
  }

  @Test
  void an_unreadable_answer_is_a_rime_exception() {
    server.text("GET", "/v1/jobs/j1", 200, "not json");

    assertThatThrownBy(this::getJob)
        .isExactlyInstanceOf(RimeException.class)
        .hasMessageStartingWith(
            "The server's answer to getJob (GET /v1/jobs/{job_id}) is not a valid Job");
  }

  @Test
  void a_closed_port_is_unreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Transport t =
        new Transport(
            URI.create("http://127.0.0.1:" + port),
            "k",
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));

    assertThatThrownBy(
            () -> t.json(Operation.GET_JOB, List.of("j1"), Query.none(), null, Job.class))
        .isExactlyInstanceOf(ServerUnreachableException.class)
        .hasMessageStartingWith(
            "Cannot reach the RIME server at http://127.0.0.1:" + port + " (GET /v1/jobs/j1): ")
        .satisfies(e -> assertThat(((RimeException) e).httpStatus()).isZero());
  }

  @Test
  void an_unknown_host_is_unreachable() {
    Transport t =
        new Transport(
            URI.create("https://no-such-host.invalid"),
            "k",
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));

    assertThatThrownBy(
            () -> t.json(Operation.GET_JOB, List.of("j1"), Query.none(), null, Job.class))
        .isExactlyInstanceOf(ServerUnreachableException.class)
        .hasMessageContaining("no-such-host.invalid");
  }

  @Test
  void a_host_name_the_http_client_refuses_is_unreachable() {
    Transport t =
        new Transport(
            Address.parse("my_vpc.rime.com"), "k", Duration.ofSeconds(2), Duration.ofSeconds(2));

    assertThatThrownBy(
            () -> t.json(Operation.GET_JOB, List.of("j1"), Query.none(), null, Job.class))
        .isExactlyInstanceOf(ServerUnreachableException.class)
        .hasMessageContaining("https://my_vpc.rime.com");
  }
}
