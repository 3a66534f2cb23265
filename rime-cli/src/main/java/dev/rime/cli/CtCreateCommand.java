// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rime ct create}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create an (inactive) CT instance on a succeeded stress test; prints its id.")
final class CtCreateCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Option(names = "--name", required = true, description = "Name of the instance.")
  String name;

  @Option(
      names = "--bin-size-seconds",
      required = true,
      description = "3600 (hourly) or 86400 (daily).")
  long binSizeSeconds;

  @Option(
      names = "--test-run",
      paramLabel = "ID",
      required = true,
      description = "The stress-test run to test against.")
  String testRunId;

  @Option(names = "--project", paramLabel = "ID", required = true, description = "Its project.")
  String project;

  @Override
  public Integer call() {
    System.out.println(
        connection
            .client()
            .createCtInstance(name, binSizeSeconds, testRunId, project)
            .ctInstanceId());
    return 0;
  }
}
