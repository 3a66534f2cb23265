// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.Json;
import dev.rime.api.ManagedImageStatus;
import dev.rime.api.PipLibrary;
import dev.rime.api.PipLibraryFilter;
import dev.rime.api.PipRequirement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;
import tools.jackson.core.type.TypeReference;

final class JdbiManagedImageStore implements ManagedImageStore {

  private static final String COLUMNS =
      "name, status, requirements_json, python_version, build_id, runner_version, python_path,"
          + " error_message, created_at_millis, updated_at_millis";
  private static final TypeReference<List<PipRequirement>> REQUIREMENTS = new TypeReference<>() {};

  private final Db db;

  JdbiManagedImageStore(Db db) {
    this.db = db;
  }

  @Override
  public void insert(ManagedImageRecord i) {
    try {
      db.inTransaction(
          () -> {
            db.call(
                h ->
                    h.createUpdate(
                            "INSERT INTO managed_images ("
                                + COLUMNS
                                + ") VALUES (:name, :status, :req, :py, :build, :runner, :path,"
                                + " :error, :created, :updated)")
                        .bind("name", i.name())
                        .bind("status", i.status().name())
                        .bind("req", Json.lenient().writeValueAsString(i.requirements()))
                        .bind("py", i.pythonVersion())
                        .bind("build", i.buildId())
                        .bind("runner", i.runnerVersion())
                        .bind("path", i.pythonPath())
                        .bind("error", i.errorMessage())
                        .bind("created", i.createdAtMillis())
                        .bind("updated", i.updatedAtMillis())
                        .execute());
            insertLibraries(i.name(), i.libraries());
          });
    } catch (RuntimeException e) {
      if (DuplicateKeyException.isUniqueViolation(e)) {
        throw new DuplicateKeyException("managed image " + i.name() + " exists", e);
      }
      throw e;
    }
  }

  @Override
  public Optional<ManagedImageRecord> get(String name) {
    return db.inTransaction(
        () -> {
          List<ManagedImageRecord> found = select(" WHERE name = :name", q -> q.bind("name", name));
          return found.stream().findFirst();
        });
  }

