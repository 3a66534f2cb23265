// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/** Outcome of one test case. */
public enum TestStatus {
  PASS,
  WARNING,
  FAIL,
  SKIP
}
