// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunSummary;
import java.util.List;
import java.util.Optional;

/**
 * Test runs: the summary and the test cases, stored in their canonical shape (result schema {@value
 * dev.rime.api.ResultSchemas#LATEST}) and read back in pages. A run is written once, with all its
 * cases, inside the caller's transaction.
 */
public interface TestRunStore {

  /**
   * Stores a run and its cases, numbered in the order given. The summary must carry its test run,
   * job and project ids.
   */
  void insert(TestRunSummary summary, List<TestCase> testCases, long createdAtMillis);

  Optional<TestRunSummary> get(String testRunId);

  /** Cases with sequence number greater than {@code afterSeq} (−1 for the first page). */
  TestCasePage listCases(String testRunId, int afterSeq, int pageSize);

  /** One page of cases, and the sequence number to continue after (null on the last page). */
  record TestCasePage(List<TestCase> testCases, Integer nextAfterSeq) {}
}
