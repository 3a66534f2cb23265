// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import dev.rime.api.Json;
import dev.rime.api.ResultSchemas;
import dev.rime.api.Tabular;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's result into a folder: {@code test_cases.csv}, {@code test_cases.json} (the test
 * cases) and {@code test_run.json} (the summary), as the CLI's {@code rime run} leaves them.
 *
 * <p>The CSV is the one the SDK's result tables write ({@link Tabular}): each test case in the
 * latest result schema, flattened ({@code metrics.psi}, {@code details.thresholds}, ...), columns
 * the union over all cases; so {@code rime run --out} and {@code rime results --format csv} give
 * the same file for the same run.
 */
public final class ResultWriter {

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

  /** The test cases as CSV (header first, RFC 4180, CRLF line ends). */
  public static String csv(List<TestCase> cases) {
    List<Map<String, Object>> rows = new ArrayList<>(cases.size());
    for (TestCase c : cases) {
      rows.add(Tabular.flatten(ResultSchemas.testCase(c, ResultSchemas.LATEST)));
    }
    StringWriter out = new StringWriter();
    try {
      Tabular.writeCsv(out, Tabular.columns(rows), rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
