// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import dev.rime.api.ContinuousTestRun;
import dev.rime.api.CreateCtInstanceRequest;
import dev.rime.api.CtInstance;
import dev.rime.api.ErrorResponse;
import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.api.JobType;
import dev.rime.api.Json;
import dev.rime.api.ListCtBinsResponse;
import dev.rime.api.StartContinuousTestRequest;
import dev.rime.api.StartIncrementalContinuousTestRequest;
import dev.rime.api.StartStressTestRequest;
import dev.rime.api.TimeSeriesResponse;
import dev.rime.api.result.TestRunSummary;
import dev.rime.server.executor.ContinuousJobConfig;
import dev.rime.server.store.CtStore;
import dev.rime.server.store.DuplicateKeyException;
import dev.rime.server.store.JobRecord;
import dev.rime.server.store.JobStore;
import dev.rime.server.store.TestRunStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Continuous testing: CT instances (create, get, the project's active one, activate, deactivate),
 * starting continuous-test jobs (from a reference, or incremental on an instance), and reading an
 * instance's bins and time series.
 */
public final class ContinuousTestService {

  /** Longest CT instance name kept (the store's limit). */
  public static final int MAX_NAME = 200;

  /** Keys an incremental run's config may have. */
  static final Set<String> INCREMENTAL_KEYS =
      Set.of("eval_path", "timestamp_col", "eval_pred_path");

  private static final Map<Long, String> BIN_SIZE_NAMES = Map.of(3600L, "hour", 86400L, "day");

  private final CtStore ct;
  private final TestRunStore testRuns;
  private final JobStore jobs;
  private final ProjectService projects;
  private final StressTestService stressTests;
  private final Clock clock;

  public ContinuousTestService(
      CtStore ct,
      TestRunStore testRuns,
      JobStore jobs,
      ProjectService projects,
      StressTestService stressTests,
      Clock clock) {
    this.ct = ct;
    this.testRuns = testRuns;
    this.jobs = jobs;
    this.projects = projects;
    this.stressTests = stressTests;
    this.clock = clock;
  }

  /** A new, inactive, CT instance on a SUCCEEDED stress-test run of the project. */
  public CtInstance create(CreateCtInstanceRequest r) {
    String name = name(r.name(), "name");
    if (r.binSizeSeconds() == null) {
      throw ApiException.invalid("bin_size_seconds is required", "bin_size_seconds");
    }
    if (!CtInstance.BIN_SIZES_SECONDS.contains(r.binSizeSeconds())) {
      throw ApiException.invalid(
          "bin_size_seconds must be 3600 (hourly) or 86400 (daily), not " + r.binSizeSeconds(),
          "bin_size_seconds");
    }
    required(r.testRunId(), "test_run_id");
    required(r.projectId(), "project_id");
    String projectId = projects.get(r.projectId()).projectId();
    TestRunSummary run =
        testRuns
            .get(r.testRunId())
            .orElseThrow(() -> ApiException.notFound("test run", r.testRunId(), "test_run_id"));
    if (!projectId.equals(run.projectId())) {
      throw ApiException.invalid(
          "test run '"
              + r.testRunId()
              + "' belongs to project '"
              + run.projectId()
              + "', not to '"
              + projectId
              + "'",
          "test_run_id");
    }
    JobRecord job = jobs.get(run.jobId()).orElseThrow();
    if (job.status() != JobStatus.SUCCEEDED || !r.testRunId().equals(job.testRunId())) {
      throw ApiException.invalid(
          "test run '"
              + r.testRunId()
              + "' is not the run of a SUCCEEDED stress test (it is a continuous-test bin's)",
          "test_run_id");
    }
    CtInstance instance =
        new CtInstance(
            Ids.timeOrdered(),
            name,
            r.binSizeSeconds(),
            r.testRunId(),
            projectId,
            false,
            clock.millis() / 1000L);
    ct.insert(instance, null, clock.millis());
    return instance;
  }

  public CtInstance get(String ctInstanceId) {
    return ct.get(ctInstanceId)
        .orElseThrow(() -> ApiException.notFound("CT instance", ctInstanceId, "ct_instance_id"));
  }

  /** The project's active instance; not found when the project has none. */
  public CtInstance getActive(String projectId) {
    String id = projects.get(projectId).projectId();
    return ct.getActive(id)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorResponse.Code.NOT_FOUND,
                    "project '" + id + "' has no active CT instance",
                    "ct_instance_id"));
  }

  /** Activates the instance, deactivating any other of its project in the same transaction. */
  public CtInstance setActive(String ctInstanceId, boolean active) {
    get(ctInstanceId);
    try {
      ct.setActive(ctInstanceId, active);
    } catch (RuntimeException e) {
      if (e instanceof DuplicateKeyException || isUniqueViolation(e)) {
        // another activation of the same project committed between our two updates
        throw new ApiException(
            ErrorResponse.Code.FAILED_PRECONDITION,
            "another CT instance of the project was activated at the same time; try again",
            "ct_instance_id");
      }
      throw e;
    }
    return get(ctInstanceId);
  }

  /** Queues a continuous test from a reference: stress test, new CT instance, every bin. */
  public Job startFromReference(StartContinuousTestRequest r) {
    Map<String, Object> config = r.testRunConfig();
    if (config == null) {
      throw ApiException.invalid("test_run_config is required", "test_run_config");
    }
    Object info = config.get("continuous_info");
    if (!(info instanceof Map<?, ?> ci)) {
      throw invalidConfig(
          "a continuous test needs continuous_info {timestamp_col, bin_size}", "continuous_info");
    }
    Object ts = ci.get("timestamp_col");
    if (!(ts instanceof String s) || s.isBlank()) {
      throw invalidConfig(
          "continuous_info.timestamp_col must name the evaluation data's timestamp column",
          "continuous_info.timestamp_col");
    }
    Object size = ci.get("bin_size");
    if (!BIN_SIZE_NAMES.containsValue(size)) {
      throw invalidConfig(
          "continuous_info.bin_size must be \"hour\" or \"day\", not "
              + Json.lenient().writeValueAsString(size),
          "continuous_info.bin_size");
    }
    String name =
        r.ctInstanceName() != null
            ? name(r.ctInstanceName(), "ct_instance_name")
            : derivedName(config.get("run_name"));
    return stressTests.start(
        new StartStressTestRequest(
            config,
            r.projectId(),
            r.rimeManagedImage(),
            r.customImage(),
            r.ramRequestMegabytes(),
            r.cpuRequestMillicores()),
        new ContinuousJobConfig(
            config, ContinuousJobConfig.FROM_REFERENCE, List.of(), null, name, false));
  }

  /**
   * Queues an incremental continuous test on an instance: the reference stress test's config with
   * the new evaluation data, its bins already tested skipped unless overridden.
   */
  public Job startIncremental(String ctInstanceId, StartIncrementalContinuousTestRequest r) {
    CtInstance instance = get(ctInstanceId);
    Map<String, Object> given = r.testRunConfig();
    if (given == null) {
      throw ApiException.invalid("test_run_config is required", "test_run_config");
    }
    for (String key : given.keySet()) {
      if (!INCREMENTAL_KEYS.contains(key)) {
        throw invalidConfig(
            "unknown key '"
                + key
                + "': an incremental continuous test's config has eval_path, timestamp_col and"
                + " optionally eval_pred_path",
            key);
      }
    }
    String evalPath = text(given, "eval_path", true);
    String timestampCol = text(given, "timestamp_col", true);
    String evalPredPath = text(given, "eval_pred_path", false);
    Map<String, Object> config = referenceConfig(instance);
    Object di = config.get("data_info");
    @SuppressWarnings("unchecked")
    Map<String, Object> dataInfo =
        di instanceof Map<?, ?>
            ? new LinkedHashMap<>((Map<String, Object>) di)
            : new LinkedHashMap<>();
    dataInfo.put("eval_path", evalPath);
    if (evalPredPath != null) {
      dataInfo.put("eval_pred_path", evalPredPath);
    } else {
      dataInfo.remove("eval_pred_path"); // the reference's belong to its own evaluation data
    }
    config.put("data_info", dataInfo);
    Map<String, Object> continuousInfo = new LinkedHashMap<>();
    continuousInfo.put("timestamp_col", timestampCol);
    continuousInfo.put("bin_size", BIN_SIZE_NAMES.get(instance.binSizeSeconds()));
    config.put("continuous_info", continuousInfo);
    boolean override = Boolean.TRUE.equals(r.overrideExistingBins());
    Job job =
        stressTests.start(
            new StartStressTestRequest(
                config,
                instance.projectId(),
                r.rimeManagedImage(),
                r.customImage(),
                r.ramRequestMegabytes(),
                r.cpuRequestMillicores()),
            new ContinuousJobConfig(
                config,
                ContinuousJobConfig.INCREMENTAL,
                override ? List.of() : ct.binStarts(ctInstanceId),
                ctInstanceId,
                null,
                override));
    return job.withCtInstanceId(ctInstanceId);
  }

  public ListCtBinsResponse listBins(String ctInstanceId) {
    get(ctInstanceId);
    return new ListCtBinsResponse(ct.listBins(ctInstanceId));
  }

  /** One metric over the instance's bins, overall ({@code feature} null) or of one feature. */
  public TimeSeriesResponse timeSeries(String ctInstanceId, String metric, String feature) {
    get(ctInstanceId);
    if (metric == null || metric.isBlank()) {
      throw ApiException.invalid("metric is required", "metric");
    }
    String f = feature == null || feature.isEmpty() ? null : feature;
    List<TimeSeriesResponse.Point> points = ct.series(ctInstanceId, metric, f);
    if (points.isEmpty()) {
      Set<String> known = ct.metrics(ctInstanceId);
      if (!known.contains(metric) && !known.isEmpty()) {
        throw ApiException.invalid(
            "CT instance '" + ctInstanceId + "' has no metric '" + metric + "'; it has " + known,
            "metric");
      }
    }
    return new TimeSeriesResponse(metric, f, points);
  }

  /** What a SUCCEEDED continuous-test job did with its data. */
  public ContinuousTestRun getRun(String jobId) {
    JobRecord job =
        jobs.get(jobId).orElseThrow(() -> ApiException.notFound("job", jobId, "job_id"));
    if (job.type() != JobType.FIREWALL_BATCH_TEST) {
      throw ApiException.invalid(
          "job '" + jobId + "' is a " + job.type() + ", not a continuous test", "job_id");
    }
    return ct.getRun(jobId)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorResponse.Code.FAILED_PRECONDITION,
                    "Job has status "
                        + job.status()
                        + "; it must have status SUCCEEDED to get results",
                    "job_id"));
  }

  /** The test-run config of the instance's reference stress test, as stored with its job. */
  private Map<String, Object> referenceConfig(CtInstance instance) {
    TestRunSummary run = testRuns.get(instance.testRunId()).orElseThrow();
    JobRecord job = jobs.get(run.jobId()).orElseThrow();
    Map<String, Object> config =
        job.type() == JobType.FIREWALL_BATCH_TEST
            ? ContinuousJobConfig.parse(job.configJson()).testRunConfig()
            : Json.lenient().readValue(job.configJson(), Json.MAP);
    // a deep copy, so nothing the caller changes is shared
    return Json.lenient().readValue(Json.lenient().writeValueAsString(config), Json.MAP);
  }

  private static String text(Map<String, Object> config, String key, boolean required) {
    Object v = config.get(key);
    if (v == null && !required) {
      return null;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw invalidConfig(key + (v == null ? " is required" : " must be a non-empty string"), key);
    }
    return s;
  }

  private String derivedName(Object runName) {
    String base =
        runName == null || runName.toString().isBlank()
            ? "continuous test " + Instant.ofEpochMilli(clock.millis())
            : runName.toString().strip();
    return base.length() > MAX_NAME ? base.substring(0, MAX_NAME) : base;
  }

  private static String name(String name, String field) {
    required(name, field);
    if (name.length() > MAX_NAME) {
      throw ApiException.invalid(field + " is longer than " + MAX_NAME + " characters", field);
    }
    return name.strip();
  }

  private static void required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field + " is required", field);
    }
  }

  private static ApiException invalidConfig(String message, String key) {
    return new ApiException(
        ErrorResponse.Code.INVALID_CONFIG,
        "invalid test_run_config: " + message,
        "test_run_config." + key);
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql
          && ("23505".equals(sql.getSQLState())
              || String.valueOf(sql.getMessage()).contains("SQLITE_CONSTRAINT_UNIQUE"))) {
        return true;
      }
    }
    return false;
  }
}
