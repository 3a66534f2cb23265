// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The result schema versions RIME has shipped, and how a stored result is shown in each. Results
 * are stored in the latest shape; a client that pins a version gets exactly that version's fields,
 * whatever the server's own version. A version is added here, never changed or removed, and each
 * has golden files in the tests.
 *
 * <ul>
 *   <li>{@code 0.14.0}: the shape of the seed's SDK era ({@code get_test_cases_result(version=
 *       "0.14.0")}): test cases with {@code test_run_id, features, test_batch_type, status,
 *       severity, category, test_category}; the run as {@code metadata / model_source_info /
 *       data_source_info / metrics}.
 *   <li>{@code 1.0.0}: {@link TestCase} and {@link TestRunSummary} as they are.
 * </ul>
 */
public final class ResultSchemas {

  /** The newest version; what a client gets when it does not pin one. */
  public static final String LATEST = "1.0.0";

  /** Every version shipped, oldest first. */
  public static final List<String> VERSIONS = List.of("0.14.0", LATEST);

  private static final Pattern SEMVER =
      Pattern.compile(
          "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$");

  private ResultSchemas() {}

  /**
   * The version to answer in: {@link #LATEST} when none is asked for, else the one asked for.
   *
   * @throws IllegalArgumentException when the version is not a semantic version, or not one that
   *     was shipped; the message names the versions there are
   */
  public static String resolve(String requested) {
    if (requested == null || requested.isBlank()) {
      return LATEST;
    }
    String v = requested.trim();
    if (!SEMVER.matcher(v).matches()) {
      throw new IllegalArgumentException(
          "invalid version string '" + requested + "': expected a semantic version like 1.0.0");
    }
    if (!VERSIONS.contains(v)) {
      throw new IllegalArgumentException(
          "unknown result schema version '" + v + "'; this server answers in " + VERSIONS);
    }
    return v;
  }

  /** Whether a string is a syntactically valid semantic version. */
  public static boolean isSemanticVersion(String version) {
    return version != null && SEMVER.matcher(version.trim()).matches();
  }

  /** A test case in the given (resolved) schema version. */
  public static Map<String, Object> testCase(TestCase testCase, String version) {
    switch (version) {
      case "1.0.0":
        return Json.lenient().convertValue(testCase, Json.MAP);
      case "0.14.0":
        {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("test_run_id", testCase.testRunId());
          m.put("features", testCase.features());
          m.put("test_batch_type", testCase.testBatchType());
          m.put("status", testCase.status().name());
          m.put("severity", testCase.severity().name());
          m.put("category", testCase.category());
          m.put("test_category", testCase.category());
          return m;
        }
      default:
        throw new IllegalArgumentException("unknown result schema version " + version);
    }
  }

  /** A run summary in the given (resolved) schema version. */
  public static Map<String, Object> testRun(TestRunSummary summary, String version) {
    switch (version) {
      case "1.0.0":
        return Json.lenient().convertValue(summary, Json.MAP);
      case "0.14.0":
        {
          Map<String, Object> metadata = new LinkedHashMap<>();
          metadata.put("id", summary.testRunId());
          metadata.put("name", summary.name());
          metadata.put("project_id", summary.projectId());
          metadata.put("model_task", summary.modelTask());
          metadata.put("upload_time", Instant.ofEpochSecond(summary.startTimeSecs()).toString());
          Map<String, Object> summaryCounts = new LinkedHashMap<>();
          summaryCounts.put("total", summary.summaryCounts().total());
          summaryCounts.put("pass", summary.summaryCounts().pass());
          summaryCounts.put("warning", summary.summaryCounts().warning());
          summaryCounts.put("fail", summary.summaryCounts().fail());
          Map<String, Object> severityCounts = new LinkedHashMap<>();
          severityCounts.put("none", summary.severityCounts().none());
          severityCounts.put("low", summary.severityCounts().low());
          severityCounts.put("medium", summary.severityCounts().medium());
          severityCounts.put("high", summary.severityCounts().high());
          Map<String, Object> metrics = new LinkedHashMap<>();
          metrics.put("duration_millis", (double) summary.durationMillis());
          metrics.put("num_inputs", summary.numInputs());
          metrics.put("num_failing_inputs", summary.numFailingInputs());
          metrics.put("summary_counts", summaryCounts);
          metrics.put("severity_counts", severityCounts);
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("metadata", metadata);
          m.put("model_source_info", Map.of("name", "pred_col"));
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("ref", Map.of("name", summary.ref().path()));
          data.put("eval", Map.of("name", summary.eval().path()));
          m.put("data_source_info", data);
          m.put("metrics", metrics);
          return m;
        }
      default:
        throw new IllegalArgumentException("unknown result schema version " + version);
    }
  }
}
