// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.sdk.ContinuousTestJob;
import dev.rime.sdk.ContinuousTestOptions;
import dev.rime.sdk.RimeClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rime ct start}: a continuous test from a reference. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Start a continuous test from a reference: the stress test, a new CT instance on it, and a"
          + " test of every time bin of the evaluation data. Prints the job id.",
      "The config needs continuous_info {timestamp_col, bin_size: hour|day}."
    })
final class CtStartCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The test-run config (JSON).")
  Path config;

  @Option(names = "--project", paramLabel = "ID", description = "File the runs under a project.")
  String project;

  @Option(names = "--name", description = "Name of the CT instance (default: the run name).")
  String name;

  @Option(names = "--ram-megabytes", description = "RAM to request (default 4000).")
  Integer ram;

  @Option(names = "--cpu-millicores", description = "CPU to request (default 1500).")
  Integer cpu;

  @Option(names = "--wait", description = "Wait for the job to end; exit 1 unless it succeeds.")
  boolean waitForEnd;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!Files.isRegularFile(config)) {
      throw new Errors.UserError("config file not found: " + config);
    }
    ContinuousTestOptions.Builder options =
        ContinuousTestOptions.builder().projectId(project).ctInstanceName(name);
    if (ram != null) {
      options.ramRequestMegabytes(ram);
    }
    if (cpu != null) {
      options.cpuRequestMillicores(cpu);
    }
    ContinuousTestJob job =
        connection
            .client()
            .startContinuousTestFromReference(RimeClient.loadConfig(config), options.build());
    System.out.println(job.jobId());
    return waitForEnd ? CtCommand.await(job) : 0;
  }
}
