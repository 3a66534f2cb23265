// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.Project;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiProjectStore implements ProjectStore {

  private static final String COLUMNS =
      "project_id, name, description, created_at_millis, is_default";

  private final Db db;

  JdbiProjectStore(Db db) {
    this.db = db;
  }

  @Override
  public void insert(Project p, long createdAtMillis) {
    try {
      db.call(
          h ->
              h.createUpdate(
                      "INSERT INTO projects ("
                          + COLUMNS
                          + ") VALUES (:id, :name, :description, :created, :isDefault)")
                  .bind("id", p.projectId())
                  .bind("name", p.name())
                  .bind("description", p.description())
                  .bind("created", createdAtMillis)
                  .bind("isDefault", p.isDefault() ? 1 : 0)
                  .execute());
    } catch (RuntimeException e) {
      if (DuplicateKeyException.isUniqueViolation(e)) {
        throw new DuplicateKeyException("project " + p.projectId() + " exists", e);
      }
      throw e;
    }
  }

  @Override
  public Optional<Project> get(String projectId) {
    return db.call(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM projects WHERE project_id = :id")
                .bind("id", projectId)
                .map(JdbiProjectStore::map)
                .findOne());
  }

  @Override
  public List<Project> list() {
    return db.call(
        h ->
            h.createQuery(
                    "SELECT " + COLUMNS + " FROM projects ORDER BY created_at_millis, project_id")
                .map(JdbiProjectStore::map)
                .list());
  }

  @Override
  public Optional<Project> getDefault() {
    return db.call(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM projects WHERE is_default = 1 ORDER BY created_at_millis")
                .map(JdbiProjectStore::map)
                .findFirst());
  }

  private static Project map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Project(
        rs.getString("project_id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getLong("created_at_millis") / 1000L,
        rs.getInt("is_default") == 1);
  }
}
