// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.result.DatasetSummary;
import dev.rime.api.result.MetricPair;
import dev.rime.api.result.SeverityCounts;
import dev.rime.api.result.SummaryCounts;
import dev.rime.api.result.TestRunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static String summary(String task, Map<String, MetricPair> perf) {
    TestRunSummary s =
        new TestRunSummary(
            null,
            null,
            null,
            "r",
            task,
            0,
            1000,
            new DatasetSummary("ref.csv", 10, 2, 100, "x"),
            new DatasetSummary("eval.csv", 8, 2, 80, "y"),
            new SummaryCounts(0, 0, 0, 0, 0),
            new SeverityCounts(0, 0, 0, 0),
            perf,
            8,
            0,
            List.of(),
            null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Report.summary(new PrintStream(bytes, true, StandardCharsets.UTF_8), s);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyMetricOfARegressionModelIsListedInAlignedColumns() {
    Map<String, MetricPair> perf = new LinkedHashMap<>();
    perf.put("Mean Absolute Error", new MetricPair(0.8348, 1.1103));
    perf.put("Mean Absolute Percentage Error", new MetricPair(0.0919, 0.1188));
    perf.put("Mean Squared Log Error", new MetricPair(null, 0.0188));
    List<String> lines = summary("Regression", perf).lines().toList();
    List<String> table =
        lines.stream()
            .filter(l -> l.startsWith("  model performance") || l.startsWith("  Mean"))
            .toList();
    assertThat(table).hasSize(4);
    // The evaluation column ends at the same place on every line (the longest name is 30 wide).
    assertThat(table).extracting(String::length).containsOnly(table.get(0).length());
    assertThat(lines)
        .contains("  Mean Absolute Percentage Error       0.0919       0.1188")
        .contains("  Mean Squared Log Error                    -       0.0188");
  }

  @Test
  void aMultiClassModelsMetricsAreListedByName() {
    Map<String, MetricPair> perf = new LinkedHashMap<>();
    perf.put("Multiclass Accuracy", new MetricPair(0.6412, 0.4643));
    perf.put("Macro F1", new MetricPair(0.6409, 0.4643));
    String out = summary("Multi-class Classification", perf);
    assertThat(out)
        .contains("Run 'r' (Multi-class Classification)")
        .contains("  Multiclass Accuracy                0.6412       0.4643")
        .contains("  Macro F1                           0.6409       0.4643");
  }
}
