// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import dev.rime.api.JobProgress;
import dev.rime.server.store.JobRecord;
import java.io.IOException;
import java.util.Optional;

/**
 * How jobs are run: the local executor starts a child JVM per job; a Kubernetes executor creates a
 * batch Job. The {@link JobScheduler} decides when; the executor does the running.
 */
public interface JobExecutor extends AutoCloseable {

  /** Short name for logs and errors, e.g. {@code local}. */
  String name();

  /** What jobs may request at one time in total. */
  Capacity capacity();

  /**
   * Refuses a job this executor can never run, with a message saying why (e.g. the local executor
   * and container images).
   *
   * @return the reason and the request field at fault, or empty when the job can run here
   */
  Optional<Refusal> refuse(JobRecord job);

  /** Starts the job's process. */
  RunningJob launch(JobRecord job) throws IOException;

  /** Finds the process of a job that was running when the server stopped, if it still runs. */
  Optional<RunningJob> reattach(JobRecord job);

  /** Reads how a job ended, once its process has exited. */
  JobOutcome outcome(String jobId);

  /** Whether the job's process left its final word (so {@link #outcome} is not a guess). */
  boolean finished(String jobId);

  /** The job's progress as its process last reported it. */
  Optional<JobProgress> progress(String jobId);

  /** The job's log (the last {@code tailLines} lines when given); empty before it starts. */
  String logs(String jobId, Integer tailLines);

  @Override
  default void close() {}

  /** Why a job cannot run on an executor, and the request field at fault. */
  record Refusal(String message, String field) {}
}
