// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.result;

/** Test cases of a run counted by severity. */
public record SeverityCounts(int none, int low, int medium, int high) {}
