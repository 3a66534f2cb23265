// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * Body of {@code createCtInstance}: a name, the bin size (3600 or 86400 seconds), the id of a
 * SUCCEEDED stress-test run of the project, and the project. The instance is created inactive.
 */
public record CreateCtInstanceRequest(
    String name, Long binSizeSeconds, String testRunId, String projectId) {}
