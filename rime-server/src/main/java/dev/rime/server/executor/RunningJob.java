// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A job's process while it runs. */
public interface RunningJob {

  String jobId();

  /** The operating-system process id, recorded so a restarted server can find the job again. */
  long pid();

  /** When the process started (epoch millis), to tell it from a later process with the same id. */
  Long startMillis();

  /** Completes when the process has exited. */
  CompletableFuture<Void> exited();

  /** Stops the process and everything it started. */
  void stop();

  /** Why the executor stopped the job itself (e.g. over its memory limit), if it did. */
  Optional<String> stoppedBecause();
}
