// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.Json;
import dev.rime.sdk.ResultTable;
import dev.rime.sdk.StressTestJob;
import dev.rime.sdk.TestCasesResult;
import dev.rime.sdk.TestRunResultTable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rime results}: a succeeded job's test cases or run summary. */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    description = "Print a succeeded job's test cases (or its run summary with --summary).")
final class ResultsCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", paramLabel = "JOB", description = "Job id.")
  String jobId;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, csv or json (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--summary", description = "The run summary instead of the test cases.")
  boolean summary;

  @Option(
      names = "--version",
      paramLabel = "SCHEMA",
      description = "Result schema version to answer in, e.g. 0.14.0 (default: latest).")
  String version;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("text") && !format.equals("csv") && !format.equals("json")) {
      throw new Errors.UserError("--format: expected text, csv or json, not '" + format + "'");
    }
    StressTestJob job = connection.client().getJob(jobId);
    ResultTable table;
    if (summary) {
      TestRunResultTable run = job.getTestRunResult(version);
      if (format.equals("text") && run.schemaVersion().startsWith("1.")) {
        Report.summary(System.out, run.summary());
        return 0;
      }
      table = run;
    } else {
      TestCasesResult cases = job.getTestCasesResult(version);
      if (format.equals("text") && cases.schemaVersion().startsWith("1.")) {
        Report.byCategory(System.out, cases.testCases());
        Report.failingCases(System.out, cases.testCases());
        System.out.println(
            cases.size() + " test cases in all; --format csv or json for every one of them.");
        return 0;
      }
      table = cases;
    }
    if (format.equals("json")) {
      System.out.println(
          Json.lenient()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(
                  table.rows().stream().map(r -> r.toMap()).collect(Collectors.toList())));
    } else {
      Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
      table.writeCsv(w);
      w.flush();
    }
    return 0;
  }
}
