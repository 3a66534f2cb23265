// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Class Imbalance: how much the largest group of a protected feature ({@link ProtectedGroups})
 * dominates the evaluation data. The share of the largest group among the evaluation rows is judged
 * against {@code performance_change_thresholds}: with 96% of the rows in one group, the others are
 * too few for any other test to say how the model treats them.
 */
public final class ClassImbalanceTest implements StressTest {

  @Override
  public String id() {
    return "class_imbalance";
  }

  @Override
  public String displayName() {
    return "Class Imbalance";
  }

  @Override
  public String category() {
    return "Bias and Fairness";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.integer("min_sample_size", 20, Range.intsFrom(1)),
        Param.thresholds("performance_change_thresholds", Range.UNIT, 0.9, 0.93, 0.96),
        Param.unsupported(
            "metric",
            "Class Imbalance measures the groups' shares of the rows, not a model metric"));
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    return FeatureCases.each(
        this, ProtectedGroups.features(ctx, params), "protected", c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    Thresholds thresholds = params.thresholds("performance_change_thresholds");
    int minSamples = params.integer("min_sample_size");
    ProtectedGroups groups = ProtectedGroups.of(ctx, c);

    // Measure.
    Map<String, Long> sizes = new LinkedHashMap<>();
    groups
        .labelCounts(ctx)
        .forEach((g, byLabel) -> sizes.put(g, byLabel.values().stream().mapToLong(x -> x).sum()));
    long n = sizes.values().stream().mapToLong(Long::longValue).sum();
    if (n < minSamples) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "the evaluation data has %d rows; min_sample_size is %d",
              n,
              minSamples));
    }
    if (sizes.size() == 1 && sizes.containsKey(null)) {
      throw new SkipTest("'" + c.name() + "' is missing in every evaluation row");
    }
    String largest = null;
    String smallest = null;
    long max = -1;
    long min = Long.MAX_VALUE;
    for (Map.Entry<String, Long> e : sizes.entrySet()) {
      if (e.getValue() > max) {
        max = e.getValue();
        largest = e.getKey();
      }
      if (e.getValue() < min) {
        min = e.getValue();
        smallest = e.getKey();
      }
    }
    double share = (double) max / n;
    List<Map<String, Object>> table = new ArrayList<>();
    for (Map.Entry<String, Long> e : sizes.entrySet()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", ProtectedGroups.name(e.getKey()));
      row.put("size", e.getValue());
      row.put("share", (double) e.getValue() / n);
      row.put("largest", e.getKey() == null ? largest == null : e.getKey().equals(largest));
      table.add(row);
    }

    // Judge.
    Severity severity = thresholds.severity(share);
    String head =
        String.format(
            Locale.ROOT,
            "The largest group of '%s' (%s) holds %.4g of the %d evaluation rows (%d group%s; the"
                + " smallest, %s, holds %.4g)",
            c.name(),
            ProtectedGroups.name(largest),
            share,
            n,
            sizes.size(),
            sizes.size() == 1 ? "" : "s",
            ProtectedGroups.name(smallest),
            (double) min / n);
    String tail =
        severity == Severity.NONE
            ? String.format(Locale.ROOT, ", below the low threshold %.4g.", thresholds.low())
            : String.format(
                Locale.ROOT,
                ", which reaches the %s threshold %.4g: the other groups are too few to judge how"
                    + " the model treats them.",
                Thresholds.levelName(severity),
                thresholds.of(severity));
    return CaseBuilder.of(this)
        .feature(c.name())
        .judged(severity)
        .importance(share)
        .metric("largest_group_share", share)
        .metric("smallest_group_share", (double) min / n)
        .metric("num_groups", sizes.size())
        .metric("num_rows", n)
        .detail("largest_group", ProtectedGroups.name(largest))
        .detail("smallest_group", ProtectedGroups.name(smallest))
        .detail("performance_change_thresholds", thresholds.toList())
        .detail("min_sample_size", minSamples)
        .detail("grouping", groups.description())
        .detail("groups", table)
        .description(head + tail)
        .build();
  }
}
