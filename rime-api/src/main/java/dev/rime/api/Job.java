// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * A job as the server reports it. Times are seconds since the epoch; {@code runningTimeSecs} is
 * measured from the start until now, or until the end once the job has ended. {@code testRunId} is
 * set when the job has succeeded.
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
    boolean cancellationRequested) {}
