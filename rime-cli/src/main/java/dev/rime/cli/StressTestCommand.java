// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.sdk.RimeClient;
import dev.rime.sdk.StressTestJob;
import dev.rime.sdk.StressTestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rime stress-test}: submits a config to a server, optionally waits with a progress bar. */
@Command(
    name = "stress-test",
    mixinStandardHelpOptions = true,
    description = {
      "Start a stress test on a server; prints the job id.",
      "Relative data paths in the config are made absolute against the config's folder."
    })
final class StressTestCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The test-run config (JSON).")
  Path config;

  @Option(
      names = "--project",
      paramLabel = "ID",
      description = "File the run under this project (default: the default project).")
  String project;

  @Option(
      names = "--managed-image",
      paramLabel = "NAME",
      description = "Run the model in this READY managed image (rime image create).")
  String managedImage;

  @Option(
      names = "--ram-megabytes",
      description = "RAM to request (default 4000; the limit is twice this).")
  Integer ram;

  @Option(
      names = "--cpu-millicores",
      description = "CPU to request (default 1500; the limit is twice this).")
  Integer cpu;

  @Option(
      names = "--wait",
      description = "Wait for the job to end, with a progress bar; exit 1 unless it succeeds.")
  boolean waitForEnd;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!Files.isRegularFile(config)) {
      throw new Errors.UserError("config file not found: " + config);
    }
    RimeClient client = connection.client();
    StressTestOptions.Builder options = StressTestOptions.builder().projectId(project);
    if (managedImage != null) {
      options.rimeManagedImage(managedImage);
    }
    if (ram != null) {
      options.ramRequestMegabytes(ram);
    }
    if (cpu != null) {
      options.cpuRequestMillicores(cpu);
    }
    StressTestJob job = client.startStressTest(RimeClient.loadConfig(config), options.build());
    System.out.println(job.jobId());
    if (!waitForEnd) {
      return 0;
    }
    Job last = job.job();
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(last.name().isEmpty() ? "stress test" : last.name())
            .setInitialMax(1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .build()) {
      while (!last.status().isTerminal()) {
        bar.setExtraMessage(last.status().name());
        if (last.progress() != null && last.progress().testsTotal() > 0) {
          bar.maxHint(last.progress().testsTotal());
          bar.stepTo(last.progress().testsCompleted());
        }
        Thread.sleep(1000);
        last = job.job();
      }
      if (last.progress() != null && last.progress().testsTotal() > 0) {
        bar.maxHint(last.progress().testsTotal());
        bar.stepTo(last.progress().testsCompleted());
      }
      bar.setExtraMessage(last.status().name());
    }
    System.out.println("Job " + job.jobId() + " ended " + last.status());
    if (last.status() != JobStatus.SUCCEEDED) {
      if (last.errorMessage() != null) {
        System.out.println(last.errorMessage());
      }
      return 1;
    }
    System.out.println("Results: rime results " + job.jobId());
    return 0;
  }
}
