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
 * Equality of error rates across groups, judged by gaps: for each metric (e.g. the true and false
 * positive rates), the gap between two judged groups is the difference of their values; the largest
 * gap of any metric, counting only pairs whose gap exceeds the low threshold by more than sampling
 * noise explains ({@code gap − low > z · sqrt(SE_a² + SE_b²)}), is judged against the ascending
 * {@code performance_change_thresholds} ([0.1, 0.2, 0.3]: RIME's equalized odds thresholds). Gaps
 * rather than ratios: error rates are often small, and the ratio of 0.01 to 0.02 would fail a rule
 * meant for selection rates (ADR 0010).
 */
abstract class GapTest extends GroupFairnessTest {

  /** {@code performance_change_thresholds}: ascending gap thresholds. */
  static final Param THRESHOLDS =
      Param.thresholds("performance_change_thresholds", Range.UNIT, 0.1, 0.2, 0.3);

  @Override
  public List<Param> params() {
    return List.of(ParityTest.MIN_SAMPLE_SIZE, THRESHOLDS);
  }

  /** The gap of one metric: its extreme groups and the largest gap claimed beyond noise. */
  private record Gap(Metric metric, GroupValue low, GroupValue high, Double claimed) {
    double gap() {
      return high.value() - low.value();
    }
  }

  @Override
  protected TestCase judge(
      TestContext ctx,
      TestParams params,
      Grouping grouping,
      List<Metric> metrics,
      Map<String, MetricStats> stats) {
    Thresholds thresholds = params.thresholds(THRESHOLDS.key());
    int minSamples = params.integer(ParityTest.MIN_SAMPLE_SIZE.key());
    double z = ctx.z();
    String what = quoted(grouping.features());

    // Measure each metric's groups and gaps.
    List<List<GroupValue>> all = new ArrayList<>();
    List<Gap> gaps = new ArrayList<>();
    for (Metric m : metrics) {
      List<GroupValue> values = values(grouping, stats, m);
      all.add(values);
      List<GroupValue> judged = values.stream().filter(v -> v.judged(minSamples)).toList();
      if (judged.size() < 2) {
        continue;
      }
      GroupValue lo = judged.get(0);
      GroupValue hi = judged.get(0);
      Double claimed = null;
      for (GroupValue a : judged) {
        lo = a.value() < lo.value() ? a : lo;
        hi = a.value() > hi.value() ? a : hi;
        for (GroupValue b : judged) {
          double d = a.value() - b.value();
          double se = Math.sqrt(sq(a.se()) + sq(b.se()));
          if (d >= thresholds.low() && d - thresholds.low() > z * se) {
            claimed = claimed == null ? d : Math.max(claimed, d);
          }
        }
      }
      gaps.add(new Gap(m, lo, hi, claimed));
    }
    if (gaps.isEmpty()) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "fewer than two groups of %s have a %s on at least min_sample_size %d rows: no two"
                  + " groups to compare",
              what,
              metrics.stream().map(Metric::displayName).toList(),
              minSamples));
    }

    // Judge: the largest gap claimed.
    Double claimed = null;
    Gap largest = gaps.get(0);
    for (Gap g : gaps) {
      if (g.claimed() != null) {
        claimed = claimed == null ? g.claimed() : Math.max(claimed, g.claimed());
      }
      largest = g.gap() > largest.gap() ? g : largest;
    }
    Severity severity = claimed == null ? Severity.NONE : thresholds.severity(claimed);
    List<String> parts = new ArrayList<>();
    for (Gap g : gaps) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%s ranges from %s (%s) to %s (%s), a gap of %s",
              g.metric().displayName(),
              fmt(g.low().value()),
              g.low().name(),
              fmt(g.high().value()),
              g.high().name(),
              fmt(g.gap())));
    }
    String head = "Across the groups of " + what + ", " + String.join("; ", parts);
    String tail;
    if (severity != Severity.NONE) {
      tail =
          String.format(
              Locale.ROOT,
              ". The largest gap beyond the low threshold %s by more than sampling noise, %s,"
                  + " reaches the %s threshold %s: severity %s.",
              fmt(thresholds.low()),
              fmt(claimed),
              Thresholds.levelName(severity),
              fmt(thresholds.of(severity)),
              Thresholds.severityName(severity));
    } else if (largest.gap() >= thresholds.low()) {
      tail =
          String.format(
              Locale.ROOT,
              ". The largest gap reaches the low threshold %s, but not by more than sampling noise"
                  + " explains at confidence level %s, so no disparity is claimed.",
              fmt(thresholds.low()),
              fmt(ctx.config().confidenceLevel()));
    } else {
      tail =
          String.format(
              Locale.ROOT, ". Every gap is below the low threshold %s.", fmt(thresholds.low()));
    }
    CaseBuilder b =
        CaseBuilder.of(this)
            .features(grouping.features())
            .judged(severity)
            .importance(largest.gap());
    for (Gap g : gaps) {
      b.metric(g.metric().id() + "_gap", g.gap());
    }
    b.metric("max_gap", largest.gap()).metric("claimed_gap", claimed);
    List<Map<String, Object>> table = new ArrayList<>();
    for (int i = 0; i < all.get(0).size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", all.get(0).get(i).name());
      for (int k = 0; k < metrics.size(); k++) {
        GroupValue v = all.get(k).get(i);
        String id = metrics.get(k).id();
        row.put(id + "_size", v.support());
        row.put(id, v.value());
        row.put(id + "_judged", v.judged(minSamples));
      }
      table.add(row);
    }
    return b.detail("metrics", metrics.stream().map(Metric::displayName).toList())
        .detail("performance_change_thresholds", thresholds.toList())
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
