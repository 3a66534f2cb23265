// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.Json;
import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import dev.rime.engine.Engine;
import dev.rime.engine.ResultWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;

/** {@code rime run}: runs the engine in this process, without a server. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a stress test here, without a server, and write its results.",
      "Exit code 1 when a test case fails at or above --fail-on, 2 on a bad config, data or",
      "argument, 3 on an internal error."
    })
final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The test-run config (JSON).")
  Path config;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write test_cases.csv, test_cases.json and test_run.json here.")
  Path out;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit 1 when a failing test case has this severity or more: low, medium, high.")
  String failOn;

  @Override
  public Integer call() throws IOException {
    Severity threshold = failOn == null ? null : parseSeverity(failOn);
    if (!Files.isRegularFile(config)) {
      throw new Errors.UserError("config file not found: " + config);
    }
    Map<String, Object> cfg;
    try {
      cfg = Json.lenient().readValue(config.toFile(), Json.MAP);
    } catch (JacksonException e) {
      throw new Errors.UserError(JsonErrors.describe("config file " + config, e));
    }
    Path baseDir = config.toAbsolutePath().getParent();
    boolean terminal = System.console() != null; // progress only for people watching
    TestRunResult result =
        Engine.run(
            cfg,
            baseDir,
            (done, total) -> {
              if (terminal) {
                System.err.printf("\rtests %d / %d", done, total);
              }
            });
    if (terminal) {
      System.err.println();
    }
    if (out != null) {
      ResultWriter.write(result, out);
    }
    Report.summary(System.out, result.summary());
    Report.byCategory(System.out, result.testCases());
    Report.failingCases(System.out, result.testCases());
    if (out != null) {
      System.out.println("Results written to " + out.toAbsolutePath());
    }
    if (threshold != null) {
      for (TestCase c : result.testCases()) {
        if (c.status() == TestStatus.FAIL && c.severity().atLeast(threshold)) {
          return 1;
        }
      }
    }
    return 0;
  }

  private static Severity parseSeverity(String s) {
    try {
      Severity sev = Severity.parse(s);
      if (sev == Severity.NONE) {
        throw new IllegalArgumentException();
      }
      return sev;
    } catch (IllegalArgumentException e) {
      throw new Errors.UserError("--fail-on: expected low, medium or high, not '" + s + "'");
    }
  }
}
