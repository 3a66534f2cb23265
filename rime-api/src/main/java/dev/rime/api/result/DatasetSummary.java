// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.result;

/**
 * One input dataset as it was read: where from, how big, and its SHA-256 so a result can be traced
 * to the exact bytes.
 */
public record DatasetSummary(String path, long rows, int columns, long sizeBytes, String sha256) {}
