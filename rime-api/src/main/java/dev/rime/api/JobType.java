// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/** Type of a job, as in the seed. */
public enum JobType {
  MODEL_STRESS_TEST,
  UNKNOWN_JOB_TYPE
}
