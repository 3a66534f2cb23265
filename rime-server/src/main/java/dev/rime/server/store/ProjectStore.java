// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.Project;
import java.util.List;
import java.util.Optional;

/**
 * Projects. Ids are chosen by the caller; exactly one project may be the default one, and it can be
 * neither made twice nor lost.
 */
public interface ProjectStore {

  /**
   * Stores a new project. {@code createdAtMillis} orders the list (the project itself carries
   * seconds).
   *
   * @throws DuplicateKeyException when a project with that id exists
   */
  void insert(Project project, long createdAtMillis);

  /** The project with that id. */
  Optional<Project> get(String projectId);

  /** Every project, oldest first. */
  List<Project> list();

  /** The default project, if it was made. */
  Optional<Project> getDefault();
}
