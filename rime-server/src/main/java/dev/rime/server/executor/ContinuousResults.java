// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import dev.rime.api.ContinuousTestRun;
import dev.rime.api.CtBin;
import dev.rime.api.CtInstance;
import dev.rime.api.result.ContinuousRunResult;
import dev.rime.api.result.TestRunResult;
import dev.rime.server.store.Database;
import dev.rime.server.store.JobRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Stores what a continuous-test job produced, in one transaction with the job's SUCCEEDED status.
 * From a reference: the stress test as a test run of the job, a new (inactive) CT instance on it,
 * and every bin. Incremental: the new bins of the job's instance; a bin the instance already has is
 * kept unless the job overrides bins, then it is replaced.
 */
final class ContinuousResults {

  /** {@code continuous_info.bin_size} values and their length in seconds. */
  static final Map<String, Long> BIN_SIZES = Map.of("hour", 3600L, "day", 86400L);

  private final Database database;

  ContinuousResults(Database database) {
    this.database = database;
  }

  /**
   * Stores the result and marks the job SUCCEEDED.
   *
   * @return the job's test run (the stress test's; null for an incremental run)
   * @throws IllegalStateException when the result does not fit the job (the job then fails)
   */
  String store(JobRecord job, ContinuousRunResult result, long now) {
    ContinuousJobConfig config = ContinuousJobConfig.parse(job.configJson());
    return database
        .db()
        .inTransaction(
            () -> {
              String stressRunId = null;
              CtInstance instance;
              boolean replace;
              if (ContinuousJobConfig.FROM_REFERENCE.equals(config.mode())) {
                if (result.stressTest() == null) {
                  throw new IllegalStateException(
                      "the engine's result of a continuous test from a reference has no stress"
                          + " test");
                }
                stressRunId = insertRun(job, result.stressTest(), now);
                instance =
                    new CtInstance(
                        UUID.randomUUID().toString(),
                        config.ctInstanceName(),
                        binSize(config),
                        stressRunId,
                        job.projectId(),
                        false,
                        now / 1000L);
                database.ct().insert(instance, job.jobId(), now);
                replace = true;
              } else {
                instance =
                    database
                        .ct()
                        .get(config.ctInstanceId())
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "CT instance " + config.ctInstanceId() + " no longer exists"));
                replace = config.overrideExistingBins();
              }
              if (result.binSizeSeconds() != instance.binSizeSeconds()) {
                throw new IllegalStateException(
                    "the engine cut bins of "
                        + result.binSizeSeconds()
                        + " s but the CT instance's bins are "
                        + instance.binSizeSeconds()
                        + " s");
              }
              Set<Long> existing = new HashSet<>(database.ct().binStarts(instance.ctInstanceId()));
              List<Long> tested = new ArrayList<>();
              Set<Long> kept =
                  new TreeSet<>(result.skippedBins() == null ? List.of() : result.skippedBins());
              for (ContinuousRunResult.BinResult bin :
                  result.bins() == null
                      ? List.<ContinuousRunResult.BinResult>of()
                      : result.bins()) {
                if (existing.contains(bin.startTimeSecs()) && !replace) {
                  kept.add(
                      bin.startTimeSecs()); // tested before: kept (the engine was told to skip it)
                  continue;
                }
                tested.add(bin.startTimeSecs());
                String runId = insertRun(job, bin.result(), now);
                database
                    .ct()
                    .putBin(
                        instance.ctInstanceId(),
                        new CtBin(
                            bin.startTimeSecs(),
                            bin.endTimeSecs(),
                            bin.rows(),
                            runId,
                            job.jobId(),
                            now / 1000L),
                        bin.metrics() == null ? List.of() : bin.metrics(),
                        true);
              }
              database
                  .ct()
                  .insertRun(
                      new ContinuousTestRun(
                          job.jobId(),
                          instance.ctInstanceId(),
                          config.mode(),
                          result.timestampCol(),
                          result.rows(),
                          result.unparseableTimestamps(),
                          result.unparseableExamples() == null
                              ? List.of()
                              : result.unparseableExamples(),
                          tested,
                          List.copyOf(kept)));
              if (!database.jobs().markSucceeded(job.jobId(), stressRunId, now)) {
                throw new IllegalStateException("job " + job.jobId() + " is no longer running");
              }
              return stressRunId;
            });
  }

  private String insertRun(JobRecord job, TestRunResult run, long now) {
    String id = UUID.randomUUID().toString();
    database
        .testRuns()
        .insert(run.summary().withIds(id, job.jobId(), job.projectId()), run.testCases(), now);
    return id;
  }

  /** The bin size a run from a reference asked for ({@code continuous_info.bin_size}). */
  static long binSize(ContinuousJobConfig config) {
    Object info = config.testRunConfig().get("continuous_info");
    Object size = info instanceof Map<?, ?> m ? m.get("bin_size") : null;
    Long seconds = size == null ? null : BIN_SIZES.get(size.toString());
    if (seconds == null) {
      throw new IllegalStateException("continuous_info.bin_size must be hour or day, not " + size);
    }
    return seconds;
  }
}
