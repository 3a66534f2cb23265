// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Json;
import dev.rime.api.ListTestCasesResponse;
import dev.rime.api.ResultSchemas;
import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Test cases in each result schema version, read from the committed golden answers. */
class TestCasesResultTest {

  private static ListTestCasesResponse golden(String version) {
    return Json.lenient()
        .readValue(
            Fixtures.resource("golden/" + version + "/list-test-cases.json"),
            ListTestCasesResponse.class);
  }

  private static TestCasesResult read(String version) {
    ListTestCasesResponse page = golden(version);
    return new TestCasesResult(page.schemaVersion(), page.testCases());
  }

  @Test
  void reads_version_0_14_0() {
    TestCasesResult cases = read("0.14.0");

    assertThat(cases.schemaVersion()).isEqualTo("0.14.0");
    assertThat(cases.columns())
        .containsExactly(
            "test_run_id",
            "features",
            "test_batch_type",
            "status",
            "severity",
            "category",
            "test_category");
    assertThat(cases.size()).isEqualTo(4);
    assertThat(cases.column("test_batch_type"))
        .containsExactly("Unseen Categorical", "Numeric Outliers", "Subset AUC", "Label Drift");
    assertThat(cases.row(2).getList("features")).containsExactly("Pclass");
    assertThat(cases.row(3).getList("features")).isEmpty();
    assertThat(cases.row(2).getString("severity")).isEqualTo("HIGH");
  }

  @Test
  void reads_version_0_14_0_as_typed_test_cases_with_absent_fields_null() {
    List<TestCase> typed = read("0.14.0").testCases();

    assertThat(typed).hasSize(4);
    TestCase outliers = typed.get(1);
    assertThat(outliers.testRunId()).isEqualTo("run-7f3a");
    assertThat(outliers.testBatchType()).isEqualTo("Numeric Outliers");
    assertThat(outliers.category()).isEqualTo("Abnormal Inputs");
    assertThat(outliers.features()).containsExactly("Age");
    assertThat(outliers.status()).isEqualTo(TestStatus.WARNING);
    assertThat(outliers.severity()).isEqualTo(Severity.LOW);
    assertThat(outliers.testId()).isNull();
    assertThat(outliers.importanceScore()).isNull();
    assertThat(outliers.metrics()).isNull();
    assertThat(outliers.description()).isNull();
    assertThat(outliers.details()).isNull();
  }

  @Test
  void reads_version_1_0_0() {
    TestCasesResult cases = read("1.0.0");

    assertThat(cases.schemaVersion()).isEqualTo("1.0.0");
    assertThat(cases.columns())
        .containsExactly(
            "test_run_id",
            "test_id",
            "test_batch_type",
            "category",
            "features",
            "status",
            "severity",
            "importance_score",
            "metrics.num_failing_rows",
            "metrics.failing_rows_pct",
            "description",
            "details.severity_thresholds",
            "details.bounds.lower",
            "details.bounds.upper",
            "details.failing_examples",
            "metrics.worst_subset_auc",
            "metrics.overall_auc",
            "details.worst_subset");
    assertThat(cases.column("status")).containsExactly("PASS", "WARNING", "FAIL", "SKIP");
    assertThat(cases.column("importance_score")).containsExactly(0.0, 0.012, 0.21, null);
    ResultRow outliers = cases.row(1);
    assertThat(outliers.getDouble("details.bounds.upper")).isEqualTo(80.0);
    assertThat(outliers.getList("details.failing_examples")).containsExactly(81.5, 90.0, 95.0);
    assertThat(outliers.get("metrics.worst_subset_auc")).isNull();
    assertThat(cases.row(2).getDouble("metrics.worst_subset_auc")).isEqualTo(0.61);
  }

  @Test
  void reads_version_1_0_0_as_typed_test_cases() {
    List<TestCase> typed = read("1.0.0").testCases();

    TestCase subset = typed.get(2);
    assertThat(subset.testId()).isEqualTo("subset_auc");
    assertThat(subset.status()).isEqualTo(TestStatus.FAIL);
    assertThat(subset.severity()).isEqualTo(Severity.HIGH);
    assertThat(subset.importanceScore()).isEqualTo(0.21);
    assertThat(subset.metrics()).containsEntry("worst_subset_auc", 0.61);
    assertThat(subset.details()).containsEntry("worst_subset", "3");
    TestCase skipped = typed.get(3);
    assertThat(skipped.importanceScore()).isNull();
    assertThat(skipped.metrics()).isEmpty();
    assertThat(skipped.features()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.14.0", "1.0.0"})
  void csv_export_matches_the_committed_csv(String version) throws Exception {
    StringWriter csv = new StringWriter();

    read(version).writeCsv(csv);

    assertThat(csv.toString().replace("\r\n", "\n"))
        .isEqualTo(Fixtures.resource("golden/" + version + "/test-cases.csv"));
  }

  @Test
  void golden_files_agree_with_the_contracts_result_schemas() {
    List<TestCase> latest = read("1.0.0").testCases();
    List<Map<String, Object>> golden10 = golden("1.0.0").testCases();
    List<Map<String, Object>> golden014 = golden("0.14.0").testCases();

    for (int i = 0; i < latest.size(); i++) {
      assertThat(roundTrip(ResultSchemas.testCase(latest.get(i), "1.0.0")))
          .isEqualTo(roundTrip(golden10.get(i)));
      assertThat(roundTrip(ResultSchemas.testCase(latest.get(i), "0.14.0")))
          .isEqualTo(roundTrip(golden014.get(i)));
    }
  }

  private static Object roundTrip(Object value) {
    return Json.lenient().readTree(Json.lenient().writeValueAsString(value));
  }
}
