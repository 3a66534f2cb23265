// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.JobStatus;
import java.util.List;
import java.util.Optional;

/**
 * Jobs and their status changes. Every transition is conditional on the status the caller expects,
 * so two actors (the API cancelling, the executor finishing) never overwrite each other: the
 * methods answer whether the change happened. Nothing is ever deleted.
 */
public interface JobStore {

  /** Stores a new job. */
  void insert(JobRecord job);

  Optional<JobRecord> get(String jobId);

  /** A page of jobs, newest first. */
  JobPage list(JobQuery query);

  /** Jobs in one of the statuses, oldest first (the queue order). */
  List<JobRecord> listByStatus(JobStatus... statuses);

  /** PENDING → RUNNING, counting an attempt. */
  boolean markRunning(String jobId, long startedAtMillis);

  /** Records the process a RUNNING job runs in, so a restarted server can find it again. */
  void setProcess(String jobId, long processId, Long processStartMillis);

  /** Progress of a RUNNING job. */
  void updateProgress(String jobId, int testsCompleted, int testsTotal);

  /** RUNNING → SUCCEEDED with the stored test run. */
  boolean markSucceeded(String jobId, String testRunId, long endedAtMillis);

  /** PENDING or RUNNING → FAILING with the reason. */
  boolean markFailed(String jobId, String errorMessage, long endedAtMillis);

  /** PENDING → CANCELLED (a job that never started). */
  boolean cancelPending(String jobId, long endedAtMillis);

  /** RUNNING → CANCELLED, once its process has been stopped. */
  boolean markCancelled(String jobId, long endedAtMillis);

  /** Flags a RUNNING job for cancellation; answers whether it was RUNNING. */
  boolean requestCancellation(String jobId);

  /** RUNNING → PENDING after its process was lost, keeping the attempt count. */
  boolean requeue(String jobId, String reason);
}
