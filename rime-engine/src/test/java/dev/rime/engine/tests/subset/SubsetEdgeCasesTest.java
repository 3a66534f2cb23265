// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.subset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subset tests on tiny hand-worked data and on the awkward cases. */
class SubsetEdgeCasesTest {

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestContext ctx(String task) {
    Map<String, Object> c = Fixtures.config("ref.csv", "eval.csv", "y", "p");
    if (task != null) {
      c.put("model_task", task);
    }
    return Fixtures.context(db, c, dir);
  }

  private static List<Map<String, Object>> subsets(TestCase c) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) c.details().get("subsets");
    return rows;
  }

  @Test
  void lowerIsBetterErrorsAreJudgedRelativeToTheOverallValue() {
    // Regression, y = 10 everywhere. a: 30 exact predictions (abs error 0). b: 30 rows with abs
    // errors 2, 4, 2, 4, ... (mean 3, sample sd sqrt(30/29), SE sqrt(30/29)/sqrt(30)).
    // Overall MAE 1.5; b is worse by 1.5, relative 1.5 / 1.5 = 1.0 >= 0.5: High. Its margin
    // 1.959964 * 0.185695 = 0.363950, relative 0.242633 < 1.0: failing. a is better by 1.5.
    List<String> lines = new ArrayList<>(List.of("g,y,p"));
    for (int i = 0; i < 30; i++) {
      lines.add("a,10,10");
      lines.add("b,10," + (i % 2 == 0 ? 12 : 14));
    }
    Fixtures.csv(dir, "ref.csv", lines);
    Fixtures.csv(dir, "eval.csv", lines);
    StressTest t = new SubsetPerformanceTest(Metric.MAE);
    TestCase c = t.run(ctx("Regression"), TestParams.defaults(t)).get(0);
    assertThat(c.metrics().get("overall_perf")).isEqualTo(1.5);
    assertThat(c.metrics().get("worst_subset_diff")).isEqualTo(1.5);
    assertThat(c.metrics().get("worst_subset_change")).isEqualTo(1.0);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.details()).containsEntry("worst_subset", "b");
    Map<String, Object> b = subsets(c).get(1);
    assertThat((Double) b.get("margin_error"))
        .isCloseTo(1.959963984540054 * Math.sqrt(30.0 / 29) / Math.sqrt(30), within(1e-12));
    assertThat(subsets(c).get(0).get("diff")).isEqualTo(-1.5);
    assertThat(subsets(c).get(0).get("failing")).isEqualTo(false);
    // The same data on both sides: nothing degraded.
    StressTest d = new SubsetDegradationTest(Metric.MAE);
    assertThat(d.run(ctx("Regression"), TestParams.defaults(d)).get(0).status())
        .isEqualTo(TestStatus.PASS);
  }

  @Test
  void aRateBetterInNeitherDirectionDiffersRatherThanWorsens() {
    // a: 50 rows predicted positive (0.9), b: 50 predicted negative (0.1). Positive prediction
    // rate overall 0.5, a 1 and b 0: both 0.5 off, with margin 0 (a rate of 0 or 1). a, first
    // by key, is reported: the change either way is what fails.
    List<String> lines = new ArrayList<>(List.of("g,y,p"));
    for (int i = 0; i < 50; i++) {
      lines.add("a," + (i % 2) + ",0.9");
      lines.add("b," + (i % 2) + ",0.1");
    }
    Fixtures.csv(dir, "ref.csv", lines);
    Fixtures.csv(dir, "eval.csv", lines);
    StressTest t = new SubsetPerformanceTest(Metric.POSITIVE_PREDICTION_RATE);
    TestCase c = t.run(ctx(null), TestParams.defaults(t)).get(0);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.description())
        .startsWith(
            "2 subset(s) of 'g' have Positive Prediction Rate significantly different from the"
                + " overall 0.5000; the most different failing one")
        .contains("is off by 0.5000");
  }

  @Test
  void recallCountsPositivesForTheSampleSize() {
    // a: 50 positives predicted right, 50 negatives right. b: 5 positives predicted wrong, 95
    // negatives right. Recall overall 50 / 55; b's recall 0 is over 5 positives only.
    List<String> lines = new ArrayList<>(List.of("g,y,p"));
    for (int i = 0; i < 50; i++) {
      lines.add("a,1,0.9");
      lines.add("a,0,0.1");
    }
    for (int i = 0; i < 100; i++) {
      lines.add(i < 5 ? "b,1,0.1" : "b,0,0.1");
    }
    Fixtures.csv(dir, "ref.csv", lines);
    Fixtures.csv(dir, "eval.csv", lines);
    StressTest t = new SubsetPerformanceTest(Metric.RECALL);
    TestCase c = t.run(ctx(null), TestParams.defaults(t)).get(0);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(subsets(c).get(1)).containsEntry("sample_size", 5L).containsEntry("judged", false);
    assertThat(c.details()).containsEntry("sample_size_of", "positive labels");
    // Allowed to judge 5 positives: b is worse by 50 / 55 with a zero-width margin: High.
    TestCase five = t.run(ctx(null), TestParams.defaults(t).with("min_sample_size", 5)).get(0);
    assertThat(five.severity()).isEqualTo(Severity.HIGH);
    assertThat(five.metrics().get("worst_subset_diff")).isCloseTo(50.0 / 55, within(1e-15));
  }

  @Test
  void undefinedOrForeignMetricsSkip() {
    Fixtures.csv(dir, "ref.csv", "g,y,p", "a,1,0.2", "b,0,0.3");
    Fixtures.csv(dir, "eval.csv", "g,y,p", "a,1,0.2", "b,0,0.3");
    StressTest precision = new SubsetPerformanceTest(Metric.PRECISION);
    assertThatThrownBy(() -> precision.run(ctx(null), TestParams.defaults(precision)))
        .isInstanceOf(SkipTest.class)
        .hasMessage("Precision is undefined on the evaluation data (no positive predictions)");
    StressTest mae = new SubsetDegradationTest(Metric.MAE);
    assertThatThrownBy(() -> mae.run(ctx(null), TestParams.defaults(mae)))
        .isInstanceOf(SkipTest.class)
        .hasMessage(
            "Mean Absolute Error is a metric of Regression; model_task is Binary Classification");
    StressTest weak = new WeakSegmentsTest();
    assertThatThrownBy(() -> weak.run(ctx(null), TestParams.defaults(weak).with("metric", "mae")))
        .isInstanceOf(SkipTest.class)
        .hasMessageContaining("is a metric of Regression");
  }

  @Test
  void aCategoryOnlyInTheEvaluationDataIsReportedNotJudged() {
    List<String> ref = new ArrayList<>(List.of("g,y,p"));
    List<String> eval = new ArrayList<>(List.of("g,y,p"));
    for (int i = 0; i < 40; i++) {
      ref.add("a," + (i % 2) + "," + (i % 2 == 0 ? 0.1 : 0.9));
      eval.add("a," + (i % 2) + "," + (i % 2 == 0 ? 0.1 : 0.9));
      eval.add("new," + (i % 2) + "," + (i % 2 == 0 ? 0.9 : 0.1)); // all wrong
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    StressTest t = new SubsetDegradationTest(Metric.ACCURACY);
    TestCase c = t.run(ctx(null), TestParams.defaults(t)).get(0);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(subsets(c).get(1))
        .containsEntry("name", "new")
        .containsEntry("ref_size", 0L)
        .containsEntry("ref_perf", null)
        .containsEntry("judged", false);
  }

  @Test
  void pairsAreChosenByTheWeaknessOfTheirFeatures() {
    List<String> features = List.of("a", "b", "c", "d");
    Map<String, Double> weakness = Map.of("a", 5.0, "b", 0.0, "c", 3.0, "d", 1.0);
    assertThat(WeakSegmentsTest.choosePairs(features, weakness, 2))
        .containsExactly(new String[] {"a", "c"}, new String[] {"a", "d"});
    assertThat(WeakSegmentsTest.choosePairs(features, weakness, 6)).hasSize(6);
    assertThat(WeakSegmentsTest.choosePairs(features, weakness, 0)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aWeakCellOfTwoFeaturesIsFoundWithAwkwardValues() {
    // 10,000 rows. City ü (10%) is wrong exactly where x is in its top decile, right elsewhere;
    // other cities are right in that decile and right 80% of the time elsewhere. Neither city ü
    // (accuracy 0.9) nor the top decile (0.9) is worse than the rest (about 0.83): only their
    // cell is. x has NaN and infinities, city a ':' and a unicode letter.
    Random r = new Random(7);
    String[] cities = {"a:b", "plain", "x y"};
    List<String> lines = new ArrayList<>(List.of("city,x,y,p"));
    for (int i = 0; i < 10_000; i++) {
      boolean u = r.nextDouble() < 0.1;
      String city = u ? "ü" : cities[r.nextInt(cities.length)];
      double x = r.nextDouble() * 100;
      String xs = i % 97 == 0 ? "NaN" : i % 89 == 0 ? "inf" : String.format(Locale.ROOT, "%.3f", x);
      boolean high = xs.equals("inf") || (!xs.equals("NaN") && x > 90);
      boolean right = u ? !high : high || r.nextDouble() < 0.8;
      int y = r.nextInt(2);
      double p = (y == 1) == right ? 0.9 : 0.1;
      lines.add(String.format(Locale.ROOT, "%s,%s,%d,%.1f", city, xs, y, p));
    }
    Fixtures.csv(dir, "ref.csv", lines);
    Fixtures.csv(dir, "eval.csv", lines);
    StressTest t = new WeakSegmentsTest();
    TestCase c = t.run(ctx(null), TestParams.defaults(t)).get(0);
    List<Map<String, Object>> segments = (List<Map<String, Object>>) c.details().get("segments");
    assertThat(segments).hasSize(1);
    assertThat((String) segments.get(0).get("criterion")).startsWith("city == ü and x > 9");
    assertThat(segments.get(0).get("perf")).isEqualTo(0.0);
    assertThat(c.features()).containsExactly("city", "x");
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
  }
}
