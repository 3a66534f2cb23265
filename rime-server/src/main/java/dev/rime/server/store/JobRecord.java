// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.CustomImage;
import dev.rime.api.Job;
import dev.rime.api.JobProgress;
import dev.rime.api.JobStatus;
import dev.rime.api.JobType;

/**
 * A job as stored: the API's view plus what the executor needs (config, base directory, attempts,
 * the process it runs in). Times are epoch milliseconds.
 */
public record JobRecord(
    String jobId,
    String projectId,
    String name,
    JobType type,
    JobStatus status,
    String configJson,
    String baseDir,
    int ramRequestMb,
    int cpuRequestMillicores,
    String managedImage,
    String customImageName,
    String customImagePullSecret,
    long createdAtMillis,
    Long startedAtMillis,
    Long endedAtMillis,
    Integer testsCompleted,
    Integer testsTotal,
    String errorMessage,
    String testRunId,
    boolean cancellationRequested,
    int attempts,
    Long processId,
    Long processStartMillis) {

  /** A new PENDING job. */
  public static JobRecord pending(
      String jobId,
      String projectId,
      String name,
      String configJson,
      String baseDir,
      int ramRequestMb,
      int cpuRequestMillicores,
      String managedImage,
      CustomImage customImage,
      long createdAtMillis) {
    return new JobRecord(
        jobId,
        projectId,
        name,
        JobType.MODEL_STRESS_TEST,
        JobStatus.PENDING,
        configJson,
        baseDir,
        ramRequestMb,
        cpuRequestMillicores,
        managedImage,
        customImage == null ? null : customImage.name(),
        customImage == null || customImage.pullSecret() == null
            ? null
            : customImage.pullSecret().name(),
        createdAtMillis,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        0,
        null,
        null);
  }

  /** This job as another type (a new job is a MODEL_STRESS_TEST). */
  public JobRecord withType(JobType newType) {
    return new JobRecord(
        jobId,
        projectId,
        name,
        newType,
        status,
        configJson,
        baseDir,
        ramRequestMb,
        cpuRequestMillicores,
        managedImage,
        customImageName,
        customImagePullSecret,
        createdAtMillis,
        startedAtMillis,
        endedAtMillis,
        testsCompleted,
        testsTotal,
        errorMessage,
        testRunId,
        cancellationRequested,
        attempts,
        processId,
        processStartMillis);
  }

  /** The API's view of the job at {@code nowMillis} (running time counts up until the end). */
  public Job toApi(long nowMillis) {
    double running = 0;
    if (startedAtMillis != null) {
      long end = endedAtMillis != null ? endedAtMillis : Math.max(nowMillis, startedAtMillis);
      running = (end - startedAtMillis) / 1000.0;
    }
    CustomImage customImage =
        customImageName == null
            ? null
            : new CustomImage(
                customImageName,
                customImagePullSecret == null
                    ? null
                    : new CustomImage.PullSecret(customImagePullSecret));
    JobProgress progress =
        testsTotal == null
            ? null
            : new JobProgress(testsCompleted == null ? 0 : testsCompleted, testsTotal);
    return new Job(
        jobId,
        name,
        type,
        status,
        projectId,
        createdAtMillis / 1000L,
        startedAtMillis == null ? null : startedAtMillis / 1000L,
        endedAtMillis == null ? null : endedAtMillis / 1000L,
        running,
        progress,
        errorMessage,
        testRunId,
        ramRequestMb,
        cpuRequestMillicores,
        managedImage,
        customImage,
        cancellationRequested,
        null);
  }
}
