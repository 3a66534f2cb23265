// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import dev.rime.api.Json;
import dev.rime.api.result.TestRunResult;
import dev.rime.engine.model.Models;
import dev.rime.engine.model.PythonModelAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of a job process started by the server's local executor: {@code java
 * dev.rime.engine.JobMain <jobDir>}.
 *
 * <p>Protocol ({@link JobFolder}), all files in {@code jobDir}, each JSON file written atomically
 * ({@link JobFolder#writeAtomically}):
 *
 * <ul>
 *   <li>reads {@code config.json} = {@code {"test_run_config": {...}, "base_dir": "/abs/path"}},
 *       plus {@code "python": "/abs/venv/bin/python"} when the job runs in a managed image (that
 *       python then runs Python models);
 *   <li>writes {@code progress.json} = {@code {"tests_completed": n, "tests_total": N}} before the
 *       first test and after each test;
 *   <li>on success writes {@code result.json} (the {@link TestRunResult}), then {@code exit.json} =
 *       {@code {"status": "SUCCEEDED"}}, and exits 0;
 *   <li>on failure writes {@code exit.json} = {@code {"status": "FAILED", "error": "..."}} and
 *       exits 1: config and data errors give their own message (naming the key, file or column),
 *       any other error {@code engine crashed: <exception>}.
 * </ul>
 *
 * A continuous test's {@code config.json} also has {@code "continuous": {"mode": "from_reference" |
 * "incremental", "skip_bins": [bin start, seconds since the epoch, ...]}}: the job runs {@link
 * ContinuousEngine} and {@code result.json} is a {@link dev.rime.api.result.ContinuousRunResult}.
 *
 * <p>Logs go to stdout (plain lines), which the executor sends to the job log.
 */
public final class JobMain {

  private JobMain() {}

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dev/rime/engine/job-logback.xml");
    }
    if (args.length != 1) {
      System.err.println("usage: java dev.rime.engine.JobMain <jobDir>");
      System.exit(2);
    }
    System.exit(run(Path.of(args[0])));
  }

  /** Runs the job in {@code jobDir}; returns the process exit code (0 success, 1 failure). */
  public static int run(Path jobDir) {
    Logger log = LoggerFactory.getLogger(JobMain.class);
    try {
      Path configFile = jobDir.resolve(JobFolder.CONFIG);
      Map<String, Object> job;
      try {
        job = Json.lenient().readValue(configFile.toFile(), Json.MAP);
      } catch (RuntimeException e) {
        throw new EngineException(
            JobFolder.CONFIG, "cannot read " + configFile + ": " + e.getMessage(), e);
      }
      Object config = job.get("test_run_config");
      if (!(config instanceof Map)) {
        throw new EngineException(JobFolder.CONFIG, "test_run_config is missing or not an object");
      }
      Object baseDir = job.get("base_dir");
      Object python = job.get("python");
      if (python instanceof String p && !p.isBlank()) {
        // the job names a managed image: its environment's python runs Python models
        Path imagePython = Path.of(p);
        log.info("Python models run with {}", imagePython);
        Models.setPythonRuntime(
            (file, batchSize, timeout) ->
                new PythonModelAdapter(imagePython, file, batchSize, timeout));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> testRunConfig = (Map<String, Object>) config;

      if (job.get("continuous") != null) {
        return runContinuous(jobDir, testRunConfig, baseDir, job.get("continuous"));
      }

      TestRunResult result =
          Engine.run(
              testRunConfig,
              baseDir instanceof String ? Path.of((String) baseDir) : null,
              (done, total) -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("tests_completed", done);
                p.put("tests_total", total);
                writeAtomically(jobDir.resolve(JobFolder.PROGRESS), p);
              });
      writeAtomically(jobDir.resolve(JobFolder.RESULT), result);
      writeAtomically(jobDir.resolve(JobFolder.EXIT), Map.of("status", "SUCCEEDED"));
      log.info("job succeeded: {} test cases", result.testCases().size());
      return 0;
    } catch (EngineException e) {
      log.error("job failed: {}", e.getMessage());
      return fail(jobDir, e.getMessage());
    } catch (RuntimeException | Error e) {
      log.error("engine crashed", e);
      return fail(jobDir, "engine crashed: " + e);
    }
  }

  /**
   * Runs a continuous test: the job config's {@code continuous} object gives mode and bins to skip.
   */
  private static int runContinuous(
      Path jobDir, Map<String, Object> config, Object baseDir, Object continuous) {
    if (!(continuous instanceof Map<?, ?> c)) {
      throw new dev.rime.engine.config.ConfigException(
          "continuous", "expected an object {\"mode\": ..., \"skip_bins\": [...]}");
    }
    for (Object k : c.keySet()) {
      if (!"mode".equals(k) && !"skip_bins".equals(k)) {
        throw new dev.rime.engine.config.ConfigException(
            "continuous." + k, "unknown key: expected mode or skip_bins");
      }
    }
    ContinuousEngine.Mode mode = ContinuousEngine.Mode.of("continuous.mode", c.get("mode"));
    Set<Long> skip = new HashSet<>();
    Object bins = c.get("skip_bins");
    if (bins != null) {
      if (!(bins instanceof List<?> list)) {
        throw new dev.rime.engine.config.ConfigException(
            "continuous.skip_bins", "expected a list of bin start times (seconds)");
      }
      for (Object b : list) {
        if (!(b instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
          throw new dev.rime.engine.config.ConfigException(
              "continuous.skip_bins", "expected whole seconds since the epoch, got " + b);
        }
        skip.add(n.longValue());
      }
    }
    dev.rime.api.result.ContinuousRunResult result =
        ContinuousEngine.run(
            config,
            baseDir instanceof String ? Path.of((String) baseDir) : null,
            mode,
            skip,
            (done, total) -> {
              Map<String, Object> p = new LinkedHashMap<>();
              p.put("tests_completed", done);
              p.put("tests_total", total);
              writeAtomically(jobDir.resolve(JobFolder.PROGRESS), p);
            });
    writeAtomically(jobDir.resolve(JobFolder.RESULT), result);
    writeAtomically(jobDir.resolve(JobFolder.EXIT), Map.of("status", "SUCCEEDED"));
    LoggerFactory.getLogger(JobMain.class)
        .info(
            "job succeeded: {} bins tested, {} skipped",
            result.bins().size(),
            result.skippedBins().size());
    return 0;
  }

  private static int fail(Path jobDir, String message) {
    Map<String, Object> exit = new LinkedHashMap<>();
    exit.put("status", "FAILED");
    exit.put("error", message);
    writeAtomically(jobDir.resolve(JobFolder.EXIT), exit);
    return 1;
  }

  /** Writes {@code value} as JSON to {@code target} with {@link JobFolder#writeAtomically}. */
  static void writeAtomically(Path target, Object value) {
    try {
      JobFolder.writeAtomically(target, Json.lenient().writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
