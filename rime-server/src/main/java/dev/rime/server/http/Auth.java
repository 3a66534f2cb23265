// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import dev.rime.api.ApiKeyInfo;
import dev.rime.api.ErrorResponse;
import dev.rime.api.Operation;
import dev.rime.server.service.ApiException;
import dev.rime.server.service.ApiKeyService;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** The API key check in front of every {@code /v1} call. */
final class Auth {

  private static final String KEY_ATTRIBUTE = "rime.apiKey";

  private Auth() {}

  static Handler filter(ApiKeyService keys) {
    return ctx ->
        ctx.attribute(KEY_ATTRIBUTE, keys.authenticate(ctx.header(Operation.API_KEY_HEADER)));
  }

  static void requireAdmin(Context ctx) {
    ApiKeyInfo key = ctx.attribute(KEY_ATTRIBUTE);
    if (key == null || key.role() != ApiKeyInfo.Role.ADMIN) {
      throw new ApiException(
          ErrorResponse.Code.PERMISSION_DENIED, "managing API keys needs an ADMIN key", null);
    }
  }
}
