// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/** The new key in clear, shown this once, and what the server keeps of it. */
public record CreateApiKeyResponse(String apiKey, ApiKeyInfo info) {}
