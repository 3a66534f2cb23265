// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Project;

/**
 * A project in the RIME backend, as the seed's {@code RIMEProject}. Pass {@link #projectId()} to
 * {@link StressTestOptions.Builder#projectId(String)} and {@link
 * RimeClient#listStressTestJobs(java.util.Collection, String)}.
 *
 * @param projectId how to refer to the project in the backend
 * @param name the project's name
 * @param description a short blurb about the project
 * @param isDefault whether stress tests started without a project id are filed here
 */
public record RimeProject(String projectId, String name, String description, boolean isDefault) {

  static RimeProject of(Project p) {
    return new RimeProject(p.projectId(), p.name(), p.description(), p.isDefault());
  }
}
