// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.List;

/**
 * Answer of {@code getContinuousTestRun}: what a SUCCEEDED continuous-test job did with its
 * evaluation data.
 *
 * @param mode {@code from_reference} or {@code incremental}
 * @param rows evaluation rows read
 * @param unparseableTimestamps rows whose timestamp was missing or unreadable (in no bin)
 * @param unparseableExamples up to five of those values as text ({@code null} for missing)
 * @param testedBins start times (seconds since the epoch) of the bins the job stored
 * @param skippedBins start times of bins in the data that the instance already had and kept
 */
public record ContinuousTestRun(
    String jobId,
    String ctInstanceId,
    String mode,
    String timestampCol,
    long rows,
    long unparseableTimestamps,
    List<String> unparseableExamples,
    List<Long> testedBins,
    List<Long> skippedBins) {}
