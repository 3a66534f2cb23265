// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.Json;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunSummary;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

final class JdbiTestRunStore implements TestRunStore {

  private final Db db;

  JdbiTestRunStore(Db db) {
    this.db = db;
  }

  @Override
  public void insert(TestRunSummary summary, List<TestCase> testCases, long createdAtMillis) {
    if (summary.testRunId() == null || summary.jobId() == null || summary.projectId() == null) {
      throw new IllegalArgumentException("a stored test run needs its run, job and project ids");
    }
    db.inTransaction(
        () ->
            db.call(
                h -> {
                  h.createUpdate(
                          "INSERT INTO test_runs (test_run_id, job_id, project_id, name,"
                              + " created_at_millis, summary_json)"
                              + " VALUES (:id, :job, :project, :name, :created, :json)")
                      .bind("id", summary.testRunId())
                      .bind("job", summary.jobId())
                      .bind("project", summary.projectId())
                      .bind("name", summary.name())
                      .bind("created", createdAtMillis)
                      .bind("json", Json.lenient().writeValueAsString(summary))
                      .execute();
                  PreparedBatch batch =
                      h.prepareBatch(
                          "INSERT INTO test_cases (test_run_id, seq, test_id, test_batch_type,"
                              + " category, status, severity, case_json)"
                              + " VALUES (:run, :seq, :testId, :type, :category, :status,"
                              + " :severity, :json)");
                  int seq = 0;
                  for (TestCase c : testCases) {
                    TestCase stored = c.withTestRunId(summary.testRunId());
                    batch
                        .bind("run", summary.testRunId())
                        .bind("seq", seq++)
                        .bind("testId", stored.testId())
                        .bind("type", stored.testBatchType())
                        .bind("category", stored.category())
                        .bind("status", stored.status().name())
                        .bind("severity", stored.severity().name())
                        .bind("json", Json.lenient().writeValueAsString(stored))
                        .add();
                  }
                  if (seq > 0) {
                    batch.execute();
                  }
                  return null;
                }));
  }

  @Override
  public Optional<TestRunSummary> get(String testRunId) {
    return db.call(
            h ->
                h.createQuery("SELECT summary_json FROM test_runs WHERE test_run_id = :id")
                    .bind("id", testRunId)
                    .mapTo(String.class)
                    .findOne())
        .map(json -> Json.lenient().readValue(json, TestRunSummary.class));
  }

  @Override
  public TestCasePage listCases(String testRunId, int afterSeq, int pageSize) {
    List<SeqJson> rows =
        db.call(
            h ->
                h.createQuery(
                        "SELECT seq, case_json FROM test_cases WHERE test_run_id = :id"
                            + " AND seq > :after ORDER BY seq LIMIT :limit")
                    .bind("id", testRunId)
                    .bind("after", afterSeq)
                    .bind("limit", pageSize + 1)
                    .map((rs, ctx) -> new SeqJson(rs.getInt("seq"), rs.getString("case_json")))
                    .list());
    boolean more = rows.size() > pageSize;
    List<SeqJson> page = more ? rows.subList(0, pageSize) : rows;
    List<TestCase> cases =
        page.stream().map(r -> Json.lenient().readValue(r.json(), TestCase.class)).toList();
    return new TestCasePage(cases, more ? page.get(page.size() - 1).seq() : null);
  }

  private record SeqJson(int seq, String json) {}
}
