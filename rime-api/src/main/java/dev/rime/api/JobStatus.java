// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * Status of a job. The seed's values plus {@code CANCELLED}. A job moves PENDING → RUNNING →
 * SUCCEEDED | FAILING, or to CANCELLED from PENDING or RUNNING.
 */
public enum JobStatus {
  UNKNOWN_JOB_STATUS,
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILING,
  CANCELLED;

  /** Whether the job has ended and will not change status again. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILING || this == CANCELLED;
  }

  /** Parses a status name (case-insensitive), naming the accepted values when it is unknown. */
  public static JobStatus parse(String value) {
    for (JobStatus s : values()) {
      if (s.name().equalsIgnoreCase(value.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown job status '"
            + value
            + "'; expected one of "
            + java.util.Arrays.toString(values()));
  }
}
