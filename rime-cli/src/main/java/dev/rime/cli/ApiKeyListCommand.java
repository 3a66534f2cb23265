// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.ApiKeyInfo;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rime api-key list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List API keys (never the keys themselves).")
final class ApiKeyListCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Override
  public Integer call() {
    System.out.printf(
        Locale.ROOT,
        "%-36s  %-6s  %-13s  %-20s  %-8s  %s%n",
        "KEY ID",
        "ROLE",
        "PREFIX",
        "CREATED",
        "STATE",
        "NAME");
    for (ApiKeyInfo k : connection.client().listApiKeys()) {
      System.out.printf(
          Locale.ROOT,
          "%-36s  %-6s  %-13s  %-20s  %-8s  %s%n",
          k.keyId(),
          k.role(),
          k.prefix() + "…",
          Instant.ofEpochSecond(k.createdTimeSecs()),
          k.revokedTimeSecs() == null ? "active" : "revoked",
          k.name());
    }
    return 0;
  }
}
