// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * Type of a job, as in the seed; {@code FIREWALL_BATCH_TEST} (the reference's name for batch
 * continuous tests) is a continuous test, started from a reference or incremental.
 */
public enum JobType {
  MODEL_STRESS_TEST,
  FIREWALL_BATCH_TEST,
  UNKNOWN_JOB_TYPE
}
