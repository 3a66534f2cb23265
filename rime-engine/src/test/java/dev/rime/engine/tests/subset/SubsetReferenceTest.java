// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.subset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Json;
import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Db;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Subset Performance, Subset Performance Degradation and Weak Segments against numpy, scikit-learn
 * and scipy on seeded data of every task ({@code src/test/resources/reference/subset/subsets.py},
 * output {@code subsets.json}): per-subset sizes, metrics and margins of error for every metric of
 * every task, degradations with their combined margins, and the weak segment search's tests,
 * p-values, Benjamini–Hochberg q-values and reported segments.
 */
class SubsetReferenceTest {

  private static final Path DIR = dir();
  private static final Map<String, Object> EXPECTED = load();
  private static final double Z = ((Number) EXPECTED.get("z")).doubleValue();

  private Db db;

  private static Path dir() {
    try {
      return Path.of(
              SubsetReferenceTest.class.getResource("/reference/subset/subsets.json").toURI())
          .getParent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> load() {
    try {
      return Json.lenient().readValue(DIR.resolve("subsets.json").toFile(), Json.MAP);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  private static String section(ModelTask task) {
    return switch (task) {
      case BINARY_CLASSIFICATION -> "binary";
      case REGRESSION -> "regression";
      default -> "multiclass";
    };
  }

  private TestContext context(ModelTask task) {
    String s = section(task);
    Map<String, Object> c =
        Fixtures.config(
            s + "_ref.csv",
            s + "_eval.csv",
            "y",
            task == ModelTask.MULTI_CLASS_CLASSIFICATION ? null : "p");
    c.put("model_task", task.displayName());
    if (task == ModelTask.MULTI_CLASS_CLASSIFICATION) {
      Fixtures.dataInfo(c).put("ref_pred_path", "multiclass_ref_probs.csv");
      Fixtures.dataInfo(c).put("eval_pred_path", "multiclass_eval_probs.csv");
    }
    db = Db.open();
    return Fixtures.context(db, c, DIR);
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object o, String... keys) {
    Object v = o;
    for (String k : keys) {
      v = ((Map<String, Object>) v).get(k);
    }
    return (T) v;
  }

  /** [value, se, support] of a metric in a reference metrics map, null when absent. */
  private static Double value(Map<String, Object> metrics, Metric m, int i) {
    if (metrics == null) {
      return null;
    }
    List<Object> v = at(metrics, m.id());
    return v.get(i) == null ? null : ((Number) v.get(i)).doubleValue();
  }

  private static void close(Object actual, Double expected, String what) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
    } else {
      assertThat((Double) actual)
          .as(what)
          .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }
  }

  /** The unit of the metric's change scale, from the reference's overall values of one side. */
  private static double unit(ModelTask task, Metric m, String side) {
    Map<String, Object> overall = at(EXPECTED, "overall", section(task), side);
    return switch (ChangeScale.of(m, task)) {
      case ABSOLUTE -> 1.0;
      case RELATIVE -> Math.abs(value(overall, m, 0));
      case STANDARDISED ->
          value(overall, m, 1) * Math.sqrt(value(overall, Metric.AVERAGE_PREDICTION, 2));
    };
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelTask.class,
      names = {"BINARY_CLASSIFICATION", "MULTI_CLASS_CLASSIFICATION", "REGRESSION"})
  @SuppressWarnings("unchecked")
  void everySubsetMetricAndMarginMatches(ModelTask task) {
    TestContext ctx = context(task);
    Map<String, Object> overall = at(EXPECTED, "overall", section(task), "eval");
    int failingCases = 0;
    for (Metric m : Metric.forTask(task)) {
      StressTest t = new SubsetPerformanceTest(m);
      TestParams params = TestParams.defaults(t);
      Thresholds thresholds = params.thresholds("performance_change_thresholds", null);
      thresholds = thresholds == null ? ChangeScale.of(m, task).defaults() : thresholds;
      double unit = unit(task, m, "eval");
      double all = value(overall, m, 0);
      List<TestCase> cases = t.run(ctx, params);
      assertThat(cases).extracting(c -> c.features().get(0)).containsExactly("g", "x");
      for (TestCase c : cases) {
        String feature = c.features().get(0);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) c.details().get("subsets");
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Object e : (List<Object>) at(EXPECTED, "subsets", section(task), feature)) {
          if (((Number) at(e, "eval_size")).longValue() > 0) {
            expected.add((Map<String, Object>) e);
          }
        }
        assertThat(rows).as(m + " " + feature).hasSize(expected.size());
        int failing = 0;
        double worstFailing = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
          Map<String, Object> row = rows.get(i);
          Map<String, Object> ev = at(expected.get(i), "eval");
          String where = m.id() + " " + feature + " " + row.get("name");
          assertThat(((Number) row.get("size")).longValue())
              .as(where + " size")
              .isEqualTo(((Number) at(expected.get(i), "eval_size")).longValue());
          Double perf = value(ev, m, 0);
          close(row.get("perf"), perf, where + " perf");
          close(row.get("margin_error"), perf == null ? null : Z * value(ev, m, 1), where + " ME");
          close(row.get("diff"), perf == null ? null : m.worseBy(all, perf), where + " diff");
          assertThat(((Number) row.get("sample_size")).longValue())
              .as(where + " sample size")
              .isEqualTo(value(ev, m, 2).longValue());
          // The rule: judged with >= 20 rows, failing when the change reaches low beyond noise.
          boolean judged = perf != null && value(ev, m, 2) >= 20;
          double change = judged ? m.worseBy(all, perf) / unit : Double.NaN;
          boolean fails =
              judged && change >= thresholds.low() && change > Z * value(ev, m, 1) / unit;
          assertThat(row.get("failing")).as(where + " failing").isEqualTo(fails);
          if (fails) {
            failing++;
            worstFailing = Math.max(worstFailing, change);
          }
        }
        assertThat(c.metrics().get("num_failing_subsets")).isEqualTo((double) failing);
        assertThat(c.severity())
            .as(m + " " + feature)
            .isEqualTo(failing == 0 ? Severity.NONE : thresholds.severity(worstFailing));
        failingCases += failing > 0 ? 1 : 0;
      }
    }
    // The evaluation data's subset b is planted worse: some cases fail.
    assertThat(failingCases).isPositive();
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelTask.class,
      names = {"BINARY_CLASSIFICATION", "MULTI_CLASS_CLASSIFICATION", "REGRESSION"})
  @SuppressWarnings("unchecked")
  void everySubsetDegradationMatches(ModelTask task) {
    TestContext ctx = context(task);
    int failingCases = 0;
    for (Metric m : Metric.forTask(task)) {
      StressTest t = new SubsetDegradationTest(m);
      TestParams params = TestParams.defaults(t);
      Thresholds thresholds = params.thresholds("performance_change_thresholds", null);
      thresholds = thresholds == null ? ChangeScale.of(m, task).defaults() : thresholds;
      double unit = unit(task, m, "ref");
      for (TestCase c : t.run(ctx, params)) {
        String feature = c.features().get(0);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) c.details().get("subsets");
        List<Object> expected = at(EXPECTED, "subsets", section(task), feature);
        assertThat(rows).hasSize(expected.size());
        int failing = 0;
        for (int i = 0; i < rows.size(); i++) {
          Map<String, Object> row = rows.get(i);
          String where = m.id() + " " + feature + " " + row.get("name");
          Double r = value(at(expected.get(i), "ref"), m, 0);
          Double e = value(at(expected.get(i), "eval"), m, 0);
          close(row.get("ref_perf"), r, where + " ref");
          close(row.get("eval_perf"), e, where + " eval");
          if (r == null || e == null) {
            assertThat(row.get("degradation")).isNull();
            continue;
          }
          double seR = value(at(expected.get(i), "ref"), m, 1);
          double seE = value(at(expected.get(i), "eval"), m, 1);
          double margin = Z * Math.sqrt(seR * seR + seE * seE);
          close(row.get("degradation"), m.worseBy(r, e), where + " degradation");
          close(row.get("margin_error"), margin, where + " ME");
          boolean judged =
              value(at(expected.get(i), "ref"), m, 2) >= 20
                  && value(at(expected.get(i), "eval"), m, 2) >= 20;
          double change = m.worseBy(r, e) / unit;
          boolean fails = judged && change >= thresholds.low() && change > margin / unit;
          assertThat(row.get("failing")).as(where + " failing").isEqualTo(fails);
          failing += fails ? 1 : 0;
        }
        assertThat(c.metrics().get("num_failing_subsets")).isEqualTo((double) failing);
        failingCases += failing > 0 ? 1 : 0;
      }
    }
    assertThat(failingCases).isPositive();
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelTask.class,
      names = {"BINARY_CLASSIFICATION", "MULTI_CLASS_CLASSIFICATION", "REGRESSION"})
  @SuppressWarnings("unchecked")
  void weakSegmentsMatchScipy(ModelTask task) {
    TestContext ctx = context(task);
    Map<String, Object> expected = at(EXPECTED, "weak_segments", section(task));
    StressTest t = new WeakSegmentsTest();
    TestCase c = t.run(ctx, TestParams.defaults(t)).get(0);
    assertThat(c.details().get("metric")).isEqualTo(expected.get("metric"));
    assertThat(c.metrics().get("num_segments_tested"))
        .isEqualTo(((Number) expected.get("num_tested")).doubleValue());
    assertThat(c.metrics().get("num_significant_segments"))
        .isEqualTo(((Number) expected.get("num_significant")).doubleValue());
    assertThat(c.metrics().get("num_weak_segments"))
        .isEqualTo(((Number) expected.get("num_weak")).doubleValue());
    List<Map<String, Object>> rows = (List<Map<String, Object>>) c.details().get("segments");
    List<Object> reported = at(expected, "reported");
    assertThat(rows).hasSize(reported.size()).isNotEmpty();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      Object e = reported.get(i);
      assertThat(row.get("features")).isEqualTo(at(e, "features"));
      String where = "segment " + row.get("criterion");
      close(row.get("perf"), ((Number) at(e, "value")).doubleValue(), where + " perf");
      close(row.get("rest_perf"), ((Number) at(e, "rest")).doubleValue(), where + " rest");
      close(row.get("gap"), ((Number) at(e, "gap")).doubleValue(), where + " gap");
      double p = ((Number) at(e, "p")).doubleValue();
      double q = ((Number) at(e, "q")).doubleValue();
      assertThat((Double) row.get("p_value")).as(where + " p").isCloseTo(p, within(1e-9 * p));
      assertThat((Double) row.get("q_value")).as(where + " q").isCloseTo(q, within(1e-9 * q));
    }
    assertThat(c.features()).contains("g");
    assertThat((String) rows.get(0).get("criterion")).isEqualTo("g == b");
  }
}
