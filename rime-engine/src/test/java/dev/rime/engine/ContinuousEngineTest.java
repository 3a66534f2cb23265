// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.result.ContinuousRunResult;
import dev.rime.api.result.ContinuousRunResult.BinResult;
import dev.rime.api.result.ContinuousRunResult.TimeSeriesValue;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.data.DataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made continuous test over three days. Reference: ten rows, colour a (prediction 0.2, label
 * 0) five times and b (0.8, label 1) five times. Evaluation, by UTC day, with its timestamps in
 * several formats:
 *
 * <ul>
 *   <li>2021-03-01: a, a, b, b, each predicted right: accuracy 1, AUC 1, both PSIs 0;
 *   <li>2021-03-02 (one row written 2021-03-01T23:30-02:00): a, a, a, b with labels 0, 1, 0, 1:
 *       predicted (p &gt; 0.5) 0, 0, 0, 1, so accuracy 3/4; AUC = pairs (positive, negative)
 *       ordered right: (0.8, 0.2) twice = 1 each, (0.2, 0.2) twice = 1/2 each, so 3/4; colour and
 *       prediction proportions (3/4, 1/4) against (1/2, 1/2): PSI = (1/2 − 3/4) ln(2/3) + (1/2 −
 *       1/4) ln 2 = 0.27465307;
 *   <li>2021-03-03: b (label 1) and c (label 0), both predicted 0.8: accuracy 1/2, AUC 1/2; colour
 *       over (a, b, c): reference (1/2, 1/2, 0), evaluation (0, 1/2, 1/2), zero proportions floored
 *       to 1e-4: PSI = 2 × (0.4999 ln 5000) = 8.51548975; predictions (1/2, 1/2) against (0, 1):
 *       0.4999 ln 5000 + (−1/2) ln(1/2) = 4.60431847; c is unseen in the reference, so the abnormal
 *       rate of colour (and overall) is 1/2;
 *   <li>two rows without a usable timestamp: "not a date" and an empty cell.
 * </ul>
 */
class ContinuousEngineTest {

  static final long MAR_1 = 1_614_556_800L;
  static final long DAY = 86_400L;

  @TempDir Path dir;

  @BeforeEach
  void data() {
    List<String> ref = new ArrayList<>(List.of("color,pred,label"));
    for (int i = 0; i < 5; i++) {
      ref.add("a,0.2,0");
      ref.add("b,0.8,1");
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(
        dir,
        "eval.csv",
        "ts,color,pred,label",
        "2021-03-01,a,0.2,0",
        "2021-03-01 08:00:00,a,0.2,0",
        "2021-03-01 12:00:00,b,0.8,1",
        "2021-03-01T20:00:00Z,b,0.8,1",
        "2021-03-01T23:30:00-02:00,a,0.2,0",
        "2021-03-02 05:00:00,a,0.2,1",
        "not a date,a,0.2,0",
        "2021-03-02T10:00:00Z,a,0.2,0",
        "2021-03-02 23:59:59,b,0.8,1",
        ",a,0.2,0",
        "2021-03-03,b,0.8,1",
        "2021-03-03 12:00:00,c,0.8,0");
  }

  private Map<String, Object> config() {
    Map<String, Object> c = Fixtures.config("ref.csv", "eval.csv", "label", "pred");
    c.put("continuous_info", new LinkedHashMap<>(Map.of("timestamp_col", "ts", "bin_size", "day")));
    return c;
  }

  private static Double value(BinResult bin, String metric, String feature) {
    List<Double> found = new ArrayList<>();
    for (TimeSeriesValue v : bin.metrics()) {
      if (v.metric().equals(metric) && java.util.Objects.equals(v.feature(), feature)) {
        found.add(v.value());
      }
    }
    assertThat(found).as(metric + " of " + feature).hasSize(1);
    return found.get(0);
  }

  @Test
  void incrementalRunBinsByUtcDayWithHandWorkedSeries() {
    Map<String, Object> config = config();
    // lets Categorical Feature Drift measure bins of 2 and 4 rows, to compare with the series
    config.put("tests_config", Map.of("categorical_drift", Map.of("min_sample_size", 1)));
    ContinuousRunResult r =
        ContinuousEngine.run(
            config, dir, ContinuousEngine.Mode.INCREMENTAL, Set.of(), ProgressListener.NONE);

    assertThat(r.stressTest()).isNull();
    assertThat(r.timestampCol()).isEqualTo("ts");
    assertThat(r.binSizeSeconds()).isEqualTo(DAY);
    assertThat(r.rows()).isEqualTo(12);
    assertThat(r.unparseableTimestamps()).isEqualTo(2);
    assertThat(r.unparseableExamples()).isEqualTo(Arrays.asList(null, "not a date"));
    assertThat(r.skippedBins()).isEmpty();
    assertThat(r.bins())
        .extracting(BinResult::startTimeSecs, BinResult::endTimeSecs, BinResult::rows)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MAR_1, MAR_1 + DAY, 4L),
            org.assertj.core.groups.Tuple.tuple(MAR_1 + DAY, MAR_1 + 2 * DAY, 4L),
            org.assertj.core.groups.Tuple.tuple(MAR_1 + 2 * DAY, MAR_1 + 3 * DAY, 2L));

