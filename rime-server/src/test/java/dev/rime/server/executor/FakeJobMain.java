// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import dev.rime.api.Json;
import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.DatasetSummary;
import dev.rime.api.result.Provenance;
import dev.rime.api.result.SeverityCounts;
import dev.rime.api.result.SummaryCounts;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import dev.rime.api.result.TestRunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the engine's job main that follows the same job-folder protocol, so executor and
 * scheduler tests can make a job succeed, fail, crash, hang or eat memory on purpose. What it does
 * is the config's {@code run_name}: {@code succeed[:cases]}, {@code fail}, {@code crash}, {@code
 * sleep}, {@code sleep-then-succeed:<millis>}, {@code hog}.
 */
public final class FakeJobMain {

  private FakeJobMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Map<String, Object> wrapper =
        Json.lenient().readValue(dir.resolve("config.json").toFile(), Json.MAP);
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) wrapper.get("test_run_config");
    if (wrapper.get("continuous") != null) {
      continuous(dir, config);
      return;
    }
    String what = String.valueOf(config.get("run_name"));
    System.out.println("fake engine doing: " + what);
    String[] parts = what.split(":");
    switch (parts[0]) {
      case "succeed" -> succeed(dir, parts.length > 1 ? Integer.parseInt(parts[1]) : 3);
      case "fail" -> {
        write(
            dir,
            "exit.json",
            "{\"status\":\"FAILED\",\"error\":\"data_info.label_col: column 'y' not found\"}");
        System.exit(1);
      }
      case "crash" -> {
        System.out.println("about to crash");
        System.out.flush();
        Runtime.getRuntime().halt(3);
      }
      case "ignore-sigterm" -> {
        // a process that does not stop when asked: its shutdown hook never returns
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        Thread.sleep(600_000);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
        write(dir, "progress.json", "{\"tests_completed\":1,\"tests_total\":4}");
        Thread.sleep(600_000);
      }
      case "sleep" -> {
        write(dir, "progress.json", "{\"tests_completed\":1,\"tests_total\":4}");
        Thread.sleep(600_000);
      }
      case "sleep-then-succeed" -> {
        write(dir, "progress.json", "{\"tests_completed\":1,\"tests_total\":4}");
        Thread.sleep(Long.parseLong(parts[1]));
        succeed(dir, 2);
      }
      case "hog" -> {
        // memory outside the JVM's heap, in a process the job started, as a model runner would
        Process p =
            new ProcessBuilder(
                    "python3",
                    "-c",
                    "import time\n"
                        + "blocks = []\n"
                        + "for _ in range(200):\n"
                        + "    blocks.append(bytearray(16 * 1024 * 1024))\n"
                        + "    time.sleep(0.02)\n"
                        + "time.sleep(600)\n")
                .inheritIO()
                .start();
        System.exit(p.waitFor());
      }
      default -> throw new IllegalArgumentException("unknown fake behaviour " + what);
    }
  }

  /**
   * A continuous-test job: its evaluation data ({@code data_info.eval_path}) is, for the fake, the
   * result file to hand back (a {@code ContinuousRunResult} a test wrote), or a missing file; a
   * {@code run_name} {@code sleep-then-succeed:<millis>} waits that long first.
   */
  private static void continuous(Path dir, Map<String, Object> config) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> dataInfo = (Map<String, Object>) config.get("data_info");
    Path result = Path.of(String.valueOf(dataInfo.get("eval_path")));
    if (!Files.isRegularFile(result)) {
      write(
          dir,
          "exit.json",
          "{\"status\":\"FAILED\",\"error\":\"data_info.eval_path: file "
              + result.getFileName()
              + " not found\"}");
      System.exit(1);
    }
    write(dir, "progress.json", "{\"tests_completed\":1,\"tests_total\":1}");
    String runName = String.valueOf(config.get("run_name"));
    if (runName.startsWith("sleep-then-succeed:")) {
      Thread.sleep(Long.parseLong(runName.substring("sleep-then-succeed:".length())));
    }
    write(dir, "result.json", Files.readString(result));
    write(dir, "exit.json", "{\"status\":\"SUCCEEDED\"}");
  }

  private static void succeed(Path dir, int cases) throws Exception {
    List<TestCase> testCases = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      write(dir, "progress.json", "{\"tests_completed\":" + i + ",\"tests_total\":" + cases + "}");
      testCases.add(
          new TestCase(
              null,
              "null_check",
              "Null Check",
              "Abnormal Inputs",
              List.of("f" + i),
              i == 0 ? TestStatus.FAIL : TestStatus.PASS,
              i == 0 ? Severity.HIGH : Severity.NONE,
              null,
              Map.of("num_failing_rows", (double) i),
              "case " + i,
              Map.of()));
    }
    TestRunSummary summary =
        new TestRunSummary(
            null,
            null,
            null,
            "fake",
            "Binary Classification",
            1_700_000_000L,
            5,
            new DatasetSummary("ref.csv", 10, 2, 100, "aa"),
            new DatasetSummary("eval.csv", 10, 2, 100, "bb"),
            new SummaryCounts(cases, cases - 1, 0, 1, 0),
            new SeverityCounts(cases - 1, 0, 0, 1),
            Map.of(),
            10,
            1,
            List.of(),
            new Provenance("test", Map.of(), 0, "17", "none"));
    write(
        dir,
        "result.json",
        Json.lenient().writeValueAsString(new TestRunResult(summary, testCases)));
    write(dir, "exit.json", "{\"status\":\"SUCCEEDED\"}");
  }

  private static void write(Path dir, String name, String content) throws Exception {
    Path tmp = dir.resolve(name + ".tmp");
    Files.writeString(tmp, content);
    Files.move(
        tmp,
        dir.resolve(name),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
