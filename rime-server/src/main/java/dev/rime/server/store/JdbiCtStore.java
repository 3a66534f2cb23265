// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.ContinuousTestRun;
import dev.rime.api.CtBin;
import dev.rime.api.CtInstance;
import dev.rime.api.Json;
import dev.rime.api.TimeSeriesResponse;
import dev.rime.api.result.ContinuousRunResult.TimeSeriesValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import tools.jackson.core.type.TypeReference;

final class JdbiCtStore implements CtStore {

  /** The stored feature of an overall value (a key column cannot be null on PostgreSQL). */
  static final String OVERALL = "";

  private static final String COLUMNS =
      "ct_instance_id, project_id, name, bin_size_seconds, test_run_id, is_active,"
          + " created_at_millis";
  private static final String BIN_COLUMNS =
      "start_time_secs, end_time_secs, row_count, test_run_id, job_id, created_at_millis";

  private final Db db;

  JdbiCtStore(Db db) {
    this.db = db;
  }

  @Override
  public void insert(CtInstance c, String createdByJobId, long createdAtMillis) {
    try {
      db.call(
          h ->
              h.createUpdate(
                      "INSERT INTO ct_instances ("
                          + COLUMNS
                          + ", created_by_job_id) VALUES (:id, :project, :name, :bin, :run,"
                          + " :active, :created, :job)")
                  .bind("id", c.ctInstanceId())
                  .bind("project", c.projectId())
                  .bind("name", c.name())
                  .bind("bin", c.binSizeSeconds())
                  .bind("run", c.testRunId())
                  .bind("active", c.isActive() ? 1 : 0)
                  .bind("created", createdAtMillis)
                  .bind("job", createdByJobId)
                  .execute());
    } catch (RuntimeException e) {
      if (DuplicateKeyException.isUniqueViolation(e)) {
        throw new DuplicateKeyException(
            "CT instance " + c.ctInstanceId() + " exists, or its project has an active one", e);
      }
      throw e;
    }
  }

  @Override
  public Optional<CtInstance> get(String ctInstanceId) {
    return one("ct_instance_id = :v", ctInstanceId);
  }

  @Override
  public Optional<CtInstance> getActive(String projectId) {
    return one("project_id = :v AND is_active = 1", projectId);
  }

  @Override
  public Optional<CtInstance> findCreatedBy(String jobId) {
    return one("created_by_job_id = :v", jobId);
  }

  private Optional<CtInstance> one(String where, String value) {
    return db.call(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM ct_instances WHERE " + where)
                .bind("v", value)
                .map(JdbiCtStore::map)
                .findFirst());
  }

  @Override
  public boolean setActive(String ctInstanceId, boolean active) {
    return db.inTransaction(
        () ->
            db.call(
                h -> {
                  if (active) {
                    // deactivate the others first: the partial unique index allows one active
                    h.createUpdate(
                            "UPDATE ct_instances SET is_active = 0 WHERE is_active = 1"
                                + " AND ct_instance_id <> :id AND project_id = (SELECT project_id"
                                + " FROM ct_instances WHERE ct_instance_id = :id)")
                        .bind("id", ctInstanceId)
                        .execute();
                  }
                  return h.createUpdate(
                              "UPDATE ct_instances SET is_active = :active"
                                  + " WHERE ct_instance_id = :id")
                          .bind("active", active ? 1 : 0)
                          .bind("id", ctInstanceId)
                          .execute()
                      == 1;
                }));
  }

  @Override
  public List<Long> binStarts(String ctInstanceId) {
    return db.call(
        h ->
            h.createQuery(
                    "SELECT start_time_secs FROM ct_bins WHERE ct_instance_id = :id"
                        + " ORDER BY start_time_secs")
                .bind("id", ctInstanceId)
                .mapTo(Long.class)
                .list());
  }

  @Override
  public boolean putBin(
      String ctInstanceId, CtBin bin, List<TimeSeriesValue> values, boolean replace) {
    Set<String> seen = new HashSet<>();
    for (TimeSeriesValue v : values) {
      if (v.metric() == null || v.metric().isBlank()) {
        throw new IllegalArgumentException(
            "bin " + bin.startTimeSecs() + " has a time-series value without a metric id");
      }
      if (!seen.add(v.metric() + "\u0000" + feature(v.feature()))) {
        throw new IllegalArgumentException(
            "bin "
                + bin.startTimeSecs()
                + " has metric "
                + v.metric()
                + (v.feature() == null ? "" : " of feature " + v.feature())
                + " twice");
      }
    }
    return db.inTransaction(
        () ->
            db.call(
                h -> {
                  boolean exists =
                      h.createQuery(
                                  "SELECT COUNT(*) FROM ct_bins WHERE ct_instance_id = :id"
                                      + " AND start_time_secs = :start")
                              .bind("id", ctInstanceId)
                              .bind("start", bin.startTimeSecs())
                              .mapTo(Integer.class)
                              .one()
                          > 0;
                  if (exists && !replace) {
                    return false;
                  }
                  if (exists) {
                    for (String table : List.of("ct_metric_values", "ct_bins")) {
                      h.createUpdate(
                              "DELETE FROM "
                                  + table
                                  + " WHERE ct_instance_id = :id AND start_time_secs = :start")
                          .bind("id", ctInstanceId)
                          .bind("start", bin.startTimeSecs())
                          .execute();
                    }
                  }
                  h.createUpdate(
                          "INSERT INTO ct_bins (ct_instance_id, "
                              + BIN_COLUMNS
                              + ") VALUES (:id, :start, :end, :rows, :run, :job, :created)")
                      .bind("id", ctInstanceId)
                      .bind("start", bin.startTimeSecs())
                      .bind("end", bin.endTimeSecs())
                      .bind("rows", bin.rows())
                      .bind("run", bin.testRunId())
                      .bind("job", bin.jobId())
                      .bind("created", bin.createdTimeSecs() * 1000L)
                      .execute();
                  if (!values.isEmpty()) {
                    PreparedBatch batch =
                        h.prepareBatch(
                            "INSERT INTO ct_metric_values (ct_instance_id, metric, feature,"
                                + " start_time_secs, metric_value)"
                                + " VALUES (:id, :metric, :feature, :start, :value)");
                    for (TimeSeriesValue v : values) {
                      Double value =
                          v.value() == null || v.value().isNaN() || v.value().isInfinite()
                              ? null
                              : v.value();
                      batch
                          .bind("id", ctInstanceId)
                          .bind("metric", v.metric())
                          .bind("feature", feature(v.feature()))
                          .bind("start", bin.startTimeSecs())
                          .bind("value", value)
                          .add();
                    }
                    batch.execute();
                  }
                  return true;
                }));
  }

