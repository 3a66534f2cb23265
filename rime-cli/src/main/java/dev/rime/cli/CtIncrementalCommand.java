// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.sdk.ContinuousTestJob;
import dev.rime.sdk.IncrementalTestOptions;
import dev.rime.sdk.RimeClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rime ct incremental}: new data for a CT instance. */
@Command(
    name = "incremental",
    mixinStandardHelpOptions = true,
    description = {
      "Start an incremental continuous test on a CT instance; prints the job id.",
      "The config is {eval_path, timestamp_col} and optionally eval_pred_path; bins the instance"
          + " already has are kept unless --override-existing-bins."
    })
final class CtIncrementalCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", paramLabel = "CT_INSTANCE_ID", description = "The CT instance.")
  String ctInstanceId;

  @Parameters(index = "1", paramLabel = "CONFIG", description = "The incremental config (JSON).")
  Path config;

  @Option(
      names = "--override-existing-bins",
      description = "Test again, and replace, bins the instance already has.")
  boolean override;

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
    IncrementalTestOptions.Builder options =
        IncrementalTestOptions.builder().overrideExistingBins(override);
    if (ram != null) {
      options.ramRequestMegabytes(ram);
    }
    if (cpu != null) {
      options.cpuRequestMillicores(cpu);
    }
    ContinuousTestJob job =
        connection
            .client()
            .getCtInstance(ctInstanceId)
            .startIncrementalContinuousTest(RimeClient.loadConfig(config), options.build());
    System.out.println(job.jobId());
    return waitForEnd ? CtCommand.await(job) : 0;
  }
}
