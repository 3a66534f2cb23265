// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.sdk.RimeClient;
import dev.rime.server.ServerConfig;
import dev.rime.server.service.ApiKeyService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the server is and which key to use: flags, else {@code RIME_SERVER} / {@code RIME_API_KEY},
 * else the local server ({@code http://127.0.0.1:8080}) and the admin key file it wrote.
 */
final class Connection {

  @Option(
      names = "--server",
      description = "Server address (env RIME_SERVER; default http://127.0.0.1:8080).")
  String server;

  @Option(
      names = "--api-key",
      description =
          "API key (env RIME_API_KEY; default: the local server's key file in $RIME_HOME or"
              + " ~/.rime).")
  String apiKey;

  RimeClient client() {
    String address = firstNonBlank(server, System.getenv("RIME_SERVER"), "http://127.0.0.1:8080");
    String key = firstNonBlank(apiKey, System.getenv("RIME_API_KEY"), null);
    if (key == null) {
      Path file = ServerConfig.defaultDataDir().resolve(ApiKeyService.ADMIN_KEY_FILE);
      if (!Files.isReadable(file)) {
        throw new Errors.UserError(
            "no API key: pass --api-key, set RIME_API_KEY, or run against a local server whose"
                + " key file "
                + file
                + " exists");
      }
      try {
        key = Files.readString(file).trim();
      } catch (IOException e) {
        throw new Errors.UserError("cannot read the API key file " + file + ": " + e.getMessage());
      }
    }
    return RimeClient.builder().address(address).apiKey(key).build();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }
}