  @Override
  public List<CtBin> listBins(String ctInstanceId) {
    return db.call(
        h ->
            h.createQuery(
                    "SELECT "
                        + BIN_COLUMNS
                        + " FROM ct_bins WHERE ct_instance_id = :id ORDER BY start_time_secs")
                .bind("id", ctInstanceId)
                .map(
                    (rs, ctx) ->
                        new CtBin(
                            rs.getLong("start_time_secs"),
                            rs.getLong("end_time_secs"),
                            rs.getLong("row_count"),
                            rs.getString("test_run_id"),
                            rs.getString("job_id"),
                            rs.getLong("created_at_millis") / 1000L))
                .list());
  }

  @Override
  public List<TimeSeriesResponse.Point> series(String ctInstanceId, String metric, String feature) {
    return db.call(
        h ->
            h.createQuery(
                    "SELECT v.start_time_secs, b.end_time_secs, v.metric_value"
                        + " FROM ct_metric_values v JOIN ct_bins b"
                        + " ON b.ct_instance_id = v.ct_instance_id"
                        + " AND b.start_time_secs = v.start_time_secs"
                        + " WHERE v.ct_instance_id = :id AND v.metric = :metric"
                        + " AND v.feature = :feature ORDER BY v.start_time_secs")
                .bind("id", ctInstanceId)
                .bind("metric", metric)
                .bind("feature", feature(feature))
                .map(
                    (rs, ctx) -> {
                      long start = rs.getLong("start_time_secs");
                      long end = rs.getLong("end_time_secs");
                      double v = rs.getDouble("metric_value");
                      return new TimeSeriesResponse.Point(start, end, rs.wasNull() ? null : v);
                    })
                .list());
  }

  @Override
  public void insertRun(ContinuousTestRun r) {
    db.call(
        h ->
            h.createUpdate(
                    "INSERT INTO ct_runs (job_id, ct_instance_id, mode, timestamp_col, row_count,"
                        + " unparseable_timestamps, unparseable_examples, tested_bins,"
                        + " skipped_bins) VALUES (:job, :ct, :mode, :ts, :rows, :bad, :examples,"
                        + " :tested, :skipped)")
                .bind("job", r.jobId())
                .bind("ct", r.ctInstanceId())
                .bind("mode", r.mode())
                .bind("ts", r.timestampCol())
                .bind("rows", r.rows())
                .bind("bad", r.unparseableTimestamps())
                .bind("examples", Json.lenient().writeValueAsString(r.unparseableExamples()))
                .bind("tested", Json.lenient().writeValueAsString(r.testedBins()))
                .bind("skipped", Json.lenient().writeValueAsString(r.skippedBins()))
                .execute());
  }

  @Override
  public Optional<ContinuousTestRun> getRun(String jobId) {
    return db.call(
        h ->
            h.createQuery("SELECT * FROM ct_runs WHERE job_id = :job")
                .bind("job", jobId)
                .map(
                    (rs, ctx) ->
                        new ContinuousTestRun(
                            rs.getString("job_id"),
                            rs.getString("ct_instance_id"),
                            rs.getString("mode"),
                            rs.getString("timestamp_col"),
                            rs.getLong("row_count"),
                            rs.getLong("unparseable_timestamps"),
                            Json.lenient().readValue(rs.getString("unparseable_examples"), STRINGS),
                            Json.lenient().readValue(rs.getString("tested_bins"), LONGS),
                            Json.lenient().readValue(rs.getString("skipped_bins"), LONGS)))
                .findOne());
  }

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<Long>> LONGS = new TypeReference<>() {};

  @Override
  public Set<String> metrics(String ctInstanceId) {
    List<String> metrics =
        db.call(
            h ->
                h.createQuery(
                        "SELECT DISTINCT metric FROM ct_metric_values WHERE ct_instance_id = :id")
                    .bind("id", ctInstanceId)
                    .mapTo(String.class)
                    .list());
    return new TreeSet<>(metrics);
  }

  private static String feature(String feature) {
    return feature == null ? OVERALL : feature;
  }

  private static CtInstance map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new CtInstance(
        rs.getString("ct_instance_id"),
        rs.getString("name"),
        rs.getLong("bin_size_seconds"),
        rs.getString("test_run_id"),
        rs.getString("project_id"),
        rs.getInt("is_active") == 1,
        rs.getLong("created_at_millis") / 1000L);
  }
}
