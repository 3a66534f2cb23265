// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.Map;

/**
 * Body of {@code startStressTest}. {@code testRunConfig} is the seed's config dictionary as a JSON
 * object. At most one of {@code rimeManagedImage} and {@code customImage} may be given. Resource
 * requests default to 4000 MB and 1500 millicores; the limit is twice the request.
 */
public record StartStressTestRequest(
    Map<String, Object> testRunConfig,
    String projectId,
    String rimeManagedImage,
    CustomImage customImage,
    Integer ramRequestMegabytes,
    Integer cpuRequestMillicores) {

  public static final int DEFAULT_RAM_REQUEST_MEGABYTES = 4000;
  public static final int DEFAULT_CPU_REQUEST_MILLICORES = 1500;
}
