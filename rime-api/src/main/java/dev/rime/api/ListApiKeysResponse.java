// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.List;

/** Answer of {@code listApiKeys}, revoked keys included. */
public record ListApiKeysResponse(List<ApiKeyInfo> apiKeys) {}