    BinResult d1 = r.bins().get(0);
    BinResult d2 = r.bins().get(1);
    BinResult d3 = r.bins().get(2);
    assertThat(value(d1, "accuracy", null)).isEqualTo(1.0);
    assertThat(value(d2, "accuracy", null)).isEqualTo(0.75);
    assertThat(value(d3, "accuracy", null)).isEqualTo(0.5);
    assertThat(value(d1, "auc", null)).isEqualTo(1.0);
    assertThat(value(d2, "auc", null)).isEqualTo(0.75);
    assertThat(value(d3, "auc", null)).isEqualTo(0.5);

    assertThat(value(d1, "feature_drift_psi", "color")).isCloseTo(0.0, within(1e-12));
    assertThat(value(d2, "feature_drift_psi", "color")).isCloseTo(0.27465307, within(1e-8));
    assertThat(value(d3, "feature_drift_psi", "color")).isCloseTo(8.51548975, within(1e-8));
    assertThat(value(d1, "prediction_drift_psi", null)).isCloseTo(0.0, within(1e-12));
    assertThat(value(d2, "prediction_drift_psi", null)).isCloseTo(0.27465307, within(1e-8));
    assertThat(value(d3, "prediction_drift_psi", null)).isCloseTo(4.60431847, within(1e-8));

    assertThat(value(d1, "abnormal_rate", "color")).isEqualTo(0.0);
    assertThat(value(d2, "abnormal_rate", "color")).isEqualTo(0.0);
    assertThat(value(d3, "abnormal_rate", "color")).isEqualTo(0.5);
    assertThat(value(d3, "abnormal_rate", null)).isEqualTo(0.5);

