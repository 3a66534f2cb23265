// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Json;
import dev.rime.api.ResultSchemas;
import dev.rime.api.result.TestRunSummary;
import java.util.List;
import java.util.Map;

/**
 * The summary of a stress-test run as a one-row table: what {@link
 * StressTestJob#getTestRunResult(String)} returns. Its columns depend on the schema version: for
 * {@code 0.14.0} {@code metadata.id, metadata.name, ..., metrics.summary_counts.total, ...,
 * metrics.severity_counts.high}; for {@code 1.0.0} the fields of {@link TestRunSummary} flattened
 * ({@code ref.path}, {@code summary_counts.fail}, {@code model_perf.AUC.eval_metric}, ...). Join
 * the tables of several runs with {@link ResultTable#concat(java.util.Collection)} to compare them.
 */
public final class TestRunResultTable extends ResultTable {

  private final Map<String, Object> record;

  TestRunResultTable(String schemaVersion, Map<String, Object> record) {
    super(schemaVersion, flattenAll(List.of(record)));
    this.record = record;
  }

  /** The one row. */
  public ResultRow row() {
    return row(0);
  }

  /**
   * The summary as a typed record. Exists for result schema {@value ResultSchemas#LATEST} (and
   * later versions of the same major version, read leniently).
   *
   * @throws IllegalStateException when the result is in an older schema version; read it through
   *     the table then
   */
  public TestRunSummary summary() {
    if (!major(ResultSchemas.LATEST).equals(major(schemaVersion()))) {
      throw new IllegalStateException(
          "The typed summary exists for result schema version "
              + ResultSchemas.LATEST
              + "; this result is in version "
              + schemaVersion()
              + ": use the table (columns(), row().get(...)) or ask for version "
              + ResultSchemas.LATEST);
    }
    return Json.lenient().convertValue(record, TestRunSummary.class);
  }

  private static String major(String version) {
    if (version == null) {
      return "";
    }
    int dot = version.indexOf('.');
    return dot < 0 ? version : version.substring(0, dot);
  }
}
