// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import dev.rime.api.ErrorResponse;
import dev.rime.api.Job;
import dev.rime.api.JobType;
import dev.rime.api.Json;
import dev.rime.api.StartStressTestRequest;
import dev.rime.server.executor.ContinuousJobConfig;
import dev.rime.server.executor.JobExecutor;
import dev.rime.server.executor.JobScheduler;
import dev.rime.server.store.JobRecord;
import dev.rime.server.store.JobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Starting stress tests: checks the request and the config, files the job under its project (the
 * default one when none is named), and queues it.
 */
public final class StressTestService {

  /** Longest run name kept (the store's limit). */
  public static final int MAX_RUN_NAME = 500;

  private final JobStore jobs;
  private final ProjectService projects;
  private final ConfigValidator validator;
  private final JobExecutor executor;
  private final JobScheduler scheduler;
  private final ManagedImageService images;
  private final Path baseDir;
  private final Clock clock;

  /**
   * @param baseDir where relative data paths in a config point from (the server's working folder)
   */
  public StressTestService(
      JobStore jobs,
      ProjectService projects,
      ConfigValidator validator,
      JobExecutor executor,
      JobScheduler scheduler,
      ManagedImageService images,
      Path baseDir,
      Clock clock) {
    this.jobs = jobs;
    this.projects = projects;
    this.validator = validator;
    this.executor = executor;
    this.scheduler = scheduler;
    this.images = images;
    this.baseDir = baseDir;
    this.clock = clock;
  }

  public Job start(StartStressTestRequest request) {
    return start(request, null);
  }

  /**
   * Checks and queues a job: a stress test, or with {@code continuous} a continuous test ({@code
   * FIREWALL_BATCH_TEST}) whose config is {@code continuous.testRunConfig()} (the request's {@code
   * testRunConfig} is that same config).
   */
  public Job start(StartStressTestRequest request, ContinuousJobConfig continuous) {
    if (request.testRunConfig() == null) {
      throw ApiException.invalid("test_run_config is required", "test_run_config");
    }
    if (request.rimeManagedImage() != null && request.customImage() != null) {
      throw ApiException.invalid(
          "Cannot specify both custom_image and rime_managed_image", "rime_managed_image");
    }
    if (request.customImage() != null
        && (request.customImage().name() == null || request.customImage().name().isBlank())) {
      throw ApiException.invalid("custom_image.name is required", "custom_image.name");
    }
    int ram =
        orDefault(
            request.ramRequestMegabytes(),
            StartStressTestRequest.DEFAULT_RAM_REQUEST_MEGABYTES,
            "ram_request_megabytes");
    int cpu =
        orDefault(
            request.cpuRequestMillicores(),
            StartStressTestRequest.DEFAULT_CPU_REQUEST_MILLICORES,
            "cpu_request_millicores");
    validator
        .check(request.testRunConfig())
        .ifPresent(
            p -> {
              throw new ApiException(
                  ErrorResponse.Code.INVALID_CONFIG,
                  "invalid test_run_config: " + p.message(),
                  "test_run_config." + p.key());
            });
    if (request.rimeManagedImage() != null) {
      images.requireReady(request.rimeManagedImage());
    }
    String projectId =
        request.projectId() == null
            ? projects.ensureDefault().projectId()
            : projects.get(request.projectId()).projectId();
    Object runName = request.testRunConfig().get("run_name");
    if (runName != null && runName.toString().length() > MAX_RUN_NAME) {
      throw new ApiException(
          ErrorResponse.Code.INVALID_CONFIG,
          "invalid test_run_config: run_name is longer than " + MAX_RUN_NAME + " characters",
          "test_run_config.run_name");
    }
    JobRecord job =
        JobRecord.pending(
            Ids.timeOrdered(),
            projectId,
            runName == null ? "" : runName.toString(),
            continuous != null
                ? continuous.toJson()
                : Json.lenient().writeValueAsString(request.testRunConfig()),
            baseDir.toAbsolutePath().toString(),
            ram,
            cpu,
            request.rimeManagedImage(),
            request.customImage(),
            clock.millis());
    if (continuous != null) {
      job = job.withType(JobType.FIREWALL_BATCH_TEST);
    }
    Optional<JobExecutor.Refusal> refusal = executor.refuse(job);
    if (refusal.isPresent()) {
      throw new ApiException(
          ErrorResponse.Code.FAILED_PRECONDITION, refusal.get().message(), refusal.get().field());
    }
    jobs.insert(job);
    scheduler.wake();
    return job.toApi(clock.millis());
  }

  private static int orDefault(Integer value, int fallback, String field) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw ApiException.invalid(field + " must be a positive number, not " + value, field);
    }
    return value;
  }
}
