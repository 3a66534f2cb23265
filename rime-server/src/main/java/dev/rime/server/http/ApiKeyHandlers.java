// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import dev.rime.api.CreateApiKeyRequest;
import dev.rime.api.ListApiKeysResponse;
import dev.rime.api.Operation;
import dev.rime.server.service.ApiKeyService;

final class ApiKeyHandlers {

  private ApiKeyHandlers() {}

  static void register(Routes routes, ApiKeyService keys) {
    routes
        .on(
            Operation.CREATE_API_KEY,
            ctx -> {
              Auth.requireAdmin(ctx);
              ctx.status(201).json(keys.create(Requests.body(ctx, CreateApiKeyRequest.class)));
            })
        .on(
            Operation.LIST_API_KEYS,
            ctx -> {
              Auth.requireAdmin(ctx);
              ctx.json(new ListApiKeysResponse(keys.list()));
            })
        .on(
            Operation.REVOKE_API_KEY,
            ctx -> {
              Auth.requireAdmin(ctx);
              ctx.json(keys.revoke(ctx.pathParam("key_id")));
            });
  }
}
