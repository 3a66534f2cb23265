// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.result;

import java.util.List;
import java.util.Map;

/**
 * The summary of one test run (result schema 1.0.0).
 *
 * @param testRunId set by the server when it stores the run; null in the engine's own output
 * @param jobId the job that produced the run; null when run from the CLI without a server
 * @param projectId the project it is filed under; null without a server
 * @param name the config's {@code run_name}
 * @param modelTask e.g. {@code Binary Classification}
 * @param startTimeSecs when the engine started, seconds since the epoch
 * @param durationMillis how long the engine ran
 * @param ref the reference dataset
 * @param eval the evaluation dataset
 * @param summaryCounts test cases by status
 * @param severityCounts test cases by severity
 * @param modelPerf model performance metrics by display name (e.g. {@code AUC}) on both datasets
 * @param numInputs rows of the evaluation data
 * @param numFailingInputs evaluation rows flagged by at least one abnormal-input test
 * @param features every column and the type it was given
 * @param provenance engine version, config, seed, runtime
 */
public record TestRunSummary(
    String testRunId,
    String jobId,
    String projectId,
    String name,
    String modelTask,
    long startTimeSecs,
    long durationMillis,
    DatasetSummary ref,
    DatasetSummary eval,
    SummaryCounts summaryCounts,
    SeverityCounts severityCounts,
    Map<String, MetricPair> modelPerf,
    long numInputs,
    long numFailingInputs,
    List<FeatureSummary> features,
    Provenance provenance) {

  /** The same summary filed under the given ids. */
  public TestRunSummary withIds(String testRunId, String jobId, String projectId) {
    return new TestRunSummary(
        testRunId,
        jobId,
        projectId,
        name,
        modelTask,
        startTimeSecs,
        durationMillis,
        ref,
        eval,
        summaryCounts,
        severityCounts,
        modelPerf,
        numInputs,
        numFailingInputs,
        features,
        provenance);
  }
}
