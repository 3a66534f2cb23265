// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Calls;
import dev.rime.api.Job;
import dev.rime.api.JobProgress;
import dev.rime.api.JobStatus;
import dev.rime.api.ListTestCasesResponse;
import dev.rime.api.Operation;
import dev.rime.api.ResultSchemas;
import dev.rime.api.TestRunResponse;
import dev.rime.sdk.Transport.Query;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A handle on a stress-test job in the RIME backend (the seed's {@code RIMEStressTestJob}): its
 * status, logs and results. The handle holds only the job id; every call asks the server afresh.
 * Two handles are equal when they name the same job.
 *
 * <pre>{@code
 * StressTestJob job = client.startStressTest(config);
 * job.getStatus(true, true, 5.0);          // wait, printing progress
 * TestRunResultTable run = job.getTestRunResult("1.0.0");
 * TestCasesResult cases = job.getTestCasesResult("1.0.0");
 * }</pre>
 */
public final class StressTestJob {

  /** The seed's default poll rate, in seconds. */
  public static final double DEFAULT_POLL_RATE_SEC = 5.0;

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final double MIN_RECONNECT_PAUSE_SEC = 0.01;

  private final RimeClient client;
  private final String jobId;

  StressTestJob(RimeClient client, String jobId) {
    this.client = client;
    this.jobId = jobId;
  }

  /** The job's id. */
  public String jobId() {
    return jobId;
  }

  /** The job's status now: {@code getStatus(false, false, 5.0)}. */
  public JobStatusInfo getStatus() {
    return getStatus(false, false, DEFAULT_POLL_RATE_SEC);
  }

  /**
   * The job's status, optionally after waiting for it to end and printing its progress.
   *
   * <p>With {@code verbose}, prints to the client's output once {@code Job '<name>' started at
   * <local date time>}, a line {@code Status: RUNNING, Running Time: 00:01:02.50 (3 / 11 tests
   * completed)} for each status read (the progress part when the server knows it), and, when the
   * job has SUCCEEDED or is FAILING, the job's logs (and for FAILING its error message).
   *
   * <p>With {@code waitUntilFinish}, polls every {@code pollRateSec} seconds until the job is
   * SUCCEEDED, FAILING or CANCELLED. A lost connection (or a 502/503/504 answer) while waiting
   * prints {@code reconnecting to the RIME backend...} and retries, until the client's reconnect
   * timeout (one minute by default) has passed without an answer.
   *
   * @param verbose print the job's progress and, at the end, its logs
   * @param waitUntilFinish block until the job has ended
   * @param pollRateSec seconds between polls while waiting
   * @throws IllegalArgumentException when {@code pollRateSec} is negative or not finite
   * @throws ServerUnreachableException when the server stays unreachable while waiting
   */
  public JobStatusInfo getStatus(boolean verbose, boolean waitUntilFinish, double pollRateSec) {
    if (!(pollRateSec >= 0) || Double.isInfinite(pollRateSec)) {
      throw new IllegalArgumentException(
          "pollRateSec must be a finite number of seconds >= 0, got " + pollRateSec);
    }
    PrintStream out = client.out();
    Job job = waitUntilFinish ? pollJob(pollRateSec) : client.fetchJob(jobId);
    boolean startPrinted = verbose && printStarted(out, job);
    while (waitUntilFinish && !job.status().isTerminal()) {
      if (verbose) {
        out.println(statusLine(job));
      }
      Polling.pause(pollRateSec, "job " + jobId);
      job = pollJob(pollRateSec);
      if (verbose && !startPrinted) {
        startPrinted = printStarted(out, job);
      }
    }
    if (verbose) {
      out.println(statusLine(job));
      if (job.status() == JobStatus.SUCCEEDED || job.status() == JobStatus.FAILING) {
        printLogs(out, job);
      }
      out.flush();
    }
    return JobStatusInfo.of(job);
  }

  /** Every field of the job as the server reports it now. */
  public Job job() {
    return client.fetchJob(jobId);
  }

  /** The job's log so far (empty before it starts). */
  @Calls(Operation.GET_JOB_LOGS)
  public String getLogs() {
    return logs(null);
  }

  /**
   * The last {@code tailLines} lines of the job's log.
   *
   * @throws IllegalArgumentException when {@code tailLines} is not positive
   */
  public String getLogs(int tailLines) {
    if (tailLines < 1) {
      throw new IllegalArgumentException("tailLines must be positive, got " + tailLines);
    }
    return logs(tailLines);
  }

  private String logs(Integer tailLines) {
    return client
        .transport()
        .text(Operation.GET_JOB_LOGS, List.of(jobId), Query.none().add("tail_lines", tailLines));
  }

  /**
   * Asks the server to cancel the job: a PENDING job is cancelled at once, a RUNNING one as soon as
   * its process is stopped. Cancelling an ended job changes nothing.
   *
   * @return the job after the request
   */
  @Calls(Operation.CANCEL_JOB)
  public Job cancel() {
    return client
        .transport()
        .json(Operation.CANCEL_JOB, List.of(jobId), Query.none(), null, Job.class);
  }

  /** Every test case of the run, in the latest result schema version. */
  public TestCasesResult getTestCasesResult() {
    return getTestCasesResult(null);
  }

  /**
   * Every test case of the job's run, one row each, in the given result schema version (pin it if
   * you write code on top of the columns). Pages through the server's answer.
   *
   * @param version a semantic version such as {@code "0.14.0"} or {@code "1.0.0"}; null for the
   *     latest
   * @throws IllegalArgumentException when {@code version} is not a semantic version (checked before
   *     any call)
   * @throws JobNotSucceededException when the job has not SUCCEEDED
   * @throws InvalidArgumentException (field {@code version}) when the server does not know the
   *     version; the message lists the versions
   */
  @Calls(Operation.LIST_TEST_CASES)
  public TestCasesResult getTestCasesResult(String version) {
    checkVersion(version);
    return testCases(client, succeededTestRunId(), version);
  }

  /** Every test case of a test run (a stress test's or a continuous-test bin's). */
  static TestCasesResult testCases(RimeClient client, String testRunId, String version) {
    String v = checkVersion(version);
    List<Map<String, Object>> records = new ArrayList<>();
    String schemaVersion = null;
    Set<String> seenTokens = new HashSet<>();
    String token = null;
    do {
      Query q =
          Query.none()
              .add("version", v)
              .add("page_size", RimeClient.PAGE_SIZE)
              .add("page_token", token);
      ListTestCasesResponse page =
          withVersionHelp(
              v,
              () ->
                  client
                      .transport()
                      .json(
                          Operation.LIST_TEST_CASES,
                          List.of(testRunId),
                          q,
                          null,
                          ListTestCasesResponse.class));
      if (schemaVersion == null) {
        schemaVersion = page.schemaVersion();
      }
      if (page.testCases() != null) {
        records.addAll(page.testCases());
      }
      token = page.nextPageToken();
      if (token != null && !token.isEmpty() && !seenTokens.add(token)) {
        throw new RimeException(
            "The server repeated page token " + token + " of listTestCases", null, null, 200, null);
      }
    } while (token != null && !token.isEmpty());
    return new TestCasesResult(orDefault(schemaVersion, v), records);
  }

  /** The run's summary as a one-row table, in the latest result schema version. */
  public TestRunResultTable getTestRunResult() {
    return getTestRunResult(null);
  }

  /**
   * The summary of the job's run as a one-row table, in the given result schema version.
   *
   * @param version a semantic version such as {@code "0.14.0"} or {@code "1.0.0"}; null for the
   *     latest
   * @throws IllegalArgumentException when {@code version} is not a semantic version (checked before
   *     any call)
   * @throws JobNotSucceededException when the job has not SUCCEEDED
   * @throws InvalidArgumentException (field {@code version}) when the server does not know the
   *     version; the message lists the versions
   */
  @Calls(Operation.GET_TEST_RUN)
  public TestRunResultTable getTestRunResult(String version) {
    checkVersion(version);
    return testRun(client, succeededTestRunId(), version);
  }

  /** The summary of a test run (a stress test's or a continuous-test bin's) as a one-row table. */
  static TestRunResultTable testRun(RimeClient client, String testRunId, String version) {
    String v = checkVersion(version);
    TestRunResponse r =
        withVersionHelp(
            v,
            () ->
                client
                    .transport()
                    .json(
                        Operation.GET_TEST_RUN,
                        List.of(testRunId),
                        Query.none().add("version", v),
                        null,
                        TestRunResponse.class));
    if (r.testRun() == null) {
      throw new RimeException(
          "The server's answer to getTestRun holds no test_run", null, null, 200, null);
    }
    return new TestRunResultTable(orDefault(r.schemaVersion(), v), r.testRun());
  }

  private static String checkVersion(String version) {
    if (version == null || version.isBlank()) {
      return null;
    }
    if (!ResultSchemas.isSemanticVersion(version)) {
      throw new IllegalArgumentException("Invalid version string: " + version);
    }
    return version.trim();
  }

  private static String orDefault(String answered, String asked) {
    if (answered != null && !answered.isBlank()) {
      return answered;
    }
    return asked != null ? asked : ResultSchemas.LATEST;
  }

  private interface Call<T> {
    T call();
  }

  private static <T> T withVersionHelp(String version, Call<T> call) {
    try {
      return call.call();
    } catch (InvalidArgumentException e) {
      if (!"version".equals(e.field()) || e instanceof InvalidConfigException) {
        throw e;
      }
      throw new InvalidArgumentException(
          "The server does not answer in result schema version "
              + version
              + ": "
              + e.getMessage()
              + " (versions this SDK reads: "
              + String.join(", ", ResultSchemas.VERSIONS)
              + ")",
          e.code(),
          e.field(),
          e.httpStatus(),
          e);
    }
  }

  private String succeededTestRunId() {
    Job job = client.fetchJob(jobId);
    if (job.status() != JobStatus.SUCCEEDED) {
      throw new JobNotSucceededException(jobId, job.status());
    }
    if (job.testRunId() == null || job.testRunId().isBlank()) {
      throw new RimeException(
          "Job " + jobId + " has SUCCEEDED but the server names no test run for it",
          null,
          null,
          200,
          null);
    }
    return job.testRunId();
  }

  /** Reads the job, retrying while the server cannot be reached (for the wait loop). */
  private Job pollJob(double pollRateSec) {
    return Polling.reconnecting(
        client,
        () -> client.fetchJob(jobId),
        Math.max(pollRateSec, MIN_RECONNECT_PAUSE_SEC),
        "job " + jobId);
  }

  private static boolean printStarted(PrintStream out, Job job) {
    if (job.startTimeSecs() == null) {
      return false;
    }
    out.println("Job '" + job.name() + "' started at " + localTime(job.startTimeSecs()));
    return true;
  }

  static String localTime(long epochSecond) {
    return LOCAL_TIME.format(Instant.ofEpochSecond(epochSecond).atZone(ZoneId.systemDefault()));
  }

  /** {@code Status: RUNNING, Running Time: 00:01:02.50 (3 / 11 tests completed)}. */
  static String statusLine(Job job) {
    double t = Math.max(0, job.runningTimeSecs());
    long hours = (long) (t / 3600);
    long minutes = (long) ((t - hours * 3600) / 60);
    double seconds = t - hours * 3600 - minutes * 60;
    JobProgress p = job.progress();
    String progress =
        p == null || p.testsTotal() <= 0
            ? ""
            : " (" + p.testsCompleted() + " / " + p.testsTotal() + " tests completed)";
    return String.format(
        Locale.ROOT,
        "Status: %s, Running Time: %02d:%02d:%05.2f%s",
        job.status(),
        hours,
        minutes,
        seconds,
        progress);
  }

  private void printLogs(PrintStream out, Job job) {
    try {
      String logs = getLogs();
      out.println("Logs of job '" + job.name() + "':");
      out.print(logs);
      if (!logs.isEmpty() && !logs.endsWith("\n")) {
        out.println();
      }
    } catch (RimeException e) {
      out.println("(could not read the logs of job '" + job.name() + "': " + e.getMessage() + ")");
    }
    if (job.status() == JobStatus.FAILING) {
      out.println(
          "Job '"
              + job.name()
              + "' failed: "
              + (job.errorMessage() == null ? "(no error message)" : job.errorMessage()));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StressTestJob && jobId.equals(((StressTestJob) o).jobId);
  }

  @Override
  public int hashCode() {
    return jobId.hashCode();
  }

  @Override
  public String toString() {
    return "StressTestJob[" + jobId + "]";
  }
}
