// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Column;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.metrics.MetricStats;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the group fairness tests share: for each protected feature (or, for an intersectional test,
 * each crossing of protected features, {@link Grouping#crossings}), the model's metrics on each of
 * its groups of evaluation rows, from the metrics core ({@link MetricStats#byGroup}, one {@code
 * GROUP BY} per grouping, shared by the tests of a run), then a judgement of how unequal they are
 * ({@link #judge}). One case per feature or crossing; one that cannot be measured is a SKIP (or
 * failed) case and the others still run.
 *
 * <p>A group's value of a metric is judged only when it rests on at least {@code min_sample_size}
 * rows ({@link MetricStats#support}: every row for rates of the predictions, the positives for
 * recall, the negatives for the false positive rate) and is defined; the others are reported, not
 * judged. A difference counts only when it exceeds the low threshold by more than sampling noise
 * explains, at {@code subset_profiling_config.confidence_level} (ADR 0010).
 */
abstract class GroupFairnessTest implements StressTest {

  /** One group's value of a metric. */
  record GroupValue(String key, long support, Double value, Double se) {
    /** The group's name in tables: its key, or {@code null} for missing values. */
    String name() {
      return ProtectedGroups.name(key);
    }

    /** Whether the value is judged: defined, on at least {@code minSamples} rows. */
    boolean judged(int minSamples) {
      return value != null && support >= minSamples;
    }
  }

  /** The metrics this test judges; those of the run's model task are used. */
  protected abstract List<Metric> metrics();

  /** Whether the groups are crossings of protected features rather than one feature's. */
  protected boolean intersectional() {
    return false;
  }

  /** Judges one grouping's statistics per group (keyed as {@link MetricStats#byGroup}). */
  protected abstract TestCase judge(
      TestContext ctx,
      TestParams params,
      Grouping grouping,
      List<Metric> metrics,
      Map<String, MetricStats> stats);

  @Override
  public String category() {
    return "Bias and Fairness";
  }

  /** The tasks of its metrics. */
  @Override
  public Set<ModelTask> tasks() {
    Set<ModelTask> tasks = EnumSet.noneOf(ModelTask.class);
    metrics().forEach(m -> tasks.addAll(m.tasks()));
    return tasks;
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<Metric> metrics =
        metrics().stream().filter(m -> m.tasks().contains(ctx.modelTask())).toList();
    if (metrics.isEmpty()) {
      throw new SkipTest(
          "needs "
              + tasks().stream().map(ModelTask::displayName).collect(Collectors.joining(" or "))
              + "; model_task is "
              + ctx.modelTask().displayName());
    }
    ctx.requireModelOutput();
    if (metrics.stream().anyMatch(Metric::needsLabels)) {
      ctx.requireLabels();
    }
    List<Column> features = ProtectedGroups.features(ctx, params);
    List<List<Column>> groupings = new ArrayList<>();
    if (intersectional()) {
      groupings.addAll(
          Grouping.crossings(
              features,
              ctx.config().dataInfo().intersections(),
              ctx.columns(),
              params.excludeColumns()));
      if (groupings.isEmpty()) {
        throw new SkipTest(
            "one protected feature and no data_info.intersections: no groups to cross");
      }
    } else {
      features.forEach(c -> groupings.add(List.of(c)));
    }
    List<TestCase> out = new ArrayList<>();
    for (List<Column> columns : groupings) {
      List<String> names = columns.stream().map(Column::name).toList();
      try {
        List<ProtectedGroups> parts = new ArrayList<>();
        columns.forEach(c -> parts.add(ProtectedGroups.of(ctx, c)));
        Grouping grouping = parts.size() == 1 ? Grouping.of(parts.get(0)) : Grouping.crossed(parts);
        Map<String, MetricStats> stats = stats(ctx, grouping);
        out.add(judge(ctx, params, grouping, metrics, stats));
      } catch (SkipTest s) {
        out.add(CaseBuilder.skip(this, names, s.getMessage()));
      } catch (RuntimeException | LinkageError | AssertionError e) {
        out.add(CaseBuilder.error(this, names, e));
      }
    }
    return out;
  }

  /**
   * The evaluation statistics of each group of a grouping, computed by the first test that asks and
   * kept for the run: every group fairness test reads the same ones.
   */
  static Map<String, MetricStats> stats(TestContext ctx, Grouping grouping) {
    return ctx.shared(
        GroupFairnessTest.class.getName() + "/" + grouping.keyExpr(),
        () -> MetricStats.byGroup(ctx, true, grouping.keyExpr(), false));
  }

  /** Each group's value of {@code metric}, in the grouping's order. */
  static List<GroupValue> values(Grouping grouping, Map<String, MetricStats> stats, Metric metric) {
    Map<String, GroupValue> sorted = new TreeMap<>(grouping.order());
    stats.forEach(
        (key, s) ->
            sorted.put(
                key,
                new GroupValue(key, s.support(metric), s.value(metric), s.standardError(metric))));
    return List.copyOf(sorted.values());
  }

  /** SKIP unless at least two groups have a judged value. */
  static List<GroupValue> requireTwoJudged(
      Grouping grouping, List<GroupValue> values, Metric metric, int minSamples) {
    List<GroupValue> judged = values.stream().filter(v -> v.judged(minSamples)).toList();
    if (judged.size() < 2) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "%s of %s has a %s on at least min_sample_size %d rows: no two groups to compare",
              judged.isEmpty() ? "no group" : "only one group",
              quoted(grouping.features()),
              metric.displayName(),
              minSamples));
    }
    return judged;
  }

  /** {@code 'a'} or {@code 'a' x 'b'}: how descriptions name a grouping's features. */
  static String quoted(List<String> features) {
    return features.stream().map(f -> "'" + f + "'").collect(Collectors.joining(" x "));
  }

  /** A number for a description: 4 significant digits, or "undefined". */
  static String fmt(Double v) {
    return v == null ? "undefined" : String.format(Locale.ROOT, "%.4g", v);
  }
}
