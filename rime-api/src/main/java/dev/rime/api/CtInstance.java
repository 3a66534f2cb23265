// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * A continuous-test (CT) instance: a stress-test run of a project whose evaluation data is tested
 * again, bin by bin, over time (the seed's {@code RIMECTInstance}). {@code testRunId} is the
 * reference stress-test run (the seed's {@code ot_test_run_id}); {@code binSizeSeconds} is 3600
 * (hourly) or 86400 (daily). At most one instance of a project is active.
 */
public record CtInstance(
    String ctInstanceId,
    String name,
    long binSizeSeconds,
    String testRunId,
    String projectId,
    boolean isActive,
    long createdTimeSecs) {

  /** Bin sizes a CT instance may have: hourly and daily. */
  public static final java.util.List<Long> BIN_SIZES_SECONDS = java.util.List.of(3600L, 86400L);
}
