// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Json;
import dev.rime.api.result.ContinuousRunResult;
import dev.rime.api.result.ContinuousRunResult.BinResult;
import dev.rime.api.result.ContinuousRunResult.TimeSeriesValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/continuous} on its first three days: the example's reference and config, the
 * evaluation rows of 2001-02-01 to 2001-02-03. Rows and accuracy per day are counted here from the
 * CSV (UTC midnight from {@code java.time}), independently of the engine's SQL.
 */
class ContinuousExampleTest {

  static final Path EXAMPLE =
      Path.of("").toAbsolutePath().getParent().resolve("examples/continuous");

  @TempDir Path dir;

  @Test
  void oneBinPerDayWithDriftAndPerformanceSeries() throws Exception {
    List<String> lines = Files.readAllLines(EXAMPLE.resolve("evaluation.csv"));
    List<String> week = new ArrayList<>(List.of(lines.get(0)));
    Map<Long, long[]> expected = new TreeMap<>(); // day start -> {rows, correct}
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      LocalDate day = LocalDate.parse(f[0].substring(0, 10));
      if (day.isAfter(LocalDate.of(2001, 2, 3))) {
        continue;
      }
      week.add(line);
      long start = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
      boolean predicted = Double.parseDouble(f[6]) > 0.5;
      boolean delayed = f[5].equals("1");
      long[] c = expected.computeIfAbsent(start, k -> new long[2]);
      c[0]++;
      c[1] += predicted == delayed ? 1 : 0;
    }
    Files.write(dir.resolve("evaluation.csv"), week);
    Map<String, Object> config =
        Json.lenient().readValue(EXAMPLE.resolve("config.json").toFile(), Json.MAP);
    Fixtures.dataInfo(config).put("ref_path", EXAMPLE.resolve("reference.csv").toString());

    ContinuousRunResult r =
        ContinuousEngine.run(
            config, dir, ContinuousEngine.Mode.INCREMENTAL, Set.of(), ProgressListener.NONE);

    assertThat(r.unparseableTimestamps()).isZero();
    assertThat(r.bins()).hasSize(3);
    assertThat(r.bins())
        .extracting(BinResult::startTimeSecs)
        .containsExactlyElementsOf(expected.keySet());
    for (BinResult b : r.bins()) {
      long[] c = expected.get(b.startTimeSecs());
      assertThat(b.endTimeSecs() - b.startTimeSecs()).isEqualTo(86_400);
      assertThat(b.rows()).isEqualTo(c[0]);
      assertThat(metric(b, "accuracy", null)).isCloseTo((double) c[1] / c[0], within(1e-12));
      assertThat(metric(b, "prediction_drift_psi", null)).isNotNull().isGreaterThanOrEqualTo(0);
      for (String feature : List.of("distance", "origin", "destination")) {
        assertThat(metric(b, "feature_drift_psi", feature)).isNotNull();
        assertThat(metric(b, "abnormal_rate", feature)).isBetween(0.0, 1.0);
      }
      assertThat(b.result().summary().eval().rows()).isEqualTo(c[0]);
    }
  }

  private static Double metric(BinResult b, String metric, String feature) {
    return b.metrics().stream()
        .filter(v -> v.metric().equals(metric) && java.util.Objects.equals(v.feature(), feature))
        .map(TimeSeriesValue::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " of " + feature));
  }
}
