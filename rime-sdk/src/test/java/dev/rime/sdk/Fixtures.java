// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Small named fixtures: job answers written as the server's snake_case JSON, captured output. */
final class Fixtures {

  private Fixtures() {}

  /** A job answer as JSON text; fields default to a running job with no progress. */
  static final class JobJson {
    private final String id;
    private String status = "RUNNING";
    private String name = "Titanic";
    private String startTime = "1764324000";
    private String endTime = "null";
    private double runningTime = 0;
    private String progress = "null";
    private String testRunId = "null";
    private String errorMessage = "null";
    private String type = "MODEL_STRESS_TEST";
    private String ctInstanceId = "null";

    private JobJson(String id) {
      this.id = id;
    }

    JobJson status(String status) {
      this.status = status;
      return this;
    }

    JobJson name(String name) {
      this.name = name;
      return this;
    }

    JobJson notStarted() {
      this.startTime = "null";
      return this;
    }

    JobJson startTime(long secs) {
      this.startTime = Long.toString(secs);
      return this;
    }

    JobJson runningTime(double secs) {
      this.runningTime = secs;
      return this;
    }

    JobJson progress(int completed, int total) {
      this.progress = "{\"tests_completed\": " + completed + ", \"tests_total\": " + total + "}";
      return this;
    }

    JobJson testRunId(String testRunId) {
      this.testRunId = "\"" + testRunId + "\"";
      return this;
    }

    JobJson continuous(String ctInstanceId) {
      this.type = "FIREWALL_BATCH_TEST";
      this.ctInstanceId = ctInstanceId == null ? "null" : "\"" + ctInstanceId + "\"";
      return this;
    }

    JobJson errorMessage(String message) {
      this.errorMessage = "\"" + message + "\"";
      return this;
    }

    String json() {
      return "{\"job_id\": \""
          + id
          + "\", \"name\": \""
          + name
          + "\", \"type\": \""
          + type
          + "\", \"status\": \""
          + status
          + "\", \"project_id\": \"proj-default\", \"creation_time_secs\": 1764323990,"
          + " \"start_time_secs\": "
          + startTime
          + ", \"end_time_secs\": "
          + endTime
          + ", \"running_time_secs\": "
          + runningTime
          + ", \"progress\": "
          + progress
          + ", \"error_message\": "
          + errorMessage
          + ", \"test_run_id\": "
          + testRunId
          + ", \"ram_request_megabytes\": 4000, \"cpu_request_millicores\": 1500,"
          + " \"rime_managed_image\": null, \"custom_image\": null,"
          + " \"cancellation_requested\": false, \"ct_instance_id\": "
          + ctInstanceId
          + "}";
    }
  }

  static JobJson job(String id) {
    return new JobJson(id);
  }

  /** A succeeded job whose run is {@code run-7f3a}. */
  static String succeededJob(String id) {
    return job(id).status("SUCCEEDED").runningTime(8.45).testRunId("run-7f3a").json();
  }

  /** A PrintStream whose text can be read back. */
  static final class Captured {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
      return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
  }

  static JsonNode tree(String json) {
    return Json.lenient().readTree(json);
  }

  /** A test resource as text. */
  static String resource(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new AssertionError("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
