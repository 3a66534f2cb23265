// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rime api-key revoke}. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API key.")
final class ApiKeyRevokeCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(
      index = "0",
      paramLabel = "KEY_ID",
      description = "Id of the key (see rime api-key list).")
  String keyId;

  @Override
  public Integer call() {
    connection.client().revokeApiKey(keyId);
    System.out.println("revoked " + keyId);
    return 0;
  }
}
