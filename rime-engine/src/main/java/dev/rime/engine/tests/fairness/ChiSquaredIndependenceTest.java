// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.stats.ChiSquared;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Feature Independence: whether the label depends on a protected feature in the evaluation data.
 * Pearson's chi-squared test of independence ({@link ChiSquared#independence}, no continuity
 * correction) of the table of groups ({@link ProtectedGroups}) by label class, over the labelled
 * rows of the groups with at least {@code min_subset_sample_size} of them. RIME's {@code
 * p_value_thresholds} {@code [0.005, 0.01, 0.05]} list p-values from the strongest evidence to the
 * weakest: p below 0.05 is LOW, below 0.01 MEDIUM, below 0.005 HIGH. On large data any difference
 * is significant, so a dependence also needs Cramér's V ≥ {@code min_cramers_v} (ADR 0010).
 */
public final class ChiSquaredIndependenceTest implements StressTest {

  @Override
  public String id() {
    return "chi_squared_independence";
  }

  @Override
  public String displayName() {
    return "Feature Independence";
  }

  @Override
  public String category() {
    return "Bias and Fairness";
  }

  @Override
  public Set<ModelTask> tasks() {
    return EnumSet.of(ModelTask.BINARY_CLASSIFICATION, ModelTask.MULTI_CLASS_CLASSIFICATION);
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.thresholds("p_value_thresholds", Range.UNIT, 0.005, 0.01, 0.05),
        Param.integer("min_sample_size", 100, Range.intsFrom(1)),
        Param.integer("min_subset_sample_size", 20, Range.intsFrom(1)),
        Param.number("min_cramers_v", 0.1, Range.UNIT));
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requireLabels();
    if (ctx.modelTask() == ModelTask.REGRESSION) {
      throw new SkipTest("needs class labels; model_task is " + ctx.modelTask().displayName());
    }
    return FeatureCases.each(
        this, ProtectedGroups.features(ctx, params), "protected", c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    Thresholds given = params.thresholds("p_value_thresholds");
    // [high, medium, low] p-value levels as floors: p < low's level is LOW, and so on.
    Thresholds floors = Thresholds.floors(given.high(), given.medium(), given.low());
    int minSamples = params.integer("min_sample_size");
    int minSubset = params.integer("min_subset_sample_size");
    double minV = params.number("min_cramers_v");
    ProtectedGroups groups = ProtectedGroups.of(ctx, c);

    // Measure: labelled rows per group and label class.
    Map<String, Map<String, Long>> counts = new TreeMap<>(groups.order());
    groups
        .labelCounts(ctx)
        .forEach(
            (g, byLabel) ->
                byLabel.forEach(
                    (y, n) -> {
                      if (y != null) {
                        counts.computeIfAbsent(g, k -> new TreeMap<>()).put(y, n);
                      }
                    }));
    long labelled = 0;
    List<String> tested = new ArrayList<>();
    TreeSet<String> classes = new TreeSet<>();
    for (Map.Entry<String, Map<String, Long>> e : counts.entrySet()) {
      long size = e.getValue().values().stream().mapToLong(Long::longValue).sum();
      labelled += size;
      if (size >= minSubset) {
        tested.add(e.getKey());
        classes.addAll(e.getValue().keySet());
      }
    }
    if (labelled < minSamples) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "the evaluation data has %d labelled rows; min_sample_size is %d",
              labelled,
              minSamples));
    }
    if (tested.size() < 2) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "%s of '%s' has at least min_subset_sample_size %d labelled rows: no two groups to"
                  + " compare",
              tested.isEmpty() ? "no group" : "only one group",
              c.name(),
              minSubset));
    }
    if (classes.size() < 2) {
      throw new SkipTest(
          "the label has one class in the groups tested: independence cannot be tested");
    }
    List<String> classList = List.copyOf(classes);
    List<Integer> rows = new ArrayList<>();
    List<Integer> cols = new ArrayList<>();
    List<Long> cells = new ArrayList<>();
    long testedRows = 0;
    for (int i = 0; i < tested.size(); i++) {
      for (Map.Entry<String, Long> e : counts.get(tested.get(i)).entrySet()) {
        rows.add(i);
        cols.add(classList.indexOf(e.getKey()));
        cells.add(e.getValue());
        testedRows += e.getValue();
      }
    }
    ChiSquared chi =
        ChiSquared.independence(
            rows.stream().mapToInt(Integer::intValue).toArray(),
            cols.stream().mapToInt(Integer::intValue).toArray(),
            cells.stream().mapToLong(Long::longValue).toArray());
    double v = chi.cramersV() == null ? 0 : chi.cramersV();

    // Judge.
    Severity reached = floors.severity(chi.pValue());
    Severity severity = v >= minV ? reached : Severity.NONE;
    List<Map<String, Object>> table = new ArrayList<>();
    for (Map.Entry<String, Map<String, Long>> e : counts.entrySet()) {
      long size = e.getValue().values().stream().mapToLong(Long::longValue).sum();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", ProtectedGroups.name(e.getKey()));
      row.put("size", size);
      Map<String, Object> byClass = new LinkedHashMap<>();
      for (String k : classList) {
        byClass.put(k, e.getValue().getOrDefault(k, 0L));
      }
      row.put("label_counts", byClass);
      row.put("judged", tested.contains(e.getKey()));
      table.add(row);
    }
    String head =
        String.format(
            Locale.ROOT,
            "Chi-squared test of independence of '%s' and the label on %d labelled evaluation rows"
                + " of %d groups: chi-squared %.4g with %d degree%s of freedom, p-value %.3g,"
                + " Cramér's V %.4g",
            c.name(),
            testedRows,
            tested.size(),
            chi.statistic(),
            chi.degreesOfFreedom(),
            chi.degreesOfFreedom() == 1 ? "" : "s",
            chi.pValue(),
            v);
    String tail;
    if (reached == Severity.NONE) {
      tail =
          String.format(
              Locale.ROOT,
              "; p is not below %.4g, so the label does not depend on the groups beyond sampling"
                  + " noise.",
              floors.low());
    } else if (severity == Severity.NONE) {
      tail =
          String.format(
              Locale.ROOT,
              "; p is below %.4g, but Cramér's V is below min_cramers_v %.4g: a dependence too"
                  + " weak to matter.",
              floors.of(reached),
              minV);
    } else {
      tail =
          String.format(
              Locale.ROOT,
              "; p is below the %s level %.4g and V reaches min_cramers_v %.4g: the label's"
                  + " distribution differs between the groups, so severity is %s.",
              Thresholds.levelName(severity),
              floors.of(severity),
              minV,
              Thresholds.severityName(severity));
    }
    return CaseBuilder.of(this)
        .feature(c.name())
        .judged(severity)
        .importance(v)
        .metric("p_value", chi.pValue())
        .metric("chi_squared", chi.statistic())
        .metric("degrees_of_freedom", chi.degreesOfFreedom())
        .metric("cramers_v", chi.cramersV())
        .metric("num_rows", testedRows)
        .metric("num_groups_tested", tested.size())
        .detail("p_value_thresholds", given.toList())
        .detail("min_cramers_v", minV)
        .detail("min_sample_size", minSamples)
        .detail("min_subset_sample_size", minSubset)
        .detail("grouping", groups.description())
        .detail("groups", table)
        .description(head + tail)
        .build();
  }
}
