// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The job-folder protocol between the server's local executor and a job process ({@link JobMain}),
 * defined once for both sides. One folder per job, {@code <data dir>/jobs/<job id>/}:
 *
 * <ul>
 *   <li>{@link #CONFIG}: written by the executor before it starts the process: {@code
 *       {"test_run_config": {...}, "base_dir": "/abs/path"}};
 *   <li>{@link #PROGRESS}: written by the job before the first test and after each test: {@code
 *       {"tests_completed": n, "tests_total": N}};
 *   <li>{@link #RESULT}: written by the job on success: the {@code TestRunResult};
 *   <li>{@link #EXIT}: written by the job last: {@code {"status": "SUCCEEDED"}} or {@code
 *       {"status": "FAILED", "error": "..."}}. A process that ends without it crashed;
 *   <li>{@link #LOG}: the process's standard output and error, redirected by the executor.
 * </ul>
 *
 * Every JSON file is written with {@link #writeAtomically}, so a reader polling the folder sees
 * either the previous content or the new one, never a partly written file.
 */
public final class JobFolder {

  /** The job's input, written by the executor. */
  public static final String CONFIG = "config.json";

  /** Tests completed so far, rewritten by the job after each test. */
  public static final String PROGRESS = "progress.json";

  /** The run's result, written by the job on success. */
  public static final String RESULT = "result.json";

  /** How the job ended, written by the job last. */
  public static final String EXIT = "exit.json";

  /** The job process's output. */
  public static final String LOG = "job.log";

  private JobFolder() {}

  /**
   * Writes {@code content} (UTF-8) to {@code <name>.tmp} beside {@code target}, then moves it onto
   * {@code target} atomically, replacing what was there.
   *
   * @throws IOException when the file cannot be written or moved (the temp file may remain)
   */
  public static void writeAtomically(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
