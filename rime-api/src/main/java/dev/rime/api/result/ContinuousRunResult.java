// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.result;

import java.util.List;

/**
 * Everything one continuous-test job produces (the engine writes it as the job's {@code
 * result.json}; the server stores it): the stress test of reference against the whole evaluation
 * set (runs started from a reference only; {@code null} for incremental runs), then one {@link
 * BinResult} per time bin of the evaluation rows, oldest first.
 *
 * @param stressTest the stress test of the whole evaluation set, or {@code null} (incremental run)
 * @param timestampCol the evaluation column the rows were binned by
 * @param binSizeSeconds 3600 (hour) or 86400 (day); bins are aligned in UTC
 * @param rows evaluation rows read
 * @param unparseableTimestamps rows whose timestamp was missing or could not be parsed (in no bin)
 * @param unparseableExamples up to five of those raw values, as text ({@code null} for missing)
 * @param skippedBins start times (seconds since the epoch) of bins present in the data but not
 *     tested because they were already tested and the run did not override them
 * @param bins the tested bins, oldest first
 */
public record ContinuousRunResult(
    TestRunResult stressTest,
    String timestampCol,
    long binSizeSeconds,
    long rows,
    long unparseableTimestamps,
    List<String> unparseableExamples,
    List<Long> skippedBins,
    List<BinResult> bins) {

  /**
   * One time bin: {@code [startTimeSecs, endTimeSecs)} in seconds since the epoch (UTC), the
   * evaluation rows in it, the continuous-test run of the bin against the reference (same shape as
   * a stress test's result), and the bin's time-series values.
   */
  public record BinResult(
      long startTimeSecs,
      long endTimeSecs,
      long rows,
      TestRunResult result,
      List<TimeSeriesValue> metrics) {}

  /**
   * One point of a time series: a metric of the bin, overall ({@code feature} null) or of one
   * feature; {@code value} null when undefined in that bin (for example a performance metric
   * without labels). Metric ids are listed in {@code docs/continuous-testing.md}.
   */
  public record TimeSeriesValue(String metric, String feature, Double value) {}
}
