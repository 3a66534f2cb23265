// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.engine.EngineException;
import dev.rime.sdk.RimeException;
import picocli.CommandLine;

/**
 * Exit codes and messages. Failures users cause (bad config, missing file, bad argument,
 * unreachable server, unknown job) print one clear line on stderr and exit {@value
 * #USAGE_OR_INPUT}; anything else is a bug, keeps its trace and exits {@value #INTERNAL}. Exit code
 * 1 is left to commands that report a result ({@code rime run --fail-on}, {@code stress-test
 * --wait}).
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

  /** Exit code for errors in the input or the environment. */
  static final int USAGE_OR_INPUT = 2;

  /** Exit code for errors in RIME itself. */
  static final int INTERNAL = 3;

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    if (e instanceof EngineException
        || e instanceof RimeException
        || e instanceof UserError
        || e instanceof IllegalArgumentException
        || e instanceof java.io.IOException) {
      cli.getErr().println("rime: " + e.getMessage());
      return USAGE_OR_INPUT;
    }
    cli.getErr().println("rime: internal error: " + e);
    e.printStackTrace(cli.getErr());
    return INTERNAL;
  }

  /** A mistake in what the user asked for, with a message that says how to fix it. */
  static final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
      super(message);
    }
  }
}
