// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.ApiKeyInfo;

/**
 * A stored API key: what the API shows of it, the hash the server checks keys against, and when it
 * was made (milliseconds, to keep keys in order).
 */
public record ApiKeyRecord(ApiKeyInfo info, String keyHash, long createdAtMillis) {}
