// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.Map;

/**
 * Answer of {@code getTestRun}: the run summary in the requested result schema version. The shape
 * of {@code testRun} is fixed by {@code schemaVersion} (see {@link ResultSchemas}).
 */
public record TestRunResponse(String schemaVersion, Map<String, Object> testRun) {}
