// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * One tested time bin of a CT instance: {@code [startTimeSecs, endTimeSecs)} in seconds since the
 * epoch (UTC), the evaluation rows in it, its test run (read like a stress test's, with {@code
 * getTestRun} and {@code listTestCases}) and the job that tested it.
 */
public record CtBin(
    long startTimeSecs,
    long endTimeSecs,
    long rows,
    String testRunId,
    String jobId,
    long createdTimeSecs) {}
