// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * A project groups stress-test runs. Exactly one project is the default one; a stress test started
 * without a project id is stored there.
 */
public record Project(
    String projectId, String name, String description, long createdTimeSecs, boolean isDefault) {}
