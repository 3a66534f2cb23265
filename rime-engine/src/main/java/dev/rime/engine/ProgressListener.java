// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

/** Told after each test of a run finishes; {@code total} is the number of tests selected to run. */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores progress. */
  ProgressListener NONE = (completed, total) -> {};

  /** Called once before the first test with {@code completed = 0}, then after every test. */
  void onProgress(int completed, int total);
}
