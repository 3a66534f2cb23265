// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/** Severity of a test case; {@code NONE} when the test did not fail. Ordered from least to most. */
public enum Severity {
  NONE,
  LOW,
  MEDIUM,
  HIGH;

  /** The more severe of the two. */
  public Severity max(Severity other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** Whether this severity is at least {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() >= other.ordinal();
  }

  /** Parses a severity name (case-insensitive). */
  public static Severity parse(String value) {
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(value.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + value + "'; expected one of none, low, medium, high");
  }
}
