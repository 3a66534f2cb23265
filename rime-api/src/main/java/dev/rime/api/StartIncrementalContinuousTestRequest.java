// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.Map;

/**
 * Body of {@code startIncrementalContinuousTest}: new evaluation data for a CT instance, {@code
 * testRunConfig = {eval_path, timestamp_col}} plus optional {@code eval_pred_path}. Bins the
 * instance already has are kept (and not tested again) unless {@code overrideExistingBins}. Images
 * and resource requests as for {@link StartStressTestRequest}.
 */
public record StartIncrementalContinuousTestRequest(
    Map<String, Object> testRunConfig,
    Boolean overrideExistingBins,
    String rimeManagedImage,
    CustomImage customImage,
    Integer ramRequestMegabytes,
    Integer cpuRequestMillicores) {}
