// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.ContinuousTestRun;
import dev.rime.api.CtInstance;
import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.sdk.ContinuousTestJob;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rime ct}: groups the continuous-testing subcommands. */
@Command(
    name = "ct",
    mixinStandardHelpOptions = true,
    description = "Continuous testing: CT instances, continuous-test runs, bins and time series.",
    subcommands = {
      CtStartCommand.class,
      CtIncrementalCommand.class,
      CtCreateCommand.class,
      CtGetCommand.class,
      CtActiveCommand.class,
      CtActivateCommand.class,
      CtDeactivateCommand.class,
      CtBinsCommand.class,
      CtSeriesCommand.class
    })
final class CtCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** One line per field of an instance. */
  static void print(CtInstance c) {
    System.out.println("ct_instance_id:   " + c.ctInstanceId());
    System.out.println("name:             " + c.name());
    System.out.println("bin_size_seconds: " + c.binSizeSeconds());
    System.out.println("test_run_id:      " + c.testRunId());
    System.out.println("project_id:       " + c.projectId());
    System.out.println("is_active:        " + c.isActive());
    System.out.println("created:          " + Instant.ofEpochSecond(c.createdTimeSecs()));
  }

  /**
   * Waits for a continuous-test job to end, printing its status when it changes; prints how it
   * ended and answers the exit code (0 when it succeeded).
   */
  static int await(ContinuousTestJob job) throws InterruptedException {
    Job last = job.job();
    String shown = null;
    while (!last.status().isTerminal()) {
      String now =
          last.status()
              + (last.progress() == null
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      " (%d / %d)",
                      last.progress().testsCompleted(),
                      last.progress().testsTotal()));
      if (!now.equals(shown)) {
        System.out.println(now);
        shown = now;
      }
      Thread.sleep(1000);
      last = job.job();
    }
    System.out.println("Job " + job.jobId() + " ended " + last.status());
    if (last.status() != JobStatus.SUCCEEDED) {
      if (last.errorMessage() != null) {
        System.out.println(last.errorMessage());
      }
      return 1;
    }
    ContinuousTestRun run = job.getRunInfo();
    System.out.println("CT instance: " + last.ctInstanceId());
    System.out.println("Rows read: " + run.rows());
    if (run.unparseableTimestamps() > 0) {
      System.out.println(
          "Rows without a usable timestamp ("
              + run.timestampCol()
              + "), in no bin: "
              + run.unparseableTimestamps()
              + ", e.g. "
              + run.unparseableExamples());
    }
    System.out.println("Bins tested: " + run.testedBins().size());
    if (!run.skippedBins().isEmpty()) {
      System.out.println(
          "Bins kept (tested before; --override-existing-bins to test them again): "
              + run.skippedBins().size());
    }
    return 0;
  }
}
