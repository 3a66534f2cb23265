// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.engine.EngineException;
import dev.rime.sdk.RimeException;
import picocli.CommandLine;

/**
 * Turns the failures users cause (bad config, missing file, unreachable server, unknown job) into
 * one clear line on stderr and exit code 2, instead of a stack trace. Anything else is a bug and
 * keeps its trace.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

  /** Exit code for errors in the input or the environment. */
  static final int USAGE_OR_INPUT = 2;

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    if (e instanceof EngineException
        || e instanceof RimeException
        || e instanceof UserError
        || e instanceof java.io.IOException) {
      cli.getErr().println("rime: " + e.getMessage());
      return USAGE_OR_INPUT;
    }
    cli.getErr().println("rime: internal error: " + e);
    e.printStackTrace(cli.getErr());
    return 1;
  }

  /** A mistake in what the user asked for, with a message that says how to fix it. */
  static final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
      super(message);
    }
  }
}
