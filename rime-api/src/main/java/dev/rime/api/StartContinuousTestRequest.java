// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.Map;

/**
 * Body of {@code startContinuousTestFromReference}: a stress-test config with {@code
 * continuous_info: {timestamp_col, bin_size: "hour"|"day"}}. The job runs the stress test, creates
 * a CT instance on it (named {@code ctInstanceName}, or after the config's {@code run_name}), and
 * tests each time bin of the evaluation data. Images and resource requests as for {@link
 * StartStressTestRequest}.
 */
public record StartContinuousTestRequest(
    Map<String, Object> testRunConfig,
    String projectId,
    String ctInstanceName,
    String rimeManagedImage,
    CustomImage customImage,
    Integer ramRequestMegabytes,
    Integer cpuRequestMillicores) {}
