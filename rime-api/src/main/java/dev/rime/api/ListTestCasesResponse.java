// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.List;
import java.util.Map;

/**
 * One page of {@code listTestCases} in the requested result schema version. {@code nextPageToken}
 * is empty on the last page.
 */
public record ListTestCasesResponse(
    String schemaVersion, List<Map<String, Object>> testCases, String nextPageToken) {}
