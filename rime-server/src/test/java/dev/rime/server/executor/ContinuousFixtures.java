// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import dev.rime.api.Json;
import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.ContinuousRunResult;
import dev.rime.api.result.ContinuousRunResult.BinResult;
import dev.rime.api.result.ContinuousRunResult.TimeSeriesValue;
import dev.rime.api.result.DatasetSummary;
import dev.rime.api.result.Provenance;
import dev.rime.api.result.SeverityCounts;
import dev.rime.api.result.SummaryCounts;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import dev.rime.api.result.TestRunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Hand-written results of continuous-test jobs, as the engine writes them, for {@link FakeJobMain}
 * to hand back: a test writes one to a file and names the file as the config's {@code eval_path}.
 */
public final class ContinuousFixtures {

  public static final long DAY = 86400;

  /** 2024-01-01T00:00:00Z. */
  public static final long JAN_1 = 1_704_067_200L;

  private ContinuousFixtures() {}

  /** A run named {@code name} with one test case per feature, failing those named "bad". */
  public static TestRunResult run(String name, String... features) {
    List<TestCase> cases =
        java.util.Arrays.stream(features)
            .map(
                f ->
                    new TestCase(
                        null,
                        "categorical_drift",
                        "Categorical Feature Drift",
                        "Drift",
                        List.of(f),
                        f.equals("bad") ? TestStatus.FAIL : TestStatus.PASS,
                        f.equals("bad") ? Severity.HIGH : Severity.NONE,
                        null,
                        Map.of("psi", 0.5),
                        "drift of " + f + " in " + name,
                        Map.of()))
            .toList();
    int fails = (int) cases.stream().filter(c -> c.status() == TestStatus.FAIL).count();
    TestRunSummary summary =
        new TestRunSummary(
            null,
            null,
            null,
            name,
            "Binary Classification",
            1_700_000_000L,
            5,
            new DatasetSummary("ref.csv", 10, 2, 100, "aa"),
            new DatasetSummary("eval.csv", 10, 2, 100, "bb"),
            new SummaryCounts(cases.size(), cases.size() - fails, 0, fails, 0),
            new SeverityCounts(cases.size() - fails, 0, 0, fails),
            Map.of(),
            10,
            0,
            List.of(),
            new Provenance("test", Map.of(), 0, "17", "none"));
    return new TestRunResult(summary, cases);
  }

  /** The daily bin starting {@code days} after 2024-01-01 with its prediction PSI and age PSI. */
  public static BinResult day(int days, double predictionPsi, Double agePsi) {
    long start = JAN_1 + days * DAY;
    return new BinResult(
        start,
        start + DAY,
        100 + days,
        run("bin " + days, "age", "bad"),
        java.util.Arrays.asList(
            new TimeSeriesValue("prediction_psi", null, predictionPsi),
            new TimeSeriesValue("feature_psi", "age", agePsi)));
  }

  /** A result with daily bins; {@code stressTest} null for an incremental run. */
  public static ContinuousRunResult daily(TestRunResult stressTest, BinResult... bins) {
    return new ContinuousRunResult(
        stressTest, "ts", DAY, 1000, 2, List.of("not a date", "null"), List.of(), List.of(bins));
  }

  /** Writes the result where {@link FakeJobMain} reads it (the config's eval_path). */
  public static Path write(Path file, ContinuousRunResult result) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, Json.lenient().writeValueAsString(result));
    return file.toAbsolutePath();
  }
}
