// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.JobStatus;
import dev.rime.api.JobType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiJobStore implements JobStore {

  private static final String COLUMNS =
      "job_id, project_id, name, job_type, status, config_json, base_dir, ram_request_mb,"
          + " cpu_request_millicores, managed_image, custom_image_name, custom_image_pull_secret,"
          + " created_at_millis, started_at_millis, ended_at_millis, tests_completed, tests_total,"
          + " error_message, test_run_id, cancellation_requested, attempts, process_id,"
          + " process_start_millis";

  private final Db db;

  JdbiJobStore(Db db) {
    this.db = db;
  }

  @Override
  public void insert(JobRecord j) {
    db.call(
        h ->
            h.createUpdate(
                    "INSERT INTO jobs ("
                        + COLUMNS
                        + ") VALUES (:jobId, :projectId, :name, :type, :status, :configJson,"
                        + " :baseDir, :ram, :cpu, :managedImage, :customImageName,"
                        + " :customImagePullSecret, :createdAt, NULL, NULL, NULL, NULL, NULL, NULL,"
                        + " 0, 0, NULL, NULL)")
                .bind("jobId", j.jobId())
                .bind("projectId", j.projectId())
                .bind("name", j.name())
                .bind("type", j.type().name())
                .bind("status", j.status().name())
                .bind("configJson", j.configJson())
                .bind("baseDir", j.baseDir())
                .bind("ram", j.ramRequestMb())
                .bind("cpu", j.cpuRequestMillicores())
                .bind("managedImage", j.managedImage())
                .bind("customImageName", j.customImageName())
                .bind("customImagePullSecret", j.customImagePullSecret())
                .bind("createdAt", j.createdAtMillis())
                .execute());
  }

  @Override
  public Optional<JobRecord> get(String jobId) {
    return db.call(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE job_id = :id")
                .bind("id", jobId)
                .map(JdbiJobStore::map)
                .findOne());
  }

  @Override
  public JobPage list(JobQuery q) {
    List<String> where = new ArrayList<>();
    if (!q.statuses().isEmpty()) {
      where.add("status IN (<statuses>)");
    }
    if (q.projectId() != null) {
      where.add("project_id = :projectId");
    }
    if (q.createdAfterMillis() != null) {
      where.add("created_at_millis > :createdAfter");
    }
    if (q.after() != null) {
      where.add(
          "(created_at_millis < :cursorCreated"
              + " OR (created_at_millis = :cursorCreated AND job_id < :cursorId))");
    }
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM jobs"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY created_at_millis DESC, job_id DESC LIMIT :limit";
    List<JobRecord> rows =
        db.call(
            h -> {
              Query query = h.createQuery(sql).bind("limit", q.pageSize() + 1);
              if (!q.statuses().isEmpty()) {
                query.bindList(
                    "statuses",
                    q.statuses().stream().map(Enum::name).sorted().collect(Collectors.toList()));
              }
              if (q.projectId() != null) {
                query.bind("projectId", q.projectId());
              }
              if (q.createdAfterMillis() != null) {
                query.bind("createdAfter", q.createdAfterMillis());
              }
              if (q.after() != null) {
                query.bind("cursorCreated", q.after().createdAtMillis());
                query.bind("cursorId", q.after().jobId());
              }
              return query.map(JdbiJobStore::map).list();
            });
    if (rows.size() <= q.pageSize()) {
      return new JobPage(rows, null);
    }
    List<JobRecord> page = rows.subList(0, q.pageSize());
    JobRecord last = page.get(page.size() - 1);
    return new JobPage(
        List.copyOf(page), new JobQuery.Cursor(last.createdAtMillis(), last.jobId()));
  }

  @Override
  public List<JobRecord> listByStatus(JobStatus... statuses) {
    return db.call(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM jobs WHERE status IN (<statuses>)"
                        + " ORDER BY created_at_millis, job_id")
                .bindList("statuses", Arrays.stream(statuses).map(Enum::name).toList())
                .map(JdbiJobStore::map)
                .list());
  }

  @Override
  public boolean markRunning(String jobId, long startedAtMillis) {
    return changed(
        "UPDATE jobs SET status = 'RUNNING', started_at_millis = :at, attempts = attempts + 1,"
            + " error_message = NULL WHERE job_id = :id AND status = 'PENDING'",
        "at",
        startedAtMillis,
        "id",
        jobId);
  }

  @Override
  public void setProcess(String jobId, long processId, Long processStartMillis) {
    changed(
        "UPDATE jobs SET process_id = :pid, process_start_millis = :start WHERE job_id = :id",
        "pid",
        processId,
        "start",
        processStartMillis,
        "id",
        jobId);
  }

  @Override
  public void updateProgress(String jobId, int testsCompleted, int testsTotal) {
    changed(
        "UPDATE jobs SET tests_completed = :done, tests_total = :total"
            + " WHERE job_id = :id AND status = 'RUNNING'",
        "done",
        testsCompleted,
        "total",
        testsTotal,
        "id",
        jobId);
  }

  @Override
  public boolean markSucceeded(String jobId, String testRunId, long endedAtMillis) {
    return changed(
        "UPDATE jobs SET status = 'SUCCEEDED', test_run_id = :run, ended_at_millis = :at,"
            + " tests_completed = tests_total WHERE job_id = :id AND status = 'RUNNING'",
        "run",
        testRunId,
        "at",
        endedAtMillis,
        "id",
        jobId);
  }

  @Override
  public boolean markFailed(String jobId, String errorMessage, long endedAtMillis) {
    return changed(
        "UPDATE jobs SET status = 'FAILING', error_message = :msg, ended_at_millis = :at"
            + " WHERE job_id = :id AND status IN ('PENDING', 'RUNNING')",
        "msg",
        errorMessage,
        "at",
        endedAtMillis,
        "id",
        jobId);
  }

  @Override
  public boolean cancelPending(String jobId, long endedAtMillis) {
    return changed(
        "UPDATE jobs SET status = 'CANCELLED', ended_at_millis = :at, cancellation_requested = 1"
            + " WHERE job_id = :id AND status = 'PENDING'",
        "at",
        endedAtMillis,
        "id",
        jobId);
  }

  @Override
  public boolean markCancelled(String jobId, long endedAtMillis) {
    return changed(
        "UPDATE jobs SET status = 'CANCELLED', ended_at_millis = :at, cancellation_requested = 1"
            + " WHERE job_id = :id AND status = 'RUNNING'",
        "at",
        endedAtMillis,
        "id",
        jobId);
  }

  @Override
  public boolean requestCancellation(String jobId) {
    return changed(
        "UPDATE jobs SET cancellation_requested = 1 WHERE job_id = :id AND status = 'RUNNING'",
        "id",
        jobId);
  }

  @Override
  public boolean requeue(String jobId, String reason) {
    return changed(
        "UPDATE jobs SET status = 'PENDING', started_at_millis = NULL, process_id = NULL,"
            + " process_start_millis = NULL, tests_completed = NULL, tests_total = NULL,"
            + " error_message = :reason WHERE job_id = :id AND status = 'RUNNING'",
        "reason",
        reason,
        "id",
        jobId);
  }

  private static JobRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new JobRecord(
        rs.getString("job_id"),
        rs.getString("project_id"),
        rs.getString("name"),
        JobType.valueOf(rs.getString("job_type")),
        JobStatus.valueOf(rs.getString("status")),
        rs.getString("config_json"),
        rs.getString("base_dir"),
        rs.getInt("ram_request_mb"),
        rs.getInt("cpu_request_millicores"),
        rs.getString("managed_image"),
        rs.getString("custom_image_name"),
        rs.getString("custom_image_pull_secret"),
        rs.getLong("created_at_millis"),
        nullableLong(rs, "started_at_millis"),
        nullableLong(rs, "ended_at_millis"),
        nullableInt(rs, "tests_completed"),
        nullableInt(rs, "tests_total"),
        rs.getString("error_message"),
        rs.getString("test_run_id"),
        rs.getInt("cancellation_requested") == 1,
        rs.getInt("attempts"),
        nullableLong(rs, "process_id"),
        nullableLong(rs, "process_start_millis"));
  }

  /**
   * Runs a conditional update with named parameters ({@code name, value, name, value, ...}) and
   * answers whether it changed the job.
   */
  private boolean changed(String sql, Object... params) {
    return db.call(
            h -> {
              var update = h.createUpdate(sql);
              for (int i = 0; i < params.length; i += 2) {
                update.bind((String) params[i], params[i + 1]);
              }
              return update.execute();
            })
        == 1;
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }
}
