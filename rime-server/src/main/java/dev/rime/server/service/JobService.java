// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import dev.rime.api.CtInstance;
import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.api.JobType;
import dev.rime.api.ListJobsResponse;
import dev.rime.server.executor.ContinuousJobConfig;
import dev.rime.server.executor.JobExecutor;
import dev.rime.server.executor.JobScheduler;
import dev.rime.server.store.CtStore;
import dev.rime.server.store.JobPage;
import dev.rime.server.store.JobQuery;
import dev.rime.server.store.JobRecord;
import dev.rime.server.store.JobStore;
import java.time.Clock;
import java.util.Set;

/** Reading jobs, their logs, and cancelling them. */
public final class JobService {

  /** Page size when none is asked for, and the largest allowed. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  public static final int MAX_PAGE_SIZE = 1000;

  private final JobStore jobs;
  private final JobExecutor executor;
  private final JobScheduler scheduler;
  private final Clock clock;

  private final CtStore ct;

  public JobService(
      JobStore jobs, CtStore ct, JobExecutor executor, JobScheduler scheduler, Clock clock) {
    this.jobs = jobs;
    this.ct = ct;
    this.executor = executor;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  public Job get(String jobId) {
    return api(record(jobId), clock.millis());
  }

  /** The API's view, with the CT instance of a continuous test. */
  private Job api(JobRecord job, long now) {
    Job j = job.toApi(now);
    if (job.type() != JobType.FIREWALL_BATCH_TEST) {
      return j;
    }
    String id = ContinuousJobConfig.parse(job.configJson()).ctInstanceId();
    if (id == null) {
      id = ct.findCreatedBy(job.jobId()).map(CtInstance::ctInstanceId).orElse(null);
    }
    return j.withCtInstanceId(id);
  }

  public ListJobsResponse list(
      Set<JobStatus> statuses,
      String projectId,
      Long createdAfterSecs,
      Integer pageSize,
      String pageToken) {
    int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw ApiException.invalid("page_size must be between 1 and " + MAX_PAGE_SIZE, "page_size");
    }
    JobPage page =
        jobs.list(
            new JobQuery(
                statuses,
                projectId,
                createdAfterSecs == null ? null : millis(createdAfterSecs),
                size,
                PageTokens.jobs(pageToken)));
    long now = clock.millis();
    return new ListJobsResponse(
        page.jobs().stream().map(j -> api(j, now)).toList(), PageTokens.jobs(page.next()));
  }

  private static long millis(long secs) {
    try {
      return Math.multiplyExact(secs, 1000L);
    } catch (ArithmeticException e) {
      return secs > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
  }

  public String logs(String jobId, Integer tailLines) {
    record(jobId);
    if (tailLines != null && tailLines < 1) {
      throw ApiException.invalid("tail_lines must be at least 1", "tail_lines");
    }
    return executor.logs(jobId, tailLines);
  }

  public Job cancel(String jobId) {
    record(jobId);
    scheduler.cancel(jobId);
    return get(jobId);
  }

  private JobRecord record(String jobId) {
    return jobs.get(jobId).orElseThrow(() -> ApiException.notFound("job", jobId, "job_id"));
  }
}