    for (BinResult b : r.bins()) {
      // the bin's own run: its rows, only the continuous-test categories, never the timestamp
      assertThat(b.result().summary().eval().rows()).isEqualTo(b.rows());
      assertThat(b.result().testCases())
          .extracting(TestCase::category)
          .isSubsetOf(ContinuousEngine.CATEGORIES)
          .contains("Abnormal Inputs", "Drift", "Model Performance");
      assertThat(b.result().testCases())
          .allSatisfy(c -> assertThat(c.features()).doesNotContain("ts"));
      long pass = b.result().summary().summaryCounts().pass();
      long judged =
          b.result().summary().summaryCounts().total()
              - b.result().summary().summaryCounts().skip();
      assertThat(value(b, "test_pass_rate", null)).isEqualTo((double) pass / judged);
      assertThat(value(b, "severity_high_count", null))
          .isEqualTo((double) b.result().summary().severityCounts().high());
    }
    // the series' PSI is the one the bin's drift test measured
    TestCase colorDrift =
        d2.result().testCases().stream()
            .filter(c -> c.testId().equals("categorical_drift"))
            .findFirst()
            .orElseThrow();
    assertThat(colorDrift.metrics().get("psi")).isCloseTo(0.27465307, within(1e-8));
    TestCase unseen =
        d3.result().testCases().stream()
            .filter(c -> c.testId().equals("unseen_categorical"))
            .findFirst()
            .orElseThrow();
    assertThat(unseen.status()).isEqualTo(dev.rime.api.TestStatus.FAIL);
  }

  @Test
  void fromReferenceRunsTheStressTestFirstAndCountsProgressOverEverything() {
    List<int[]> progress = new ArrayList<>();
    ContinuousRunResult r =
        ContinuousEngine.run(
            config(),
            dir,
            ContinuousEngine.Mode.FROM_REFERENCE,
            Set.of(),
            (done, total) -> progress.add(new int[] {done, total}));

    assertThat(r.stressTest()).isNotNull();
    assertThat(r.stressTest().summary().eval().rows()).isEqualTo(12);
    assertThat(r.bins()).hasSize(3);
    int stressTests =
        (int) r.stressTest().testCases().stream().map(TestCase::testId).distinct().count();
    int binTests =
        (int)
            r.bins().get(0).result().testCases().stream().map(TestCase::testId).distinct().count();
    int[] last = progress.get(progress.size() - 1);
    assertThat(progress.get(0)).containsExactly(0, last[1]);
    assertThat(last[0]).isEqualTo(last[1]);
    assertThat(last[1]).isEqualTo(stressTests + 3 * binTests);
    assertThat(progress).extracting(p -> p[0]).isSorted();
  }

  @Test
  void skippedBinsAreListedAndNotTested() {
    ContinuousRunResult r =
        ContinuousEngine.run(
            config(),
            dir,
            ContinuousEngine.Mode.INCREMENTAL,
            Set.of(MAR_1 + DAY, 1L),
            ProgressListener.NONE);

    assertThat(r.skippedBins()).containsExactly(MAR_1 + DAY);
    assertThat(r.bins())
        .extracting(BinResult::startTimeSecs)
        .containsExactly(MAR_1, MAR_1 + 2 * DAY);
    // the series of a bin do not depend on which other bins run
    assertThat(value(r.bins().get(1), "feature_drift_psi", "color"))
        .isCloseTo(8.51548975, within(1e-8));
  }

  @Test
  void withoutLabelsThereAreNoLabelMetrics() {
    Map<String, Object> c = config();
    Fixtures.dataInfo(c).remove("label_col");
    Fixtures.dataInfo(c).put("features_not_in_model", List.of("label"));

    ContinuousRunResult r =
        ContinuousEngine.run(
            c, dir, ContinuousEngine.Mode.INCREMENTAL, Set.of(), ProgressListener.NONE);

    BinResult d2 = r.bins().get(1);
    assertThat(d2.metrics()).extracting(TimeSeriesValue::metric).doesNotContain("accuracy", "auc");
    // 3 of 4 predictions 0.2
    assertThat(value(d2, "average_prediction", null)).isCloseTo(0.35, within(1e-12));
    assertThat(value(d2, "prediction_drift_psi", null)).isCloseTo(0.27465307, within(1e-8));
  }

  @Test
  void withoutContinuousInfoItIsAConfigError() {
    Map<String, Object> c = config();
    c.remove("continuous_info");

    assertThatThrownBy(
            () ->
                ContinuousEngine.run(
                    c, dir, ContinuousEngine.Mode.INCREMENTAL, Set.of(), ProgressListener.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("continuous_info: required for a continuous test");
  }

  @Test
  void aTimestampColumnNotInTheEvaluationDataIsADataError() {
    Map<String, Object> c = config();
    c.put("continuous_info", Map.of("timestamp_col", "time", "bin_size", "hour"));

    assertThatThrownBy(
            () ->
                ContinuousEngine.run(
                    c, dir, ContinuousEngine.Mode.INCREMENTAL, Set.of(), ProgressListener.NONE))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(
            "continuous_info.timestamp_col: 'time' is not a column of the evaluation data");
  }

  @Test
  void multiClassBinsCarryTheirClassProbabilities() {
    // reference: class 0, 1, 2 twice each, predicted right; evaluation day 1: two rows predicted
    // right; day 2: three rows, one right (multiclass accuracy 1/3)
    Fixtures.csv(dir, "mref.csv", "color,label", "a,0", "a,0", "b,1", "b,1", "c,2", "c,2");
    Fixtures.csv(
        dir,
        "mref_probs.csv",
        "p0,p1,p2",
        "0.8,0.1,0.1",
        "0.8,0.1,0.1",
        "0.1,0.8,0.1",
        "0.1,0.8,0.1",
        "0.1,0.1,0.8",
        "0.1,0.1,0.8");
    Fixtures.csv(
        dir,
        "meval.csv",
        "ts,color,label",
        "2021-03-02,a,0",
        "2021-03-01,b,1",
        "2021-03-02,b,1",
        "2021-03-01,c,2",
        "2021-03-02,c,2");
    Fixtures.csv(
        dir,
        "meval_probs.csv",
        "p0,p1,p2",
        "0.2,0.7,0.1", // day 2, label 0, predicted 1
        "0.1,0.8,0.1", // day 1, right
        "0.6,0.3,0.1", // day 2, label 1, predicted 0
        "0.1,0.1,0.8", // day 1, right
        "0.1,0.2,0.7"); // day 2, right
    Map<String, Object> c = Fixtures.config("mref.csv", "meval.csv", "label", null);
    c.put("model_task", "Multi-class Classification");
    Fixtures.dataInfo(c).put("ref_pred_path", "mref_probs.csv");
    Fixtures.dataInfo(c).put("eval_pred_path", "meval_probs.csv");
    c.put("continuous_info", Map.of("timestamp_col", "ts", "bin_size", "day"));

    ContinuousRunResult r =
        ContinuousEngine.run(
            c, dir, ContinuousEngine.Mode.FROM_REFERENCE, Set.of(), ProgressListener.NONE);

    assertThat(r.bins()).extracting(BinResult::rows).containsExactly(2L, 3L);
    assertThat(value(r.bins().get(0), "multiclass_accuracy", null)).isEqualTo(1.0);
    assertThat(value(r.bins().get(1), "multiclass_accuracy", null))
        .isCloseTo(1.0 / 3, within(1e-12));
    assertThat(
            r.bins().get(1).result().summary().modelPerf().get("Multiclass Accuracy").evalMetric())
        .isCloseTo(1.0 / 3, within(1e-12));
    assertThat(r.stressTest().summary().modelPerf().get("Multiclass Accuracy").evalMetric())
        .isCloseTo(3.0 / 5, within(1e-12));
  }

  /** The comparable part of a case: id, features, status, severity and metrics. */
  private static void assertSameCases(List<TestCase> actual, List<TestCase> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      TestCase a = actual.get(i);
      TestCase e = expected.get(i);
      assertThat(a.testId()).isEqualTo(e.testId());
      assertThat(a.features()).as(a.testId()).isEqualTo(e.features());
      assertThat(a.status()).as(a.testId() + " " + a.features()).isEqualTo(e.status());
      assertThat(a.severity()).as(a.testId() + " " + a.features()).isEqualTo(e.severity());
      assertThat(a.metrics().keySet()).isEqualTo(e.metrics().keySet());
      e.metrics()
          .forEach(
              (k, v) -> {
                Double got = a.metrics().get(k);
                if (v == null || got == null || v.isNaN()) {
                  assertThat(got).as(a.testId() + " " + k).isEqualTo(v);
                } else {
                  // equal up to the order of DuckDB's parallel floating-point sums
                  assertThat(got)
                      .as(a.testId() + " " + a.features() + " " + k)
                      .isCloseTo(v, within(1e-9 * Math.max(1, Math.abs(v))));
                }
              });
    }
  }

  @Test
  void theStressTestAndEachBinEqualPlainStressTestsOfTheSameRows() {
    Fixtures.csv(dir, "gref.csv", EngineTest.generated(1, 400, 0));
    List<String> eval = EngineTest.generated(2, 600, 0.3);
    List<String> withTs = new ArrayList<>(List.of("ts," + eval.get(0)));
    List<List<String>> days = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      days.add(new ArrayList<>(List.of("ts," + eval.get(0))));
    }
    for (int i = 1; i < eval.size(); i++) {
      int d = (i - 1) % 3;
      String line =
          "2021-03-0" + (d + 1) + " " + String.format("%02d", i % 24) + ":00:00," + eval.get(i);
      withTs.add(line);
      days.get(d).add(line);
    }
    Fixtures.csv(dir, "geval.csv", withTs);
    for (int d = 0; d < 3; d++) {
      Fixtures.csv(dir, "geval" + d + ".csv", days.get(d));
    }
    Map<String, Object> config = Fixtures.config("gref.csv", "geval.csv", "label", "pred");
    config.put("continuous_info", Map.of("timestamp_col", "ts", "bin_size", "day"));

    ContinuousRunResult r =
        ContinuousEngine.run(
            config, dir, ContinuousEngine.Mode.FROM_REFERENCE, Set.of(), ProgressListener.NONE);

    Map<String, Object> plain = Fixtures.config("gref.csv", "geval.csv", "label", "pred");
    plain.put("tests_config", Map.of("global_exclude_columns", List.of("ts")));
    assertSameCases(r.stressTest().testCases(), Engine.run(plain, dir, null).testCases());
    assertThat(r.bins()).hasSize(3);
    for (int d = 0; d < 3; d++) {
      Map<String, Object> day = Fixtures.config("gref.csv", "geval" + d + ".csv", "label", "pred");
      day.put(
          "tests_config",
          Map.of(
              "categories", ContinuousEngine.CATEGORIES, "global_exclude_columns", List.of("ts")));
      assertThat(r.bins().get(d).rows()).isEqualTo(200);
      assertSameCases(r.bins().get(d).result().testCases(), Engine.run(day, dir, null).testCases());
    }
  }
}
