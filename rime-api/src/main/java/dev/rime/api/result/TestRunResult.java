// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.result;

import java.util.List;

/** Everything one engine run produces: the summary and every test case, in catalogue order. */
public record TestRunResult(TestRunSummary summary, List<TestCase> testCases) {}
