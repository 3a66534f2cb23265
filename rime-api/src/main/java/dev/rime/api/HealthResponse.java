// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/** Answer of {@code health}, which needs no key. */
public record HealthResponse(String status, String version) {}
