// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import dev.rime.api.Json;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's result into a folder: {@code test_cases.csv}, {@code test_cases.json} (the test
 * cases) and {@code test_run.json} (the summary), as the CLI's {@code rime run} leaves them.
 *
 * <p>CSV columns: {@code test_run_id, test_id, test_batch_type, category, features} (joined with
 * {@code ;}) {@code , status, severity, importance_score, description, metrics} (a JSON object).
 */
public final class ResultWriter {

  /** The CSV header. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "test_run_id",
          "test_id",
          "test_batch_type",
          "category",
          "features",
          "status",
          "severity",
          "importance_score",
          "description",
          "metrics");

  private ResultWriter() {}

  /** Writes the three files into {@code dir}, creating it when needed. */
  public static void write(TestRunResult result, Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("test_cases.csv"), csv(result.testCases()));
      Files.writeString(
          dir.resolve("test_cases.json"),
          Json.lenient().writerWithDefaultPrettyPrinter().writeValueAsString(result.testCases()));
      Files.writeString(
          dir.resolve("test_run.json"),
          Json.lenient().writerWithDefaultPrettyPrinter().writeValueAsString(result.summary()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + dir, e);
    }
  }

  /** The test cases as CSV (RFC 4180 quoting, header first). */
  public static String csv(List<TestCase> cases) {
    StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
    for (TestCase c : cases) {
      List<String> row =
          List.of(
              nz(c.testRunId()),
              c.testId(),
              c.testBatchType(),
              c.category(),
              String.join(";", c.features()),
              c.status().name(),
              c.severity().name(),
              c.importanceScore() == null ? "" : c.importanceScore().toString(),
              nz(c.description()),
              Json.lenient().writeValueAsString(c.metrics()));
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(quote(row.get(i)));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
