// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Json;
import dev.rime.engine.Fixtures;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.TestContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every metric of every task, over all rows and per group, against scikit-learn on the same rows
 * ({@code src/test/resources/reference/metrics/metrics.py}, output {@code metrics.json}): three
 * seeded datasets with ties, missing labels and predictions, a group with one label class, a group
 * without one class, zero and negative labels.
 */
class MetricStatsTest {

  private static final Path DIR = dir();

  private static Path dir() {
    try {
      return Path.of(MetricStatsTest.class.getResource("/reference/metrics/metrics.json").toURI())
          .getParent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> config(ModelTask task) {
    return switch (task) {
      case BINARY_CLASSIFICATION -> Fixtures.config("binary.csv", "binary.csv", "y", "p");
      case REGRESSION -> {
        Map<String, Object> c = Fixtures.config("regression.csv", "regression.csv", "y", "p");
        c.put("model_task", "Regression");
        yield c;
      }
      default -> {
        Map<String, Object> c = Fixtures.config("multiclass.csv", "multiclass.csv", "y", null);
        c.put("model_task", "Multi-class Classification");
        Fixtures.dataInfo(c).put("ref_pred_path", "multiclass_probs.csv");
        Fixtures.dataInfo(c).put("eval_pred_path", "multiclass_probs.csv");
        yield c;
      }
    };
  }

  private static String section(ModelTask task) {
    return switch (task) {
      case BINARY_CLASSIFICATION -> "binary";
      case REGRESSION -> "regression";
      default -> "multiclass";
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  private static void assertMatches(MetricStats s, Map<String, Object> expected, String where) {
    assertThat(s.rows()).as(where + " rows").isEqualTo(((Number) expected.get("rows")).longValue());
    assertThat(s.labeledRows())
        .as(where + " labeled rows")
        .isEqualTo(((Number) expected.get("labeled_rows")).longValue());
    int checked = 0;
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      String name = e.getKey();
      if (name.equals("rows") || name.equals("labeled_rows")) {
        continue;
      }
      Metric m = Metric.byId(name);
      Double actual = s.value(m);
      if (e.getValue() == null) {
        assertThat(actual).as(where + " " + name).isNull();
        assertThat(s.standardError(m)).as(where + " SE of " + name).isNull();
      } else {
        double v = ((Number) e.getValue()).doubleValue();
        assertThat(actual).as(where + " " + name).isNotNull();
        assertThat(actual)
            .as(where + " " + name)
            .isCloseTo(v, within(1e-12 * Math.max(1, Math.abs(v))));
        assertThat(s.standardError(m)).as(where + " SE of " + name).isNotNull().isNotNegative();
      }
      checked++;
    }
    assertThat(checked).isEqualTo(Metric.forTask(s.task()).size());
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelTask.class,
      names = {"BINARY_CLASSIFICATION", "MULTI_CLASS_CLASSIFICATION", "REGRESSION"})
  void everyMetricOverAllRowsAndPerGroupMatchesScikitLearn(ModelTask task) throws Exception {
    Map<String, Object> expected =
        map(
            Json.lenient()
                .readValue(DIR.resolve("metrics.json").toFile(), Json.MAP)
                .get(section(task)));
    try (Db db = Db.open()) {
      TestContext ctx = Fixtures.context(db, config(task), DIR);
      assertMatches(ctx.overallStats(true), map(expected.get("all")), "all");
      Map<String, MetricStats> groups = MetricStats.byGroup(ctx, true, "\"g\"", true);
      Map<String, Object> byGroup = map(expected.get("groups"));
      assertThat(groups).hasSize(byGroup.size());
      for (String key : byGroup.keySet()) {
        MetricStats s = groups.get(key.equals("<null>") ? null : key);
        assertThat(s).as("group " + key).isNotNull();
        assertMatches(s, map(byGroup.get(key)), "group " + key);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ModelTask.class,
      names = {"BINARY_CLASSIFICATION", "MULTI_CLASS_CLASSIFICATION", "REGRESSION"})
  void theRestOfTheRowsByComplementEqualsTheirOwnQuery(ModelTask task) {
    try (Db db = Db.open()) {
      TestContext ctx = Fixtures.context(db, config(task), DIR);
      // Group a against everything else (missing g included), gathered by SQL directly.
      Map<String, MetricStats> split =
          MetricStats.byGroup(ctx, true, "COALESCE(\"g\" = 'a', false)", false);
      MetricStats a = MetricStats.byGroup(ctx, true, "\"g\"", false).get("a");
      MetricStats rest = ctx.overallStats(true).minus(a);
      MetricStats expected = split.get("false");
      assertThat(rest.rows()).isEqualTo(expected.rows());
      assertThat(rest.labeledRows()).isEqualTo(expected.labeledRows());
      for (Metric m : Metric.forTask(task)) {
        if (m == Metric.AUC || m == Metric.MULTICLASS_AUC || m == Metric.R_SQUARED) {
          assertThat(rest.value(m)).as(m.id()).isNull(); // ranks and label variance do not subtract
          continue;
        }
        if (expected.value(m) == null) {
          assertThat(rest.value(m)).as(m.id()).isNull(); // e.g. MSLE with negative values
          continue;
        }
        double v = expected.value(m);
        double se = expected.standardError(m);
        assertThat(rest.value(m)).as(m.id()).isCloseTo(v, within(1e-12 * Math.max(1, v)));
        assertThat(rest.standardError(m))
            .as("SE of " + m.id())
            .isCloseTo(se, within(1e-12 * Math.max(1, se)));
      }
      // Taking every row away leaves nothing.
      assertThat(ctx.overallStats(true).minus(ctx.overallStats(true)).rows()).isZero();
    }
  }
}
