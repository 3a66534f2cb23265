// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Calls;
import dev.rime.api.CtInstance;
import dev.rime.api.Job;
import dev.rime.api.ListCtBinsResponse;
import dev.rime.api.Operation;
import dev.rime.api.StartIncrementalContinuousTestRequest;
import dev.rime.api.TimeSeriesResponse;
import dev.rime.sdk.Transport.Query;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A continuous-test (CT) instance in the RIME backend (the seed's {@code RIMECTInstance}): a
 * stress-test run whose evaluation data is tested again bin by bin over time. The handle holds only
 * the id; every call asks the server afresh. Two handles are equal when they name the same
 * instance.
 *
 * <pre>{@code
 * RimeCtInstance ct = client.getActiveCtInstanceForProject(projectId);
 * ContinuousTestJob job = ct.startIncrementalContinuousTest(
 *     Map.of("eval_path", "/data/may.csv", "timestamp_col", "timestamp"));
 * job.getStatus(true, true, 5.0);
 * TimeSeriesResponse psi = ct.getTimeSeries("prediction_drift_psi");
 * }</pre>
 */
public final class RimeCtInstance {

  private final RimeClient client;
  private final String ctInstanceId;

  RimeCtInstance(RimeClient client, String ctInstanceId) {
    this.client = client;
    this.ctInstanceId = ctInstanceId;
  }

  /** How to refer to the instance in the backend. */
  public String ctInstanceId() {
    return ctInstanceId;
  }

  /** Every field of the instance as the server reports it now. */
  public CtInstance info() {
    return client.fetchCtInstance(ctInstanceId);
  }

  /**
   * Marks the instance active: any other instance of its project is deactivated in the same
   * transaction, and this one is the project's active instance.
   *
   * @return the instance after the change
   */
  @Calls(Operation.ACTIVATE_CT_INSTANCE)
  public CtInstance activateCtInstance() {
    return client
        .transport()
        .json(
            Operation.ACTIVATE_CT_INSTANCE,
            List.of(ctInstanceId),
            Query.none(),
            null,
            CtInstance.class);
  }

  /**
   * Marks the instance inactive.
   *
   * @return the instance after the change
   */
  @Calls(Operation.DEACTIVATE_CT_INSTANCE)
  public CtInstance deactivateCtInstance() {
    return client
        .transport()
        .json(
            Operation.DEACTIVATE_CT_INSTANCE,
            List.of(ctInstanceId),
            Query.none(),
            null,
            CtInstance.class);
  }

  /** {@code startIncrementalContinuousTest(config, IncrementalTestOptions.defaults())}. */
  public ContinuousTestJob startIncrementalContinuousTest(Map<String, Object> testRunConfig) {
    return startIncrementalContinuousTest(testRunConfig, IncrementalTestOptions.defaults());
  }

  /**
   * Starts an incremental continuous test: the new evaluation data is cut into the instance's bins
   * and each bin is tested against the instance's reference. Data spanning many bins comes in one
   * file. Bins the instance already has are kept unless {@code overrideExistingBins}.
   *
   * @param testRunConfig {@code {eval_path, timestamp_col}} and optionally {@code eval_pred_path};
   *     {@link RimeClient#loadConfig} makes the paths of such a file absolute
   * @throws InvalidConfigException when the server rejects the config (the key is named)
   * @throws NotFoundException when the instance does not exist
   */
  @Calls(Operation.START_INCREMENTAL_CONTINUOUS_TEST)
  public ContinuousTestJob startIncrementalContinuousTest(
      Map<String, Object> testRunConfig, IncrementalTestOptions options) {
    Objects.requireNonNull(testRunConfig, "testRunConfig");
    Objects.requireNonNull(options, "options");
    StressTestOptions o = options.job();
    StartIncrementalContinuousTestRequest request =
        new StartIncrementalContinuousTestRequest(
            testRunConfig,
            options.overrideExistingBins(),
            o.rimeManagedImage(),
            o.customImage(),
            o.ramRequestMegabytes(),
            o.cpuRequestMillicores());
    Job job =
        client
            .transport()
            .json(
                Operation.START_INCREMENTAL_CONTINUOUS_TEST,
                List.of(ctInstanceId),
                Query.none(),
                request,
                Job.class);
    return new ContinuousTestJob(client, job.jobId());
  }

  /** Every tested bin of the instance, oldest first, each with its test run. */
  @Calls(Operation.LIST_CT_BINS)
  public List<ContinuousTestBin> listBins() {
    ListCtBinsResponse r =
        client
            .transport()
            .json(
                Operation.LIST_CT_BINS,
                List.of(ctInstanceId),
                Query.none(),
                null,
                ListCtBinsResponse.class);
    return r.bins() == null
        ? List.of()
        : r.bins().stream().map(b -> new ContinuousTestBin(client, b)).toList();
  }

  /** The overall time series of a metric over the instance's bins (see {@link #getTimeSeries}). */
  public TimeSeriesResponse getTimeSeries(String metric) {
    return getTimeSeries(metric, null);
  }

  /**
   * One metric over the instance's bins, oldest first: overall, or of one feature. Metric ids are
   * listed in {@code docs/continuous-testing.md} (e.g. {@code prediction_drift_psi}, {@code
   * feature_drift_psi} per feature, {@code test_pass_rate}).
   *
   * @param feature the feature, or null for the overall series
   * @throws InvalidArgumentException (field {@code metric}) when the instance has no such metric
   */
  @Calls(Operation.GET_CT_TIME_SERIES)
  public TimeSeriesResponse getTimeSeries(String metric, String feature) {
    Objects.requireNonNull(metric, "metric");
    return client
        .transport()
        .json(
            Operation.GET_CT_TIME_SERIES,
            List.of(ctInstanceId),
            Query.none().add("metric", metric).add("feature", feature),
            null,
            TimeSeriesResponse.class);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RimeCtInstance other && ctInstanceId.equals(other.ctInstanceId);
  }

  @Override
  public int hashCode() {
    return ctInstanceId.hashCode();
  }

  @Override
  public String toString() {
    return "RimeCtInstance[" + ctInstanceId + "]";
  }
}
