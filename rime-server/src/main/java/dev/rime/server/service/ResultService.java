// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import dev.rime.api.ListTestCasesResponse;
import dev.rime.api.ResultSchemas;
import dev.rime.api.TestRunResponse;
import dev.rime.api.result.TestRunSummary;
import dev.rime.server.store.TestRunStore;

/** Reading test runs and their cases, in whichever result schema version the client pinned. */
public final class ResultService {

  private final TestRunStore testRuns;

  public ResultService(TestRunStore testRuns) {
    this.testRuns = testRuns;
  }

  public TestRunResponse getTestRun(String testRunId, String version) {
    String v = resolve(version);
    TestRunSummary summary = summary(testRunId);
    return new TestRunResponse(v, ResultSchemas.testRun(summary, v));
  }

  public ListTestCasesResponse listTestCases(
      String testRunId, String version, Integer pageSize, String pageToken) {
    String v = resolve(version);
    summary(testRunId);
    int size = pageSize == null ? JobService.DEFAULT_PAGE_SIZE : pageSize;
    if (size < 1 || size > JobService.MAX_PAGE_SIZE) {
      throw ApiException.invalid(
          "page_size must be between 1 and " + JobService.MAX_PAGE_SIZE, "page_size");
    }
    TestRunStore.TestCasePage page =
        testRuns.listCases(testRunId, PageTokens.testCases(pageToken), size);
    return new ListTestCasesResponse(
        v,
        page.testCases().stream().map(c -> ResultSchemas.testCase(c, v)).toList(),
        PageTokens.testCases(page.nextAfterSeq()));
  }

  private TestRunSummary summary(String testRunId) {
    return testRuns
        .get(testRunId)
        .orElseThrow(() -> ApiException.notFound("test run", testRunId, "test_run_id"));
  }

  private static String resolve(String version) {
    try {
      return ResultSchemas.resolve(version);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(e.getMessage(), "version");
    }
  }
}
