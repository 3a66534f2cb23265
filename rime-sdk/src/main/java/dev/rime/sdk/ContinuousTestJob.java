// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Calls;
import dev.rime.api.ContinuousTestRun;
import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.api.Operation;
import dev.rime.sdk.Transport.Query;
import java.util.List;

/**
 * A handle on a continuous-test job ({@code FIREWALL_BATCH_TEST}), started from a reference or
 * incremental on a CT instance: status and logs as for a stress test ({@link #asStressTestJob()}
 * reads a run from a reference's stress test too), the CT instance, and the bins the job tested.
 */
public final class ContinuousTestJob {

  private final RimeClient client;
  private final StressTestJob job;

  ContinuousTestJob(RimeClient client, String jobId) {
    this.client = client;
    this.job = new StressTestJob(client, jobId);
  }

  public String jobId() {
    return job.jobId();
  }

  /** The job's status now. */
  public JobStatusInfo getStatus() {
    return job.getStatus();
  }

  /** As {@link StressTestJob#getStatus(boolean, boolean, double)}. */
  public JobStatusInfo getStatus(boolean verbose, boolean waitUntilFinish, double pollRateSec) {
    return job.getStatus(verbose, waitUntilFinish, pollRateSec);
  }

  /** Every field of the job as the server reports it now. */
  public Job job() {
    return job.job();
  }

  public String getLogs() {
    return job.getLogs();
  }

  public Job cancel() {
    return job.cancel();
  }

  /**
   * The same job as a stress-test job: for a run from a reference, its results are the stress test
   * of the whole evaluation set.
   */
  public StressTestJob asStressTestJob() {
    return job;
  }

  /**
   * The job's CT instance: the one it created (from a reference, once SUCCEEDED) or added bins to
   * (incremental).
   *
   * @throws JobNotSucceededException when a run from a reference has not SUCCEEDED (yet)
   */
  public RimeCtInstance getCtInstance() {
    Job j = job.job();
    if (j.ctInstanceId() == null) {
      throw new JobNotSucceededException(j.jobId(), j.status());
    }
    return new RimeCtInstance(client, j.ctInstanceId());
  }

  /**
   * The bins this job tested, oldest first (bins it skipped, already tested, are not among them).
   *
   * @throws JobNotSucceededException when the job has not SUCCEEDED
   */
  public List<ContinuousTestBin> getBins() {
    Job j = job.job();
    if (j.status() != JobStatus.SUCCEEDED) {
      throw new JobNotSucceededException(j.jobId(), j.status());
    }
    return getCtInstance().listBins().stream().filter(b -> j.jobId().equals(b.jobId())).toList();
  }

  /**
   * What the job did with its data: rows read, rows without a usable timestamp (and examples), the
   * bins it tested and those it kept.
   *
   * @throws FailedPreconditionException when the job has not SUCCEEDED
   */
  @Calls(Operation.GET_CONTINUOUS_TEST_RUN)
  public ContinuousTestRun getRunInfo() {
    return client
        .transport()
        .json(
            Operation.GET_CONTINUOUS_TEST_RUN,
            List.of(jobId()),
            Query.none(),
            null,
            ContinuousTestRun.class);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContinuousTestJob other && jobId().equals(other.jobId());
  }

  @Override
  public int hashCode() {
    return jobId().hashCode();
  }

  @Override
  public String toString() {
    return "ContinuousTestJob[" + jobId() + "]";
  }
}
