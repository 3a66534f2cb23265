// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defects planted in real data are found on the right feature, and clean columns of the same data
 * are left alone. Reference: the 20,000 flights of {@code examples/flights}; evaluation: every
 * other of those rows, with one defect per column:
 *
 * <ul>
 *   <li>{@code distance} shifted by +400 miles (drift; its values also leave the range);
 *   <li>{@code origin}: 3% of rows an airport that does not exist ({@code QQQ});
 *   <li>{@code destination}: 5% of rows missing, where the reference has none;
 *   <li>{@code delay}: 2% of rows 5000 minutes, far above the reference's maximum;
 *   <li>{@code dep_hour} (the hour of {@code date}, an integer): 2% of rows the text {@code n/a};
 *   <li>5% of the rows duplicated.
 * </ul>
 *
 * The clean columns are {@code dep_minute} (numeric) and {@code route} (categorical, short / medium
 * / long by the original distance): no abnormal-input or drift test may fail on them.
 */
class PlantedDefectsInFlightsTest {

  @TempDir static Path dir;
  static TestRunResult result;

  @BeforeAll
  static void run() throws IOException {
    Path source =
        Path.of("").toAbsolutePath().getParent().resolve("examples/flights/flights_20k.csv");
    List<String> lines = Files.readAllLines(source);
    List<String> ref = new ArrayList<>();
    List<String> eval = new ArrayList<>();
    String header = "date,delay,distance,origin,destination,dep_hour,dep_minute,route";
    ref.add(header);
    eval.add(header);
    Random random = new Random(20261128L);
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      String date = f[0];
      int delay = Integer.parseInt(f[1]);
      int distance = Integer.parseInt(f[2]);
      String hour = Integer.toString(Integer.parseInt(date.substring(11, 13)));
      String minute = Integer.toString(Integer.parseInt(date.substring(14, 16)));
      String route = distance < 500 ? "short" : distance < 1500 ? "medium" : "long";
      ref.add(String.join(",", date, f[1], f[2], f[3], f[4], hour, minute, route));
      if (i % 2 == 1) {
        continue;
      }
      String origin = random.nextDouble() < 0.03 ? "QQQ" : f[3];
      String destination = random.nextDouble() < 0.05 ? "" : f[4];
      String delayOut = random.nextDouble() < 0.02 ? "5000" : Integer.toString(delay);
      String hourOut = random.nextDouble() < 0.02 ? "n/a" : hour;
      String row =
          String.join(
              ",",
              date,
              delayOut,
              Integer.toString(distance + 400),
              origin,
              destination,
              hourOut,
              minute,
              route);
      eval.add(row);
      if (random.nextDouble() < 0.05) {
        eval.add(row);
      }
    }
    Files.write(dir.resolve("ref.csv"), ref);
    Files.write(dir.resolve("eval.csv"), eval);
    Map<String, Object> dataInfo = new LinkedHashMap<>();
    dataInfo.put("ref_path", "ref.csv");
    dataInfo.put("eval_path", "eval.csv");
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("run_name", "planted defects");
    config.put("data_info", dataInfo);
    config.put(
        "tests_config",
        Map.of("categories", List.of("Abnormal Inputs", "Drift", "Data Cleanliness")));
    result = Engine.run(config, dir, null);
  }

  static List<TestCase> cases(String testId, String feature) {
    return result.testCases().stream()
        .filter(c -> c.testId().equals(testId) && c.features().contains(feature))
        .toList();
  }

  static void flagged(String testId, String feature) {
    assertThat(cases(testId, feature))
        .as("%s on %s", testId, feature)
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.status()).as(c.description()).isEqualTo(TestStatus.FAIL);
              assertThat(c.severity()).isNotEqualTo(Severity.NONE);
            });
  }

  @Test
  void aShiftedNumericColumnIsFlaggedAsDrift() {
    flagged("continuous_drift", "distance");
  }

  @Test
  void anUnseenCategoryIsFlagged() {
    flagged("unseen_categorical", "origin");
  }

  @Test
  void nullsInAColumnThatHadNoneAreFlagged() {
    flagged("null_check", "destination");
    flagged("null_proportion", "destination");
  }

  @Test
  void outOfRangeValuesAreFlagged() {
    flagged("out_of_range", "delay");
  }

  @Test
  void textInAnIntegerColumnIsFlagged() {
    flagged("int_feature_type", "dep_hour");
  }

  @Test
  void duplicatedRowsAreFlagged() {
    List<TestCase> dup =
        result.testCases().stream().filter(c -> c.testId().equals("duplicate_rows")).toList();
    assertThat(dup)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).as(c.description()).isEqualTo(TestStatus.FAIL);
              assertThat(c.severity()).isNotEqualTo(Severity.NONE);
            });
  }

  @Test
  void cleanColumnsOfTheSameDataAreNotFlagged() {
    Set<String> categories = Set.of("Abnormal Inputs", "Drift");
    List<TestCase> onClean =
        result.testCases().stream()
            .filter(c -> categories.contains(c.category()))
            .filter(c -> c.features().contains("dep_minute") || c.features().contains("route"))
            .toList();
    assertThat(onClean).isNotEmpty();
    assertThat(onClean.stream().filter(c -> c.status() == TestStatus.FAIL))
        .as(
            onClean.stream()
                .filter(c -> c.status() == TestStatus.FAIL)
                .map(c -> c.testId() + " " + c.features() + ": " + c.description())
                .collect(Collectors.joining("\n")))
        .isEmpty();
  }
}
