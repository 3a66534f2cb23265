// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.result;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import java.util.List;
import java.util.Map;

/**
 * One test case: one test applied to one feature (or to a group of features, or to the whole
 * dataset).
 *
 * @param testRunId the run it belongs to; null until the server stores it
 * @param testId the test's stable id, its config key (e.g. {@code unseen_categorical})
 * @param testBatchType the test's display name (e.g. {@code Unseen Categorical})
 * @param category the test's category (e.g. {@code Abnormal Inputs})
 * @param features the features the case is about; empty for dataset-wide tests
 * @param status PASS, WARNING, FAIL or SKIP
 * @param severity NONE unless the case failed
 * @param importanceScore the case's measured impact on the model (what it is depends on the test;
 *     the description says), or null when it could not be measured
 * @param metrics named numeric measurements; a value is null when it is undefined (e.g. AUC of a
 *     subset with one class)
 * @param description one or two sentences saying what was measured and why the status follows
 * @param details structured extras: thresholds used, failing examples, per-subset tables
 */
public record TestCase(
    String testRunId,
    String testId,
    String testBatchType,
    String category,
    List<String> features,
    TestStatus status,
    Severity severity,
    Double importanceScore,
    Map<String, Double> metrics,
    String description,
    Map<String, Object> details) {

  /** The same case filed under {@code testRunId}. */
  public TestCase withTestRunId(String testRunId) {
    return new TestCase(
        testRunId,
        testId,
        testBatchType,
        category,
        features,
        status,
        severity,
        importanceScore,
        metrics,
        description,
        details);
  }
}
