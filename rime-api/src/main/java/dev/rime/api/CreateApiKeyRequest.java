// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/** Body of {@code createApiKey}; role defaults to USER. */
public record CreateApiKeyRequest(String name, ApiKeyInfo.Role role) {}
