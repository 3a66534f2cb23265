// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.ContinuousTestRun;
import dev.rime.api.CtBin;
import dev.rime.api.CtInstance;
import dev.rime.api.TimeSeriesResponse;
import dev.rime.api.result.ContinuousRunResult.TimeSeriesValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Continuous testing: CT instances (at most one active per project), their tested time bins (each
 * with its test run, stored by {@link TestRunStore}) and the bins' time-series values. Writes join
 * the caller's transaction ({@link Db#inTransaction}).
 */
public interface CtStore {

  /**
   * Stores a new instance.
   *
   * @param createdByJobId the continuous-test job that created it, or null (created by a call)
   * @throws DuplicateKeyException when it would be a second active instance of its project
   */
  void insert(CtInstance instance, String createdByJobId, long createdAtMillis);

  Optional<CtInstance> get(String ctInstanceId);

  /** The project's active instance, if it has one. */
  Optional<CtInstance> getActive(String projectId);

  /** The instance a continuous-test job created, if it did. */
  Optional<CtInstance> findCreatedBy(String jobId);

  /**
   * Makes the instance its project's active one, deactivating any other instance of the project in
   * the same transaction; or makes it inactive.
   *
   * @return whether the instance exists
   */
  boolean setActive(String ctInstanceId, boolean active);

  /** Start times of the bins the instance has, oldest first. */
  List<Long> binStarts(String ctInstanceId);

  /**
   * Stores a tested bin and its time-series values (one per metric and feature; feature null for
   * the overall value). A bin the instance already has is replaced when {@code replace}, else left
   * as it is.
   *
   * @return whether the bin was stored
   * @throws IllegalArgumentException when a metric and feature appear twice in the bin
   */
  boolean putBin(String ctInstanceId, CtBin bin, List<TimeSeriesValue> values, boolean replace);

  /** Every bin of the instance, oldest first. */
  List<CtBin> listBins(String ctInstanceId);

  /**
   * One metric of the instance over its bins, oldest first (one indexed range scan).
   *
   * @param feature the feature, or null for the overall series
   */
  List<TimeSeriesResponse.Point> series(String ctInstanceId, String metric, String feature);

  /** Records what a SUCCEEDED continuous-test job did with its data. */
  void insertRun(ContinuousTestRun run);

  /** What a continuous-test job did, once it has SUCCEEDED. */
  Optional<ContinuousTestRun> getRun(String jobId);

  /** Metric ids the instance has values of (sorted), to name them when one is asked for wrongly. */
  Set<String> metrics(String ctInstanceId);
}
