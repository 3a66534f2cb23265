// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.ApiKeyInfo;

/** A stored API key: what the API shows of it, and the hash the server checks keys against. */
public record ApiKeyRecord(ApiKeyInfo info, String keyHash) {}
