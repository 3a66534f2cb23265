// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.List;

/** Answer of {@code listProjects}: every project, oldest first. */
public record ListProjectsResponse(List<Project> projects) {}
