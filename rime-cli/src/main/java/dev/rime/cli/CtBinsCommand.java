// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.sdk.ContinuousTestBin;
import dev.rime.sdk.TestCasesResult;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rime ct bins}: a CT instance's bins, oldest first. */
@Command(
    name = "bins",
    mixinStandardHelpOptions = true,
    description = {
      "List a CT instance's tested bins, oldest first (times in UTC).",
      "With --bin START, that bin's test cases instead (as rime results shows a stress test's)."
    })
final class CtBinsCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", paramLabel = "CT_INSTANCE_ID", description = "The CT instance.")
  String ctInstanceId;

  @Option(
      names = "--bin",
      paramLabel = "START",
      description = "Show the test cases of the bin starting then (e.g. 2024-01-02T00:00:00Z).")
  String bin;

  @Override
  public Integer call() {
    List<ContinuousTestBin> bins = connection.client().getCtInstance(ctInstanceId).listBins();
    if (bin != null) {
      Instant start;
      try {
        start = Instant.parse(bin);
      } catch (DateTimeParseException e) {
        throw new Errors.UserError(
            "--bin: expected a UTC time such as 2024-01-02T00:00:00Z, not '" + bin + "'");
      }
      ContinuousTestBin b =
          bins.stream()
              .filter(x -> x.startTime().equals(start))
              .findFirst()
              .orElseThrow(
                  () ->
                      new Errors.UserError(
                          "CT instance " + ctInstanceId + " has no bin at " + start));
      TestCasesResult cases = b.getTestCasesResult();
      Report.byCategory(System.out, cases.testCases());
      Report.failingCases(System.out, cases.testCases());
      System.out.println(
          cases.size() + " test cases in the bin " + b.startTime() + " to " + b.endTime());
      return 0;
    }
    System.out.printf(
        Locale.ROOT,
        "%-20s  %-20s  %8s  %-36s  %s%n",
        "START",
        "END",
        "ROWS",
        "TEST RUN ID",
        "JOB ID");
    for (ContinuousTestBin b : bins) {
      System.out.printf(
          Locale.ROOT,
          "%-20s  %-20s  %8d  %-36s  %s%n",
          b.startTime(),
          b.endTime(),
          b.rows(),
          b.testRunId(),
          b.jobId());
    }
    return 0;
  }
}
