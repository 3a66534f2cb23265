// SPDX-License-Identifier: Apache-2.0
package dev.rime.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Json;
import dev.rime.api.Operation;
import dev.rime.server.executor.Capacity;
import dev.rime.server.executor.FakeJobMain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A real server on a free port for tests, with its own data folder, and a small raw HTTP client
 * (tests here check the wire format itself, so they do not go through the SDK). Jobs run {@link
 * FakeJobMain} unless the test asks for the real engine.
 */
public final class TestServer implements AutoCloseable {

  public final RimeServer server;
  public final String adminKey;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(RimeServer server) throws IOException {
    this.server = server;
    this.adminKey = Files.readString(server.adminKeyFile()).trim();
  }

  /** A server whose jobs run the fake engine and whose configs are not checked. */
  public static TestServer withFakeEngine(Path dataDir, Capacity capacity) throws IOException {
    return start(
        ServerConfig.defaults(dataDir)
            .withPort(0)
            .withCapacity(capacity)
            .withConfigValidator(c -> Optional.empty())
            .withExecutorSettings(s -> s.withMainClass(FakeJobMain.class.getName())));
  }

  public static TestServer start(ServerConfig config) throws IOException {
    return new TestServer(RimeServer.start(config));
  }

  /** An HTTP answer: status, body, content type. */
  public record Answer(int status, String body, String contentType) {
    public Map<String, Object> json() {
      return Json.lenient().readValue(body, Json.MAP);
    }

    public <T> T as(Class<T> type) {
      return Json.lenient().readValue(body, type);
    }

    public Answer expect(int expected) {
      assertThat(status).as("HTTP status of %s", body).isEqualTo(expected);
      return this;
    }
  }

  public Answer get(String path) {
    return send("GET", path, null, adminKey);
  }

  public Answer post(String path, Object body) {
    return send("POST", path, body, adminKey);
  }

  public Answer send(String method, String path, Object body, String key) {
    String json =
        body == null
            ? null
            : body instanceof String s ? s : Json.lenient().writeValueAsString(body);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (key != null) {
      b.header(Operation.API_KEY_HEADER, key);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.scheduler().stopRunningJobs();
    server.close();
  }
}
