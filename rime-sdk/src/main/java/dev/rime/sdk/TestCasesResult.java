// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Json;
import dev.rime.api.result.TestCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Every test case of a stress-test run, one row each: what {@link
 * StressTestJob#getTestCasesResult(String)} returns. As a table it holds exactly the fields of its
 * schema version (for {@code 0.14.0}: {@code test_run_id, features, test_batch_type, status,
 * severity, category, test_category}; for {@code 1.0.0} every field of {@link TestCase}, with
 * {@code metrics} and {@code details} flattened into {@code metrics.<name>} and {@code
 * details.<key>} columns). {@link #testCases()} gives the same rows as typed records.
 */
public final class TestCasesResult extends ResultTable {

  private final List<Map<String, Object>> records;
  private List<TestCase> testCases;

  TestCasesResult(String schemaVersion, List<Map<String, Object>> records) {
    super(schemaVersion, flattenAll(records));
    this.records = records;
  }

  /**
   * The test cases as {@link TestCase} records, in row order. Fields the schema version does not
   * have stay null (in {@code 0.14.0}: {@code testId}, {@code importanceScore}, {@code metrics},
   * {@code description}, {@code details}); fields it has that the record lacks are left out.
   */
  public synchronized List<TestCase> testCases() {
    if (testCases == null) {
      List<TestCase> typed = new ArrayList<>(records.size());
      for (Map<String, Object> r : records) {
        typed.add(Json.lenient().convertValue(r, TestCase.class));
      }
      testCases = Collections.unmodifiableList(typed);
    }
    return testCases;
  }
}
