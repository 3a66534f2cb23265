// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rime project}: groups the project subcommands. */
@Command(
    name = "project",
    mixinStandardHelpOptions = true,
    description = "Create and list projects.",
    subcommands = {ProjectCreateCommand.class, ProjectListCommand.class})
final class ProjectCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
