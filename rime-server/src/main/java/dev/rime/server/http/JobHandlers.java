// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import dev.rime.api.JobStatus;
import dev.rime.api.Operation;
import dev.rime.api.StartStressTestRequest;
import dev.rime.server.service.ApiException;
import dev.rime.server.service.JobService;
import dev.rime.server.service.StressTestService;
import java.util.EnumSet;
import java.util.Set;

final class JobHandlers {

  private JobHandlers() {}

  static void register(Routes routes, StressTestService stressTests, JobService jobs) {
    routes
        .on(
            Operation.START_STRESS_TEST,
            ctx ->
                ctx.status(201)
                    .json(stressTests.start(Requests.body(ctx, StartStressTestRequest.class))))
        .on(
            Operation.LIST_JOBS,
            ctx ->
                ctx.json(
                    jobs.list(
                        statuses(ctx.queryParams("status")),
                        ctx.queryParam("project_id"),
                        Requests.longParam(ctx, "created_after_secs"),
                        Requests.intParam(ctx, "page_size"),
                        ctx.queryParam("page_token"))))
        .on(Operation.GET_JOB, ctx -> ctx.json(jobs.get(ctx.pathParam("job_id"))))
        .on(
            Operation.GET_JOB_LOGS,
            ctx ->
                ctx.contentType("text/plain; charset=utf-8")
                    .result(
                        jobs.logs(ctx.pathParam("job_id"), Requests.intParam(ctx, "tail_lines"))))
        .on(Operation.CANCEL_JOB, ctx -> ctx.json(jobs.cancel(ctx.pathParam("job_id"))));
  }

  private static Set<JobStatus> statuses(java.util.List<String> values) {
    Set<JobStatus> out = EnumSet.noneOf(JobStatus.class);
    for (String v : values) {
      for (String part : v.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          out.add(JobStatus.parse(part));
        } catch (IllegalArgumentException e) {
          throw ApiException.invalid(e.getMessage(), "status");
        }
      }
    }
    return out;
  }
}
