// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rime api-key}: groups the API key subcommands (they need an admin key). */
@Command(
    name = "api-key",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke API keys (needs an admin key).",
    subcommands = {ApiKeyCreateCommand.class, ApiKeyListCommand.class, ApiKeyRevokeCommand.class})
final class ApiKeyCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
