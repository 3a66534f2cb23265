// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.result;

/** Test cases of a run counted by status. */
public record SummaryCounts(int total, int pass, int warning, int fail, int skip) {}