  @Override
  public List<ManagedImageRecord> list(
      List<PipLibraryFilter> filters, String afterName, int limit) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (afterName != null) {
      where.append(" AND m.name > :after");
    }
    for (int f = 0; f < filters.size(); f++) {
      where
          .append(
              " AND EXISTS (SELECT 1 FROM managed_image_libraries l WHERE l.image_name = m.name")
          .append(" AND l.normalized_name = :lib")
          .append(f);
      if (filters.get(f).version() != null) {
        where.append(" AND l.version = :ver").append(f);
      }
      where.append(')');
    }
    where.append(" ORDER BY m.name LIMIT :limit");
    return db.inTransaction(
        () ->
            select(
                where.toString(),
                q -> {
                  if (afterName != null) {
                    q.bind("after", afterName);
                  }
                  for (int f = 0; f < filters.size(); f++) {
                    q.bind("lib" + f, PipRequirement.normalize(filters.get(f).name()));
                    if (filters.get(f).version() != null) {
                      q.bind("ver" + f, filters.get(f).version());
                    }
                  }
                  q.bind("limit", limit);
                }));
  }

  @Override
  public List<ManagedImageRecord> all() {
    return db.inTransaction(() -> select(" ORDER BY m.name", q -> {}));
  }

  @Override
  public boolean markReady(
      String name,
      String buildId,
      String pythonPath,
      String runnerVersion,
      List<PipLibrary> libraries,
      long nowMillis) {
    return db.inTransaction(
        () -> {
          boolean changed =
              update(
                  "UPDATE managed_images SET status = :status, python_path = :path,"
                      + " runner_version = :runner, error_message = NULL, updated_at_millis = :now"
                      + " WHERE name = :name AND build_id = :build",
                  Map.of(
                      "status",
                      ManagedImageStatus.STATUS_READY.name(),
                      "path",
                      pythonPath,
                      "runner",
                      runnerVersion,
                      "now",
                      nowMillis,
                      "name",
                      name,
                      "build",
                      buildId));
          if (changed) {
            deleteLibraries(name);
            insertLibraries(name, libraries);
          }
          return changed;
        });
  }

  @Override
  public boolean markFailed(String name, String buildId, String errorMessage, long nowMillis) {
    return db.inTransaction(
        () -> {
          boolean changed =
              db.call(
                      h ->
                          h.createUpdate(
                                  "UPDATE managed_images SET status = :status, python_path = NULL,"
                                      + " error_message = :error, updated_at_millis = :now"
                                      + " WHERE name = :name AND build_id = :build")
                              .bind("status", ManagedImageStatus.STATUS_FAILED.name())
                              .bind("error", errorMessage)
                              .bind("now", nowMillis)
                              .bind("name", name)
                              .bind("build", buildId)
                              .execute())
                  == 1;
          if (changed) {
            deleteLibraries(name);
          }
          return changed;
        });
  }

  @Override
  public boolean restartBuild(
      String name,
      String expectedBuildId,
      ManagedImageStatus status,
      String newBuildId,
      long nowMillis) {
    if (!status.isBuilding()) {
      throw new IllegalArgumentException(status + " is not a building status");
    }
    return update(
        "UPDATE managed_images SET status = :status, build_id = :newBuild, error_message = NULL,"
            + " python_path = NULL, updated_at_millis = :now"
            + " WHERE name = :name AND build_id = :build",
        Map.of(
            "status",
            status.name(),
            "newBuild",
            newBuildId,
            "now",
            nowMillis,
            "name",
            name,
            "build",
            expectedBuildId));
  }

  @Override
  public boolean markOutdated(String name, String currentRunnerVersion, long nowMillis) {
    return update(
        "UPDATE managed_images SET status = :outdated, updated_at_millis = :now"
            + " WHERE name = :name AND status = :ready AND (runner_version IS NULL"
            + " OR runner_version <> :runner)",
        Map.of(
            "outdated",
            ManagedImageStatus.STATUS_OUTDATED.name(),
            "ready",
            ManagedImageStatus.STATUS_READY.name(),
            "now",
            nowMillis,
            "name",
            name,
            "runner",
            currentRunnerVersion));
  }

  @Override
  public boolean delete(String name) {
    return db.inTransaction(
        () -> {
          deleteLibraries(name);
          return update("DELETE FROM managed_images WHERE name = :name", Map.of("name", name));
        });
  }

  private boolean update(String sql, Map<String, Object> params) {
    return db.call(
            h -> {
              var u = h.createUpdate(sql);
              params.forEach(u::bind);
              return u.execute();
            })
        == 1;
  }

  private void deleteLibraries(String name) {
    db.call(
        h ->
            h.createUpdate("DELETE FROM managed_image_libraries WHERE image_name = :name")
                .bind("name", name)
                .execute());
  }

  private void insertLibraries(String name, List<PipLibrary> libraries) {
    if (libraries.isEmpty()) {
      return;
    }
    Map<String, PipLibrary> unique = new java.util.LinkedHashMap<>();
    for (PipLibrary l : libraries) {
      unique.putIfAbsent(PipRequirement.normalize(l.name()), l);
    }
    db.call(
        h -> {
          var batch =
              h.prepareBatch(
                  "INSERT INTO managed_image_libraries (image_name, normalized_name, name, version)"
                      + " VALUES (:image, :normalized, :name, :version)");
          unique.forEach(
              (normalized, l) ->
                  batch
                      .bind("image", name)
                      .bind("normalized", normalized)
                      .bind("name", l.name())
                      .bind("version", l.version())
                      .add());
          return batch.execute();
        });
  }

  private interface Binder {
    void bind(Query q);
  }

  /** Images matching {@code where} (on alias {@code m}), with their libraries. */
  private List<ManagedImageRecord> select(String where, Binder binder) {
    List<Row> rows =
        db.call(
            h -> {
              Query q = h.createQuery("SELECT " + prefixed() + " FROM managed_images m" + where);
              binder.bind(q);
              return q.map((rs, ctx) -> row(rs)).list();
            });
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<PipLibrary>> libraries = new HashMap<>();
    List<String> names = rows.stream().map(r -> r.name).toList();
    db.call(
            h ->
                h.createQuery(
                        "SELECT image_name, name, version FROM managed_image_libraries"
                            + " WHERE image_name IN (<names>) ORDER BY image_name, normalized_name")
                    .bindList("names", names)
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                rs.getString("image_name"),
                                new PipLibrary(rs.getString("name"), rs.getString("version"))))
                    .list())
        .forEach(
            e -> libraries.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<ManagedImageRecord> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new ManagedImageRecord(
              r.name,
              ManagedImageStatus.valueOf(r.status),
              Json.lenient().readValue(r.requirementsJson, REQUIREMENTS),
              r.pythonVersion,
              r.buildId,
              r.runnerVersion,
              r.pythonPath,
              r.errorMessage,
              r.createdAtMillis,
              r.updatedAtMillis,
              libraries.getOrDefault(r.name, List.of())));
    }
    return out;
  }

  private static String prefixed() {
    return "m." + COLUMNS.replace(", ", ", m.");
  }

  private record Row(
      String name,
      String status,
      String requirementsJson,
      String pythonVersion,
      String buildId,
      String runnerVersion,
      String pythonPath,
      String errorMessage,
      long createdAtMillis,
      long updatedAtMillis) {}

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getString("name"),
        rs.getString("status"),
        rs.getString("requirements_json"),
        rs.getString("python_version"),
        rs.getString("build_id"),
        rs.getString("runner_version"),
        rs.getString("python_path"),
        rs.getString("error_message"),
        rs.getLong("created_at_millis"),
        rs.getLong("updated_at_millis"));
  }
}
