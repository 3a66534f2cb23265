// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/** Body of {@code createProject}. */
public record CreateProjectRequest(String name, String description) {}
