// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.sdk.JobPage;
import dev.rime.sdk.ListJobsOptions;
import dev.rime.sdk.RimeClient;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rime jobs}: lists jobs, newest first. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List jobs, newest first.")
final class JobsCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Mixin Connection connection;

  @Option(
      names = "--status",
      split = ",",
      description =
          "Only jobs with these statuses (PENDING, RUNNING, SUCCEEDED, FAILING, CANCELLED).")
  List<String> statuses;

  @Option(names = "--project", paramLabel = "ID", description = "Only jobs of this project.")
  String project;

  @Option(
      names = "--limit",
      defaultValue = "50",
      description = "At most this many jobs (default ${DEFAULT-VALUE}).")
  int limit;

  private static JobStatus status(String s) {
    try {
      return JobStatus.parse(s);
    } catch (IllegalArgumentException e) {
      throw new Errors.UserError("--status: " + e.getMessage());
    }
  }

  @Override
  public Integer call() {
    RimeClient client = connection.client();
    ListJobsOptions.Builder options =
        ListJobsOptions.builder().projectId(project).pageSize(Math.min(limit, 100));
    if (statuses != null) {
      options.statuses(statuses.stream().map(JobsCommand::status).toList());
    }
    int shown = 0;
    String token = "";
    do {
      JobPage page = client.listJobs(options.pageToken(token).build());
      if (token.isEmpty()) { // the header once the server has answered
        System.out.printf(
            Locale.ROOT,
            "%-36s  %-10s  %-19s  %9s  %-9s  %s%n",
            "JOB ID",
            "STATUS",
            "CREATED",
            "RUNNING",
            "PROGRESS",
            "NAME");
      }
      for (Job j : page.jobs()) {
        if (shown++ >= limit) {
          return 0;
        }
        System.out.printf(
            Locale.ROOT,
            "%-36s  %-10s  %-19s  %8.1fs  %-9s  %s%n",
            j.jobId(),
            j.status(),
            TIME.format(Instant.ofEpochSecond(j.creationTimeSecs())),
            j.runningTimeSecs(),
            j.progress() == null
                ? "-"
                : j.progress().testsCompleted() + "/" + j.progress().testsTotal(),
            j.name());
      }
      token = page.nextPageToken();
    } while (token != null && !token.isEmpty());
    return 0;
  }
}
