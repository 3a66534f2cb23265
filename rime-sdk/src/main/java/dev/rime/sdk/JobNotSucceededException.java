// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.JobStatus;

/**
 * Results were asked of a job that has not succeeded (it is pending, running, failing or
 * cancelled). Wait for it first: {@code job.getStatus(true, true, 5.0)}.
 */
public final class JobNotSucceededException extends RimeException {

  private static final long serialVersionUID = 1L;

  private final String jobId;
  private final JobStatus status;

  /**
   * @param jobId the job
   * @param status its status when the results were asked for
   */
  public JobNotSucceededException(String jobId, JobStatus status) {
    super(
        "Job has status " + status + "; it must have status SUCCEEDED to get results",
        null,
        null,
        0,
        null);
    this.jobId = jobId;
    this.status = status;
  }

  /** The job whose results were asked for. */
  public String jobId() {
    return jobId;
  }

  /** The job's status when the results were asked for. */
  public JobStatus status() {
    return status;
  }
}
