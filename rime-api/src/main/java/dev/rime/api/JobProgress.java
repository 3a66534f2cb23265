// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/** How far a running job is: tests completed out of the tests planned. */
public record JobProgress(int testsCompleted, int testsTotal) {}
