// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import dev.rime.api.CreateProjectRequest;
import dev.rime.api.Project;
import dev.rime.server.store.DuplicateKeyException;
import dev.rime.server.store.ProjectStore;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Projects, and the default project that stress tests without a project are filed under. */
public final class ProjectService {

  /** Id of the default project. */
  public static final String DEFAULT_PROJECT_ID = "default";

  private final ProjectStore projects;
  private final Clock clock;

  public ProjectService(ProjectStore projects, Clock clock) {
    this.projects = projects;
    this.clock = clock;
  }

  /** Makes the default project if this store has none yet. */
  public Project ensureDefault() {
    return projects
        .getDefault()
        .orElseGet(
            () -> {
              long now = clock.millis();
              Project p =
                  new Project(
                      DEFAULT_PROJECT_ID,
                      "Default",
                      "Stress tests started without a project",
                      now / 1000,
                      true);
              try {
                projects.insert(p, now);
                return p;
              } catch (DuplicateKeyException e) {
                return projects.get(DEFAULT_PROJECT_ID).orElseThrow();
              }
            });
  }

  public Project create(CreateProjectRequest request) {
    String name = request.name() == null ? "" : request.name().trim();
    if (name.isEmpty()) {
      throw ApiException.invalid("name is required and may not be blank", "name");
    }
    if (name.length() > 200) {
      throw ApiException.invalid("name is longer than 200 characters", "name");
    }
    long now = clock.millis();
    Project p =
        new Project(
            UUID.randomUUID().toString(),
            name,
            request.description() == null ? "" : request.description(),
            now / 1000,
            false);
    projects.insert(p, now);
    return p;
  }

  public Project get(String projectId) {
    return projects
        .get(projectId)
        .orElseThrow(() -> ApiException.notFound("project", projectId, "project_id"));
  }

  public List<Project> list() {
    return projects.list();
  }
}
