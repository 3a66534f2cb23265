// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * Every operation of the REST contract: its {@code operationId}, HTTP method and path template, as
 * in {@code openapi.yaml} (a test checks the two agree, that the server routes each one, and that
 * the SDK calls each one). Paths use {@code {name}} for path parameters.
 */
public enum Operation {
  HEALTH("health", "GET", "/health", false),
  CREATE_PROJECT("createProject", "POST", "/v1/projects", true),
  LIST_PROJECTS("listProjects", "GET", "/v1/projects", true),
  GET_PROJECT("getProject", "GET", "/v1/projects/{project_id}", true),
  START_STRESS_TEST("startStressTest", "POST", "/v1/stress-tests", true),
  LIST_JOBS("listJobs", "GET", "/v1/jobs", true),
  GET_JOB("getJob", "GET", "/v1/jobs/{job_id}", true),
  GET_JOB_LOGS("getJobLogs", "GET", "/v1/jobs/{job_id}/logs", true),
  CANCEL_JOB("cancelJob", "POST", "/v1/jobs/{job_id}/cancel", true),
  GET_TEST_RUN("getTestRun", "GET", "/v1/test-runs/{test_run_id}", true),
  LIST_TEST_CASES("listTestCases", "GET", "/v1/test-runs/{test_run_id}/test-cases", true),
  CREATE_API_KEY("createApiKey", "POST", "/v1/api-keys", true),
  LIST_API_KEYS("listApiKeys", "GET", "/v1/api-keys", true),
  REVOKE_API_KEY("revokeApiKey", "DELETE", "/v1/api-keys/{key_id}", true),
  CREATE_MANAGED_IMAGE("createManagedImage", "POST", "/v1/images", true),
  LIST_MANAGED_IMAGES("listManagedImages", "GET", "/v1/images", true),
  GET_MANAGED_IMAGE("getManagedImage", "GET", "/v1/images/{name}", true),
  DELETE_MANAGED_IMAGE("deleteManagedImage", "DELETE", "/v1/images/{name}", true),
  GET_MANAGED_IMAGE_LOGS("getManagedImageLogs", "GET", "/v1/images/{name}/logs", true),
  CREATE_CT_INSTANCE("createCtInstance", "POST", "/v1/ct-instances", true),
  GET_CT_INSTANCE("getCtInstance", "GET", "/v1/ct-instances/{ct_instance_id}", true),
  GET_ACTIVE_CT_INSTANCE(
      "getActiveCtInstanceForProject", "GET", "/v1/projects/{project_id}/active-ct-instance", true),
  ACTIVATE_CT_INSTANCE(
      "activateCtInstance", "POST", "/v1/ct-instances/{ct_instance_id}/activate", true),
  DEACTIVATE_CT_INSTANCE(
      "deactivateCtInstance", "POST", "/v1/ct-instances/{ct_instance_id}/deactivate", true),
  START_CONTINUOUS_TEST_FROM_REFERENCE(
      "startContinuousTestFromReference", "POST", "/v1/continuous-tests", true),
  START_INCREMENTAL_CONTINUOUS_TEST(
      "startIncrementalContinuousTest",
      "POST",
      "/v1/ct-instances/{ct_instance_id}/continuous-tests",
      true),
  LIST_CT_BINS("listCtBins", "GET", "/v1/ct-instances/{ct_instance_id}/bins", true),
  GET_CT_TIME_SERIES(
      "getCtTimeSeries", "GET", "/v1/ct-instances/{ct_instance_id}/time-series", true),
  GET_CONTINUOUS_TEST_RUN(
      "getContinuousTestRun", "GET", "/v1/jobs/{job_id}/continuous-test-run", true);

  /** The HTTP header that carries the API key. */
  public static final String API_KEY_HEADER = "rime-api-key";

  private final String operationId;
  private final String method;
  private final String path;
  private final boolean needsKey;

  Operation(String operationId, String method, String path, boolean needsKey) {
    this.operationId = operationId;
    this.method = method;
    this.path = path;
    this.needsKey = needsKey;
  }

  public String operationId() {
    return operationId;
  }

  public String method() {
    return method;
  }

  /** Path template, e.g. {@code /v1/jobs/{job_id}}. */
  public String path() {
    return path;
  }

  /** Whether the operation needs the {@value #API_KEY_HEADER} header. */
  public boolean needsKey() {
    return needsKey;
  }

  /**
   * The path with its parameters filled in, in order of appearance, each URL-encoded.
   *
   * @throws IllegalArgumentException when the number of values does not match
   */
  public String path(String... values) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int at = 0;
    while (true) {
      int open = path.indexOf('{', at);
      if (open < 0) {
        out.append(path, at, path.length());
        break;
      }
      int close = path.indexOf('}', open);
      out.append(path, at, open);
      if (i >= values.length) {
        throw new IllegalArgumentException(operationId + " needs a value for " + path);
      }
      out.append(
          java.net.URLEncoder.encode(values[i++], java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20"));
      at = close + 1;
    }
    if (i != values.length) {
      throw new IllegalArgumentException(operationId + " takes " + i + " path values");
    }
    return out.toString();
  }
}
