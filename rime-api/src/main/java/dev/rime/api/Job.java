// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * A job as the server reports it. Times are seconds since the epoch; {@code runningTimeSecs} is
 * measured from the start until now, or until the end once the job has ended. {@code testRunId} is
 * set when the job has succeeded (for a continuous test started from a reference, the stress test's
 * run). {@code ctInstanceId} is the CT instance of a continuous test (for one started from a
 * reference, set once it has succeeded); null for other jobs.
 */
public record Job(
    String jobId,
    String name,
    JobType type,
    JobStatus status,
    String projectId,
    long creationTimeSecs,
    Long startTimeSecs,
    Long endTimeSecs,
    double runningTimeSecs,
    JobProgress progress,
    String errorMessage,
    String testRunId,
    int ramRequestMegabytes,
    int cpuRequestMillicores,
    String rimeManagedImage,
    CustomImage customImage,
    boolean cancellationRequested,
    String ctInstanceId) {

  /** This job with its CT instance. */
  public Job withCtInstanceId(String id) {
    return new Job(
        jobId,
        name,
        type,
        status,
        projectId,
        creationTimeSecs,
        startTimeSecs,
        endTimeSecs,
        runningTimeSecs,
        progress,
        errorMessage,
        testRunId,
        ramRequestMegabytes,
        cpuRequestMillicores,
        rimeManagedImage,
        customImage,
        cancellationRequested,
        id);
  }
}
