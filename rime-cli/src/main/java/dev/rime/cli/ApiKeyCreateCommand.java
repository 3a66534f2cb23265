// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.ApiKeyInfo;
import dev.rime.api.CreateApiKeyResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rime api-key create}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create an API key; prints it once (the server keeps only its hash).")
final class ApiKeyCreateCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", paramLabel = "NAME", description = "What the key is for.")
  String name;

  @Option(names = "--admin", description = "An admin key (may manage keys).")
  boolean admin;

  @Override
  public Integer call() {
    CreateApiKeyResponse r =
        connection
            .client()
            .createApiKey(name, admin ? ApiKeyInfo.Role.ADMIN : ApiKeyInfo.Role.USER);
    System.out.println(r.apiKey());
    System.err.println(
        "key id "
            + r.info().keyId()
            + " ("
            + r.info().role()
            + "); store the key now, it is not shown again");
    return 0;
  }
}
