// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import dev.rime.api.result.ContinuousRunResult;
import dev.rime.api.result.TestRunResult;

/** How a job's process ended, as read from what it left behind. */
public sealed interface JobOutcome {

  /** The engine finished and wrote its result. */
  record Succeeded(TestRunResult result) implements JobOutcome {}

  /** A continuous-test job finished and wrote its result. */
  record ContinuousSucceeded(ContinuousRunResult result) implements JobOutcome {}

  /** The engine (or its process) failed; {@code message} says why, for people. */
  record Failed(String message) implements JobOutcome {}
}
