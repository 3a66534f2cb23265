// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.engine.EngineVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code rime} command. */
@Command(
    name = "rime",
    mixinStandardHelpOptions = true,
    versionProvider = RimeCli.Version.class,
    description = "RIME: stress tests for machine-learning models.",
    subcommands = {
      ServerCommand.class,
      DemoCommand.class,
      RunCommand.class,
      ProjectCommand.class,
      StressTestCommand.class,
      JobsCommand.class,
      ResultsCommand.class,
      ApiKeyCommand.class,
      ImageCommand.class,
      CtCommand.class,
      CommandLine.HelpCommand.class
    })
public final class RimeCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and answers its exit code (tests call this). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new RimeCli());
    cli.setExecutionExceptionHandler(new Errors());
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Prints the engine version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"rime " + EngineVersion.get()};
    }
  }
}
