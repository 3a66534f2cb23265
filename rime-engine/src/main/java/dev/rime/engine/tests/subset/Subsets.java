// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.subset;

import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.metrics.MetricStats;
import dev.rime.engine.stats.Edges;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.TestContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The subsets of one feature, as RIME splits it: a numeric feature between reference quantile edges
 * at {@code k / subset_profiling_config.num_subsets} (de-duplicated; bins {@code (-inf, e1], (e1,
 * e2], …, (eK, inf)}, keyed {@code 0 … K}), a categorical or boolean feature by value; missing
 * values are the subset keyed null. The model's statistics per subset and side come from one SQL
 * GROUP BY, kept for the run and shared by every test that asks ({@link #stats}).
 */
final class Subsets {

  private final Column column;
  private final List<Double> edges; // null for a categorical feature

  private Subsets(Column column, List<Double> edges) {
    this.column = column;
    this.edges = edges;
  }

  /** The subsets of a categorical, boolean or numeric feature. */
  static Subsets of(TestContext ctx, Column c) {
    return new Subsets(
        c, c.isNumeric() ? ctx.quantileEdges(c.numExpr(), ctx.config().numSubsets()) : null);
  }

  Column column() {
    return column;
  }

  /** SQL over either side's columns: the subset key of a row (null for a missing value). */
  String keySql() {
    return edges == null
        ? column.catExpr()
        : "NULLIF(" + Edges.binSql(column.numExpr(), edges) + ", -1)";
  }

  /** The keys in presentation order: bins in order, values as given; null last. */
  List<String> order(Collection<String> keys) {
    List<String> out = new ArrayList<>(keys);
    Comparator<String> byKey =
        edges == null ? Comparator.naturalOrder() : Comparator.comparingInt(Integer::parseInt);
    out.sort(Comparator.nullsLast(byKey));
    return out;
  }

  /** The subset's name: the value, the interval of a bin, or {@code null}. */
  String name(String key) {
    if (key == null) {
      return "null";
    }
    if (edges == null) {
      return key;
    }
    int i = Integer.parseInt(key);
    String lo = i == 0 ? "-inf" : num(edges.get(i - 1));
    String hi = i == edges.size() ? "inf" : num(edges.get(i));
    return "(" + lo + ", " + hi + (i == edges.size() ? ")" : "]");
  }

  /** The subset as a condition on the feature, e.g. {@code city == x}, {@code 3 < age <= 7}. */
  String criterion(String key) {
    String f = column.name();
    if (key == null) {
      return f + " is null";
    }
    if (edges == null) {
      return f + " == " + key;
    }
    int i = Integer.parseInt(key);
    if (edges.isEmpty()) {
      return f + " is not null";
    }
    if (i == 0) {
      return f + " <= " + num(edges.get(0));
    }
    if (i == edges.size()) {
      return f + " > " + num(edges.get(i - 1));
    }
    return num(edges.get(i - 1)) + " < " + f + " <= " + num(edges.get(i));
  }

  /**
   * The model's statistics of each subset on one side, keyed as {@link #keySql()}. Computed once
   * per feature and side for the run, with the mid-ranks AUC needs when the first test to ask needs
   * them (a later test without that need reuses them; one with it after one without costs a second
   * query).
   */
  Map<String, MetricStats> stats(TestContext ctx, boolean evaluation, boolean withRanks) {
    Held held =
        ctx.shared(
            "subset_stats:" + (evaluation ? "eval:" : "ref:") + column.name(), () -> new Held());
    synchronized (held) {
      if (held.withRanks == null && !withRanks && held.plain == null) {
        held.plain = MetricStats.byGroup(ctx, evaluation, keySql(), false);
      }
      if (withRanks && held.withRanks == null) {
        held.withRanks = MetricStats.byGroup(ctx, evaluation, keySql(), true);
      }
      return held.withRanks != null ? held.withRanks : held.plain;
    }
  }

  /** Statistics kept for the run, without and with mid-ranks. */
  private static final class Held {
    Map<String, MetricStats> plain;
    Map<String, MetricStats> withRanks;
  }

  // What the subset tests share beside the subsets themselves.

  /**
   * {@code performance_change_thresholds}: ours on the metric's scale, null when task-dependent.
   */
  static Param thresholdsParam(Metric metric) {
    ChangeScale scale = ChangeScale.fixedOf(metric);
    boolean bounded = scale == ChangeScale.ABSOLUTE && metric != Metric.R_SQUARED;
    Range range = bounded ? Range.UNIT : Range.NON_NEGATIVE;
    return scale == null
        ? Param.thresholds("performance_change_thresholds", range, (double[]) null)
        : Param.thresholds(
            "performance_change_thresholds",
            range,
            scale.defaults().low(),
            scale.defaults().medium(),
            scale.defaults().high());
  }

  /** {@code min_sample_size}: RIME's 20. */
  static Param minSampleSizeParam() {
    return Param.integer("min_sample_size", 20, Range.intsFrom(1));
  }

  /** SKIP unless the metric is one of the run's task and what it needs is there. */
  static void requireMetric(TestContext ctx, Metric metric) {
    if (!metric.tasks().contains(ctx.modelTask())) {
      throw new SkipTest(
          metric.displayName()
              + " is a metric of "
              + metric.tasks().stream()
                  .map(ModelTask::displayName)
                  .collect(Collectors.joining(" and "))
              + "; model_task is "
              + ctx.modelTask().displayName());
    }
    ctx.requireModelOutput();
    if (metric.needsLabels()) {
      ctx.requireLabels();
    }
  }

  /** Whether the statistics must carry mid-rank sums (AUC and multiclass AUC). */
  static boolean needsRanks(Metric metric) {
    return metric == Metric.AUC || metric == Metric.MULTICLASS_AUC;
  }

  /** Why a metric may be undefined on a set of rows, for SKIP reasons. */
  static String why(Metric metric) {
    return switch (metric) {
      case AUC, MULTICLASS_AUC -> " (only one label class)";
      case PRECISION -> " (no positive predictions)";
      case RECALL, FALSE_NEGATIVE_RATE -> " (no positive labels)";
      case FALSE_POSITIVE_RATE -> " (no negative labels)";
      case F1 -> " (no positive labels or predictions)";
      case MSLE -> " (a negative label or prediction)";
      case R_SQUARED -> " (fewer than two labelled rows)";
      default -> metric.needsLabels() ? " (no labelled rows)" : " (no rows)";
    };
  }

  /** The rows {@link MetricStats#support} counts for a metric, for details. */
  static String supportName(Metric metric) {
    return switch (metric) {
      case POSITIVE_PREDICTION_RATE, AVERAGE_PREDICTION, AVERAGE_CONFIDENCE -> "rows";
      case PRECISION -> "positive predictions";
      case RECALL, FALSE_NEGATIVE_RATE -> "positive labels";
      case FALSE_POSITIVE_RATE -> "negative labels";
      case F1 -> "positive labels or predictions";
      default -> "labelled rows";
    };
  }

  /** The share of positive labels among labelled rows (binary), else null. */
  static Double positiveRate(MetricStats s) {
    return s.task() != ModelTask.BINARY_CLASSIFICATION || s.labeledRows() == 0
        ? null
        : (double) s.positives() / s.labeledRows();
  }

  /**
   * The rows of a subset table a case lists: all of them up to {@link
   * SubsetPerformanceTest#MAX_LISTED}, else that many, judged first, then worst first by {@code
   * by}.
   */
  static List<Map<String, Object>> listed(List<Map<String, Object>> table, String by) {
    if (table.size() <= SubsetPerformanceTest.MAX_LISTED) {
      return table;
    }
    List<Map<String, Object>> out = new ArrayList<>(table);
    Comparator<Map<String, Object>> judgedFirst =
        Comparator.comparing(r -> !(Boolean) r.get("judged"));
    Comparator<Map<String, Object>> worstFirst =
        Comparator.comparing(
            r -> (Double) r.get(by), Comparator.nullsLast(Comparator.reverseOrder()));
    out.sort(judgedFirst.thenComparing(worstFirst));
    return out.subList(0, SubsetPerformanceTest.MAX_LISTED);
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
