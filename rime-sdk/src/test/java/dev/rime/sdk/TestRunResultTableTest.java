// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.Json;
import dev.rime.api.ResultSchemas;
import dev.rime.api.TestRunResponse;
import dev.rime.api.result.MetricPair;
import dev.rime.api.result.SummaryCounts;
import dev.rime.api.result.TestRunSummary;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The run summary in each result schema version, read from the committed golden answers. */
class TestRunResultTableTest {

  private static TestRunResponse golden(String version) {
    return Json.lenient()
        .readValue(
            Fixtures.resource("golden/" + version + "/get-test-run.json"), TestRunResponse.class);
  }

  private static TestRunResultTable read(String version) {
    TestRunResponse r = golden(version);
    return new TestRunResultTable(r.schemaVersion(), r.testRun());
  }

  @Test
  void reads_version_0_14_0_with_the_seeds_columns() {
    TestRunResultTable run = read("0.14.0");

    assertThat(run.size()).isEqualTo(1);
    assertThat(run.columns())
        .containsExactly(
            "metadata.id",
            "metadata.name",
            "metadata.project_id",
            "metadata.model_task",
            "metadata.upload_time",
            "model_source_info.name",
            "data_source_info.ref.name",
            "data_source_info.eval.name",
            "metrics.duration_millis",
            "metrics.num_inputs",
            "metrics.num_failing_inputs",
            "metrics.summary_counts.total",
            "metrics.summary_counts.pass",
            "metrics.summary_counts.warning",
            "metrics.summary_counts.fail",
            "metrics.severity_counts.none",
            "metrics.severity_counts.low",
            "metrics.severity_counts.medium",
            "metrics.severity_counts.high");
    ResultRow row = run.row();
    assertThat(row.getString("metadata.upload_time")).isEqualTo("2025-11-28T10:00:00Z");
    assertThat(row.getDouble("metrics.duration_millis")).isEqualTo(8450.0);
    assertThat(row.getLong("metrics.num_failing_inputs")).isEqualTo(12L);
    assertThat(row.getLong("metrics.severity_counts.high")).isEqualTo(1L);
  }

  @Test
  void the_typed_summary_is_refused_for_version_0_14_0() {
    assertThatThrownBy(() -> read("0.14.0").summary())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("typed summary exists for result schema version 1.0.0")
        .hasMessageContaining("this result is in version 0.14.0")
        .hasMessageContaining("use the table");
  }

  @Test
  void reads_version_1_0_0() {
    TestRunResultTable run = read("1.0.0");

    assertThat(run.schemaVersion()).isEqualTo("1.0.0");
    assertThat(run.columns())
        .startsWith("test_run_id", "job_id", "project_id", "name", "model_task")
        .contains(
            "ref.sha256",
            "summary_counts.skip",
            "model_perf.AUC.eval_metric",
            "features",
            "provenance.config.data_info.label_col")
        .hasSize(42);
    ResultRow row = run.row();
    assertThat(row.getLong("duration_millis")).isEqualTo(8450L);
    assertThat(row.getDouble("model_perf.AUC.eval_metric")).isEqualTo(0.8125);
    assertThat(row.get("model_perf.Accuracy.eval_metric")).isNull();
    assertThat(row.getList("features")).hasSize(2);
  }

  @Test
  void reads_version_1_0_0_as_a_typed_summary() {
    TestRunSummary s = read("1.0.0").summary();

    assertThat(s.testRunId()).isEqualTo("run-7f3a");
    assertThat(s.startTimeSecs()).isEqualTo(1764324000L);
    assertThat(s.summaryCounts()).isEqualTo(new SummaryCounts(4, 1, 1, 1, 1));
    assertThat(s.modelPerf()).containsEntry("AUC", new MetricPair(0.8612, 0.8125));
    assertThat(s.eval().rows()).isEqualTo(179);
    assertThat(s.features()).extracting(f -> f.name()).containsExactly("Age", "Sex");
    assertThat(s.provenance().randomSeed()).isEqualTo(42L);
  }

  @Test
  void a_later_minor_version_still_reads_as_a_typed_summary() {
    TestRunResponse r = golden("1.0.0");
    TestRunResultTable run = new TestRunResultTable("1.1.0", r.testRun());

    assertThat(run.summary().name()).isEqualTo("Titanic");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.14.0", "1.0.0"})
  void csv_export_matches_the_committed_csv(String version) throws Exception {
    StringWriter csv = new StringWriter();

    read(version).writeCsv(csv);

    assertThat(csv.toString().replace("\r\n", "\n"))
        .isEqualTo(Fixtures.resource("golden/" + version + "/test-run.csv"));
  }

  @Test
  void runs_concatenate_into_one_table() {
    ResultTable both = ResultTable.concat(List.of(read("0.14.0"), read("0.14.0")));

    assertThat(both.size()).isEqualTo(2);
    assertThat(both.columns()).isEqualTo(read("0.14.0").columns());
  }

  @Test
  void golden_files_agree_with_the_contracts_result_schemas() {
    TestRunSummary latest = read("1.0.0").summary();

    assertThat(roundTrip(ResultSchemas.testRun(latest, "1.0.0")))
        .isEqualTo(roundTrip(golden("1.0.0").testRun()));
    assertThat(roundTrip(ResultSchemas.testRun(latest, "0.14.0")))
        .isEqualTo(roundTrip(golden("0.14.0").testRun()));
  }

  private static Object roundTrip(Object value) {
    return Json.lenient().readTree(Json.lenient().writeValueAsString(value));
  }
}
