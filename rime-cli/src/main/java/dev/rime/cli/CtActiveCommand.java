// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rime ct active}. */
@Command(
    name = "active",
    mixinStandardHelpOptions = true,
    description = "Show a project's active CT instance (exit 2 when it has none).")
final class CtActiveCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Option(names = "--project", paramLabel = "ID", required = true, description = "The project.")
  String project;

  @Override
  public Integer call() {
    CtCommand.print(connection.client().getActiveCtInstanceForProject(project).info());
    return 0;
  }
}
