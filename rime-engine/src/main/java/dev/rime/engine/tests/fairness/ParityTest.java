// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.metrics.MetricStats;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parity of a metric across groups, judged by ratios to the best group (the "four-fifths rule"):
 * each judged group's value divided by the largest judged value, the smallest ratio against the
 * descending floors {@code performance_change_thresholds} (RIME's {@code [0.8, 0.7, 0.6]}: a group
 * whose rate is under 80% of the best group's is LOW, under 60% HIGH). A group counts only when it
 * falls below the low floor by more than sampling noise explains: {@code f · best − value > z ·
 * sqrt(SE² + f² · SE_best²)}, f the low floor (a one-sided z-test of "value ≥ f · best"). Ratios
 * need non-negative values; a grouping whose best value is 0 has none.
 */
abstract class ParityTest extends GroupFairnessTest {

  /** {@code performance_change_thresholds}: descending ratio floors. */
  static final Param FLOORS =
      new Param(
          "performance_change_thresholds",
          Param.Kind.FLOORS,
          List.of(0.8, 0.7, 0.6),
          List.of(),
          null,
          Range.UNIT);

  /** {@code min_sample_size}: the rows a group's value must rest on to be judged. */
  static final Param MIN_SAMPLE_SIZE = Param.integer("min_sample_size", 20, Range.intsFrom(1));

  @Override
  public List<Param> params() {
    return List.of(MIN_SAMPLE_SIZE, FLOORS);
  }

  @Override
  protected TestCase judge(
      TestContext ctx,
      TestParams params,
      Grouping grouping,
      List<Metric> metrics,
      Map<String, MetricStats> stats) {
    Metric metric = metrics.get(0);
    Thresholds floors = params.floors(FLOORS.key());
    int minSamples = params.integer(MIN_SAMPLE_SIZE.key());
    double z = ctx.z();
    String what = quoted(grouping.features());

    // Measure: each group's value, the best judged one.
    List<GroupValue> values = values(grouping, stats, metric);
    List<GroupValue> judged = requireTwoJudged(grouping, values, metric, minSamples);
    GroupValue best = judged.get(0);
    for (GroupValue v : judged) {
      if (v.value() < 0) {
        throw new SkipTest(
            String.format(
                Locale.ROOT,
                "the %s of group %s of %s is negative (%s): ratios need non-negative values",
                metric.displayName(),
                v.name(),
                what,
                fmt(v.value())));
      }
      if (v.value() > best.value()) {
        best = v;
      }
    }
    if (best.value() == 0) {
      throw new SkipTest(
          "every judged group of " + what + " has " + metric.displayName() + " 0: no ratio");
    }

    // Judge: ratios to the best; a shortfall below the low floor beyond noise.
    List<Map<String, Object>> table = new ArrayList<>();
    GroupValue worst = best;
    Double worstFailingRatio = null;
    int failing = 0;
    for (GroupValue v : values) {
      boolean isJudged = v.judged(minSamples);
      Double ratio = isJudged ? v.value() / best.value() : null;
      Double margin = null;
      boolean fails = false;
      if (isJudged) {
        double f = floors.low();
        margin = z * Math.sqrt(sq(v.se()) + f * f * sq(best.se()));
        fails = ratio < f && f * best.value() - v.value() > margin;
        if (ratio < worst.value() / best.value()) {
          worst = v;
        }
      }
      if (fails) {
        failing++;
        worstFailingRatio = worstFailingRatio == null ? ratio : Math.min(worstFailingRatio, ratio);
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", v.name());
      row.put("size", v.support());
      row.put(metric.id(), v.value());
      row.put("ratio_to_best", ratio);
      row.put("margin_error", margin);
      row.put("judged", isJudged);
      row.put("failing", fails);
      table.add(row);
    }
    double worstRatio = worst.value() / best.value();
    Severity severity =
        worstFailingRatio == null ? Severity.NONE : floors.severity(worstFailingRatio);
    String head =
        String.format(
            Locale.ROOT,
            "The group of %s with the lowest %s, %s (%s), has %s of the best group's, %s (%s)",
            what,
            metric.displayName(),
            worst.name(),
            fmt(worst.value()),
            fmt(worstRatio),
            best.name(),
            fmt(best.value()));
    String tail;
    if (severity != Severity.NONE) {
      tail =
          String.format(
              Locale.ROOT,
              "; %d group%s fall%s below the low floor %s beyond sampling noise, the lowest ratio"
                  + " among them %s is below the %s floor %s: severity %s.",
              failing,
              failing == 1 ? "" : "s",
              failing == 1 ? "s" : "",
              fmt(floors.low()),
              fmt(worstFailingRatio),
              Thresholds.levelName(severity),
              fmt(floors.of(severity)),
              Thresholds.severityName(severity));
    } else if (worstRatio < floors.low()) {
      tail =
          String.format(
              Locale.ROOT,
              ", below the low floor %s, but within sampling noise (margin of error %s at"
                  + " confidence level %s), so no disparity is claimed.",
              fmt(floors.low()),
              fmt(z * Math.sqrt(sq(worst.se()) + sq(floors.low()) * sq(best.se()))),
              fmt(ctx.config().confidenceLevel()));
    } else {
      tail =
          String.format(
              Locale.ROOT, ", at or above the low floor %s: parity holds.", fmt(floors.low()));
    }
    return CaseBuilder.of(this)
        .features(grouping.features())
        .judged(severity)
        .importance(1 - worstRatio)
        .metric("worst_ratio", worstRatio)
        .metric("worst_group_" + metric.id(), worst.value())
        .metric("best_group_" + metric.id(), best.value())
        .metric("num_failing_groups", failing)
        .metric("num_groups", values.size())
        .detail("metric", metric.displayName())
        .detail("worst_group", worst.name())
        .detail("best_group", best.name())
        .detail("performance_change_thresholds", floors.toList())
        .detail("min_sample_size", minSamples)
        .detail("confidence_level", ctx.config().confidenceLevel())
        .detail("grouping", grouping.description())
        .detail("groups", table)
        .description(head + tail)
        .build();
  }

  private static double sq(Double v) {
    return v == null ? 0 : v * v;
  }
}
