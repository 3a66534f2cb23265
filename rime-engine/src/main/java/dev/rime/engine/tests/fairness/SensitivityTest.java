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
 * Subset Sensitivity: how far a group's metric is from the whole evaluation data's, {@code |value −
 * overall|}; the largest difference of a judged group that exceeds the low threshold by more than
 * its sampling noise ({@code |value − overall| − low > z · SE}) is judged against {@code
 * performance_thresholds}. RIME substitutes values into rows and calls the model ({@code
 * num_samples_to_simulate}); without a model this engine measures the groups as they are, and
 * accepts {@code num_samples_to_simulate} without effect (ADR 0010).
 */
abstract class SensitivityTest extends GroupFairnessTest {

  @Override
  public List<Param> params() {
    return List.of(
        Param.thresholds("performance_thresholds", Range.UNIT, 0.1, 0.2, 0.3),
        ParityTest.MIN_SAMPLE_SIZE,
        Param.integer("num_samples_to_simulate", 100, Range.intsFrom(1)));
  }

  @Override
  protected TestCase judge(
      TestContext ctx,
      TestParams params,
      Grouping grouping,
      List<Metric> metrics,
      Map<String, MetricStats> stats) {
    Metric metric = metrics.get(0);
    Thresholds thresholds = params.thresholds("performance_thresholds");
    int minSamples = params.integer(ParityTest.MIN_SAMPLE_SIZE.key());
    double z = ctx.z();
    String what = quoted(grouping.features());
    Double overall = ctx.overallStats(true).value(metric);
    if (overall == null) {
      throw new SkipTest(metric.displayName() + " is undefined on the evaluation data");
    }

    // Measure.
    List<GroupValue> values = values(grouping, stats, metric);
    List<Map<String, Object>> table = new ArrayList<>();
    GroupValue furthest = null;
    Double claimed = null;
    GroupValue claimedGroup = null;
    for (GroupValue v : values) {
      boolean judged = v.judged(minSamples);
      Double diff = v.value() == null ? null : Math.abs(v.value() - overall);
      Double margin = v.se() == null ? null : z * v.se();
      boolean fails = judged && diff >= thresholds.low() && diff - thresholds.low() > margin;
      if (judged && (furthest == null || diff > Math.abs(furthest.value() - overall))) {
        furthest = v;
      }
      if (fails && (claimed == null || diff > claimed)) {
        claimed = diff;
        claimedGroup = v;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", v.name());
      row.put("size", v.support());
      row.put(metric.id(), v.value());
      row.put("diff_from_overall", diff);
      row.put("margin_error", margin);
      row.put("judged", judged);
      row.put("failing", fails);
      table.add(row);
    }
    if (furthest == null) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "no group of %s has a %s on at least min_sample_size %d rows",
              what,
              metric.displayName(),
              minSamples));
    }
    double maxDiff = Math.abs(furthest.value() - overall);

    // Judge.
    Severity severity = claimed == null ? Severity.NONE : thresholds.severity(claimed);
    String head =
        String.format(
            Locale.ROOT,
            "%s is %s on the whole evaluation data; the group of %s furthest from it, %s, has %s,"
                + " a difference of %s",
            metric.displayName(),
            fmt(overall),
            what,
            furthest.name(),
            fmt(furthest.value()),
            fmt(maxDiff));
    String tail;
    if (severity != Severity.NONE) {
      tail =
          String.format(
              Locale.ROOT,
              "; the largest difference beyond the low threshold %s by more than sampling noise,"
                  + " %s (%s), reaches the %s threshold %s: severity %s.",
              fmt(thresholds.low()),
              fmt(claimed),
              claimedGroup.name(),
              Thresholds.levelName(severity),
              fmt(thresholds.of(severity)),
              Thresholds.severityName(severity));
    } else if (maxDiff >= thresholds.low()) {
      tail =
          String.format(
              Locale.ROOT,
              "; it reaches the low threshold %s, but not by more than sampling noise explains at"
                  + " confidence level %s.",
              fmt(thresholds.low()),
              fmt(ctx.config().confidenceLevel()));
    } else {
      tail = String.format(Locale.ROOT, ", below the low threshold %s.", fmt(thresholds.low()));
    }
    return CaseBuilder.of(this)
        .features(grouping.features())
        .judged(severity)
        .importance(maxDiff)
        .metric("overall_" + metric.id(), overall)
        .metric("max_diff", maxDiff)
        .metric("claimed_diff", claimed)
        .metric("num_groups", values.size())
        .detail("metric", metric.displayName())
        .detail("furthest_group", furthest.name())
        .detail("performance_thresholds", thresholds.toList())
        .detail("min_sample_size", minSamples)
        .detail("confidence_level", ctx.config().confidenceLevel())
        .detail("grouping", grouping.description())
        .detail("groups", table)
        .description(head + tail)
        .build();
  }
}
