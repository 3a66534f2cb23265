// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.CtBin;
import java.time.Instant;

/**
 * One tested time bin of a CT instance, {@code [startTime, endTime)} in UTC, with its test run,
 * read like a stress test's results.
 */
public final class ContinuousTestBin {

  private final RimeClient client;
  private final CtBin bin;

  ContinuousTestBin(RimeClient client, CtBin bin) {
    this.client = client;
    this.bin = bin;
  }

  /** The bin as the server reported it. */
  public CtBin bin() {
    return bin;
  }

  public Instant startTime() {
    return Instant.ofEpochSecond(bin.startTimeSecs());
  }

  public Instant endTime() {
    return Instant.ofEpochSecond(bin.endTimeSecs());
  }

  /** Evaluation rows in the bin. */
  public long rows() {
    return bin.rows();
  }

  public String testRunId() {
    return bin.testRunId();
  }

  /** The job that tested the bin. */
  public String jobId() {
    return bin.jobId();
  }

  /** Every test case of the bin's run, in the latest result schema version. */
  public TestCasesResult getTestCasesResult() {
    return getTestCasesResult(null);
  }

  /**
   * Every test case of the bin's run, in the given result schema version (as {@link
   * StressTestJob#getTestCasesResult(String)}).
   */
  public TestCasesResult getTestCasesResult(String version) {
    return StressTestJob.testCases(client, bin.testRunId(), version);
  }

  /** The summary of the bin's run as a one-row table, in the latest result schema version. */
  public TestRunResultTable getTestRunResult() {
    return getTestRunResult(null);
  }

  /** The summary of the bin's run, in the given result schema version. */
  public TestRunResultTable getTestRunResult(String version) {
    return StressTestJob.testRun(client, bin.testRunId(), version);
  }

  @Override
  public String toString() {
    return "ContinuousTestBin[" + startTime() + ", " + endTime() + ", " + rows() + " rows]";
  }
}
