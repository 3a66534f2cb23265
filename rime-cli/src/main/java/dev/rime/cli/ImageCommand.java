// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rime image}: groups the managed-image subcommands. */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    description = "Create, find and delete managed images (Python environments for models).",
    subcommands = {
      ImageCreateCommand.class,
      ImageGetCommand.class,
      ImageListCommand.class,
      ImageLogsCommand.class,
      ImageDeleteCommand.class
    })
final class ImageCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
