// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.subset;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Sql;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.metrics.MetricStats;
import dev.rime.engine.stats.MultipleTesting;
import dev.rime.engine.stats.WelchTest;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Weak Segments (beyond RIME): the segments of the evaluation data where the model is worst,
 * searched over one feature ({@link Subsets}: quantile bins or values) and over pairs of features
 * (the cross of their subsets). Each segment is compared with the rest of the data (its complement,
 * not the whole, so a large weak segment is not hidden by its own weight): the metric on both, the
 * gap = how much worse the segment is ({@link Metric#worseBy}, on the metric's {@link
 * ChangeScale}), and the one-sided p-value of "worse than the rest by more than {@code min_gap}" (a
 * z-test for rates and RMSE, Welch's t-test for mean errors). Benjamini–Hochberg over every segment
 * tested keeps the false discovery rate at {@code fdr}: a segment is weak when its q-value is at
 * most {@code fdr}, so its gap is beyond the minimum by more than noise and millions of rows do not
 * flag trivial gaps. A pair segment inside a weak one-feature segment is not listed (its parent
 * is). The top {@code max_segments} weak segments by gap × sqrt(rows the metric is over) are
 * reported; severity from the largest gap against {@code performance_change_thresholds}. ADR 0013.
 *
 * <p>Pairs: all of them when there are at most {@code max_pairs}, else the {@code max_pairs} pairs
 * whose features' worst one-feature segments score highest (the sum of their best gap ×
 * sqrt(size)). A pair whose subsets could cross into more than {@link #MAX_PAIR_CELLS} cells is
 * skipped (named in the details). One SQL GROUP BY per pair, one per feature shared with the subset
 * tests.
 */
public final class WeakSegmentsTest implements StressTest {

  /** What a change is measured from, as descriptions name it. */
  private static final String BASELINE = "the overall evaluation";

  /** The metrics a segment can be compared with its complement on (their statistics subtract). */
  static final List<Metric> METRICS =
      List.of(
          Metric.ACCURACY,
          Metric.PRECISION,
          Metric.RECALL,
          Metric.FALSE_POSITIVE_RATE,
          Metric.FALSE_NEGATIVE_RATE,
          Metric.MULTICLASS_ACCURACY,
          Metric.LOG_LOSS,
          Metric.MAE,
          Metric.MAPE,
          Metric.MSE,
          Metric.MSLE,
          Metric.RMSE);

  /** A pair whose subsets cross into more cells than this is not searched. */
  static final long MAX_PAIR_CELLS = 100_000;

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  @Override
  public String id() {
    return "weak_segments";
  }

  @Override
  public String displayName() {
    return "Weak Segments";
  }

  @Override
  public String category() {
    return "Subset Performance";
  }

  @Override
  public List<Param> params() {
    return List.of(
        new Param(
            "metric",
            Param.Kind.CHOICE,
            null,
            List.of(),
            null,
            null,
            METRICS.stream().map(Metric::id).toList()),
        Param.thresholds("performance_change_thresholds", Range.NON_NEGATIVE, (double[]) null),
        Param.optionalNumber("min_gap", Range.NON_NEGATIVE),
        Param.number("fdr", 0.05, new Range(0, true, 1, true)),
        Param.integer("min_sample_size", 50, Range.intsFrom(2)),
        Param.integer("max_pairs", 10, Range.intsFrom(0)),
        Param.integer("max_segments", 10, Range.intsFrom(1)));
  }

  /** The metric searched when {@code metric} is not given: the task's usual one. */
  static Metric primary(ModelTask task) {
    return switch (task) {
      case MULTI_CLASS_CLASSIFICATION -> Metric.MULTICLASS_ACCURACY;
      case REGRESSION -> Metric.MAE;
      default -> Metric.ACCURACY;
    };
  }

  /** One segment: its criterion, statistics against the complement, and test. */
  private static final class Segment {
    final List<String> features;
    final String criterion;
    final long size;
    final long support;
    final double value;
    final double se;
    final double rest;
    final double gap;
    final double change;
    final double p;
    final List<Segment> parents = new ArrayList<>();
    double q;
    boolean weak;

    Segment(
        List<String> features,
        String criterion,
        long size,
        long support,
        double value,
        double se,
        double rest,
        double gap,
        double change,
        double p) {
      this.features = features;
      this.criterion = criterion;
      this.size = size;
      this.support = support;
      this.value = value;
      this.se = se;
      this.rest = rest;
      this.gap = gap;
      this.change = change;
      this.p = p;
    }

    double score() {
      return change * Math.sqrt(support);
    }
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    Object asked = params.asMap().get("metric");
    Metric metric = asked == null ? primary(ctx.modelTask()) : Metric.byId((String) asked);
    Subsets.requireMetric(ctx, metric);
    MetricStats all = ctx.overallStats(true);
    Double overall = all.value(metric);
    if (overall == null) {
      throw new SkipTest(
          metric.displayName() + " is undefined on the evaluation data" + Subsets.why(metric));
    }
    ChangeScale scale = ChangeScale.of(metric, ctx.modelTask());
    Double unit = scale.unit(metric, all);
    if (unit == null) {
      throw new SkipTest(
          "a gap in "
              + metric.displayName()
              + " is judged "
              + scale.description(BASELINE)
              + ", which is 0 on the evaluation data");
    }
    List<Column> features = ctx.features(params, c -> c.isCategorical() || c.isNumeric());
    if (features.isEmpty()) {
      throw new SkipTest("no categorical or numeric features to segment by");
    }
    Thresholds thresholds = params.thresholds("performance_change_thresholds", scale.defaults());
    Double minGapParam = params.optionalNumber("min_gap");
    double minGap = minGapParam == null ? thresholds.low() : minGapParam;
    double fdr = params.number("fdr");
    int minSamples = params.integer("min_sample_size");
    int maxPairs = params.integer("max_pairs");
    int maxSegments = params.integer("max_segments");
    Judge judge = new Judge(metric, all, unit, minSamples, ctx.z(), minGap);

    // Measure: one-feature segments (shared with the subset tests), then the pairs.
    List<Segment> tested = new ArrayList<>();
    Map<String, Map<String, Segment>> singles = new LinkedHashMap<>();
    Map<String, Subsets> subsets = new LinkedHashMap<>();
    Map<String, Set<String>> keys = new HashMap<>();
    Map<String, Double> weakness = new HashMap<>();
    for (Column c : features) {
      Subsets s = Subsets.of(ctx, c);
      subsets.put(c.name(), s);
      Map<String, MetricStats> stats = s.stats(ctx, true, false);
      keys.put(c.name(), stats.keySet());
      Map<String, Segment> byKey = new HashMap<>();
      double w = 0;
      for (Map.Entry<String, MetricStats> e : stats.entrySet()) {
        Segment seg = judge.segment(List.of(c.name()), s.criterion(e.getKey()), e.getValue());
        if (seg != null) {
          tested.add(seg);
          byKey.put(e.getKey(), seg);
          w = Math.max(w, seg.score());
        }
      }
      singles.put(c.name(), byKey);
      weakness.put(c.name(), w);
    }
    List<String[]> pairs = new ArrayList<>();
    List<Map<String, Object>> pairsSkipped = new ArrayList<>();
    for (String[] pair :
        choosePairs(features.stream().map(Column::name).toList(), weakness, maxPairs)) {
      long cells = (long) keys.get(pair[0]).size() * keys.get(pair[1]).size();
      if (cells > MAX_PAIR_CELLS) {
        Map<String, Object> skipped = new LinkedHashMap<>();
        skipped.put("features", List.of(pair[0], pair[1]));
        skipped.put("possible_cells", cells);
        pairsSkipped.add(skipped);
      } else {
        pairs.add(pair);
      }
    }
    List<List<String>> pairsTested = new ArrayList<>();
    if (!pairs.isEmpty()) {
      Map<String, String> keyColumns = new LinkedHashMap<>();
      for (String[] pair : pairs) {
        for (String f : pair) {
          keyColumns.computeIfAbsent(f, x -> Sql.ident("__rime_segment_" + keyColumns.size()));
        }
      }
      String table = keysTable(ctx, subsets, keyColumns);
      try {
        for (String[] pair : pairs) {
          pairsTested.add(List.of(pair[0], pair[1]));
          Subsets a = subsets.get(pair[0]);
          Subsets b = subsets.get(pair[1]);
          String sql = keyColumns.get(pair[0]) + " || ':' || " + keyColumns.get(pair[1]);
          for (Map.Entry<String, MetricStats> e :
              MetricStats.byGroup(ctx, true, table, sql, false).entrySet()) {
            String[] k = decode(e.getKey());
            Segment seg =
                judge.segment(
                    List.of(pair[0], pair[1]),
                    a.criterion(k[0]) + " and " + b.criterion(k[1]),
                    e.getValue());
            if (seg != null) {
              seg.parents.add(singles.get(pair[0]).get(k[0]));
              seg.parents.add(singles.get(pair[1]).get(k[1]));
              tested.add(seg);
            }
          }
        }
      } finally {
        ctx.db().execute("DROP TABLE " + table);
      }
    }

    // Judge: Benjamini-Hochberg over every segment tested (each test includes the minimum gap).
    double[] p = tested.stream().mapToDouble(s -> s.p).toArray();
    double[] q = MultipleTesting.benjaminiHochberg(p);
    for (int i = 0; i < q.length; i++) {
      Segment s = tested.get(i);
      s.q = q[i];
      s.weak = s.q <= fdr && s.change >= minGap;
    }
    List<Segment> weak = new ArrayList<>();
    int significant = 0;
    for (Segment s : tested) {
      significant += s.weak ? 1 : 0;
      boolean insideWeakParent = s.parents.stream().anyMatch(x -> x != null && x.weak);
      if (s.weak && !insideWeakParent) {
        weak.add(s);
      }
    }
    weak.sort(Comparator.comparingDouble(Segment::score).reversed());
    double worstGap = weak.stream().mapToDouble(s -> s.change).max().orElse(Double.NaN);
    Severity severity = weak.isEmpty() ? Severity.NONE : thresholds.severity(worstGap);
    List<Segment> shown = weak.subList(0, Math.min(maxSegments, weak.size()));

    Set<String> caseFeatures = new LinkedHashSet<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Segment s : shown) {
      caseFeatures.addAll(s.features);
      rows.add(judge.row(s, scale));
    }
    CaseBuilder b = CaseBuilder.of(this).features(new ArrayList<>(caseFeatures)).judged(severity);
    if (!weak.isEmpty() && severity == Severity.NONE) {
      b.status(TestStatus.WARNING);
    }
    b.importance(weak.isEmpty() ? 0.0 : worstGap)
        .metric("overall_perf", overall)
        .metric("num_segments_tested", tested.size())
        .metric("num_weak_segments", weak.size())
        .metric("num_significant_segments", significant)
        .metric("num_pairs_tested", pairsTested.size())
        .metric("worst_gap", weak.isEmpty() ? null : worstGap)
        .detail("metric", metric.id())
        .detail("change_scale", scale.description(BASELINE))
        .detail("performance_change_thresholds", thresholds.toList())
        .detail("min_gap", minGap)
        .detail("fdr", fdr)
        .detail("min_sample_size", minSamples)
        .detail("sample_size_of", Subsets.supportName(metric))
        .detail("confidence_level", ctx.config().confidenceLevel())
        .detail("features", features.stream().map(Column::name).toList())
        .detail("pairs", pairsTested)
        .detail("pairs_skipped", pairsSkipped)
        .detail("segments", rows);
    return List.of(
        b.description(
                describe(
                    metric,
                    overall,
                    features.size(),
                    pairsTested.size(),
                    tested.size(),
                    weak,
                    minGap,
                    fdr,
                    scale,
                    thresholds,
                    severity))
            .build());
  }

  /**
   * The pairs to search: all when there are at most {@code max}, else the {@code max} with the
   * highest sum of their features' weakness (ties in feature order).
   */
  static List<String[]> choosePairs(List<String> features, Map<String, Double> weakness, int max) {
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      for (int j = i + 1; j < features.size(); j++) {
        pairs.add(new String[] {features.get(i), features.get(j)});
      }
    }
    if (pairs.size() <= max) {
      return pairs;
    }
    List<String[]> ranked = new ArrayList<>(pairs);
    ranked.sort(
        Comparator.comparingDouble((String[] pr) -> weakness.get(pr[0]) + weakness.get(pr[1]))
            .reversed());
    return ranked.subList(0, max);
  }

  /**
   * A temporary table of the evaluation rows' model output (label, prediction, class probabilities,
   * under their own names) and each feature's encoded subset key, so the pair queries group by two
   * short text columns instead of computing both keys again each time.
   */
  private static String keysTable(
      TestContext ctx, Map<String, Subsets> subsets, Map<String, String> keyColumns) {
    List<String> columns = new ArrayList<>();
    if (ctx.hasLabels()) {
      columns.add(ctx.labelColumn().quoted());
    }
    if (ctx.hasPredictions()) {
      columns.add(ctx.predictionColumn().quoted());
    }
    if (ctx.hasProbabilities()) {
      columns.addAll(ctx.probabilities(true).columns());
    }
    keyColumns.forEach((f, k) -> columns.add(encoded(subsets.get(f).keySql()) + " AS " + k));
    return ctx.tempTable(
        "segment_keys", "SELECT " + String.join(", ", columns) + " FROM " + ctx.scoredTable(true));
  }

  /** A subset key as text that cannot contain {@code ':'}: {@code n} for null, else v + hex. */
  private static String encoded(String keySql) {
    return "COALESCE('v' || hex(CAST((" + keySql + ") AS VARCHAR)), 'n')";
  }

  private static String[] decode(String pairKey) {
    String[] parts = pairKey.split(":", -1);
    return new String[] {decodeOne(parts[0]), decodeOne(parts[1])};
  }

  private static String decodeOne(String part) {
    return part.equals("n")
        ? null
        : new String(HexFormat.of().parseHex(part.substring(1)), StandardCharsets.UTF_8);
  }

  /** Measures a segment against its complement. */
  private static final class Judge {
    private final Metric metric;
    private final MetricStats all;
    private final double unit;
    private final int minSamples;
    private final double z;
    private final double minGap; // in metric units

    Judge(Metric metric, MetricStats all, double unit, int minSamples, double z, double minGap) {
      this.metric = metric;
      this.all = all;
      this.unit = unit;
      this.minSamples = minSamples;
      this.z = z;
      this.minGap = minGap * unit;
    }

    /** The segment's test, or null when it cannot be tested (too small, undefined metric). */
    Segment segment(List<String> features, String criterion, MetricStats s) {
      MetricStats rest = all.minus(s);
      long n = s.support(metric);
      long nRest = rest.support(metric);
      Double v = s.value(metric);
      Double vRest = rest.value(metric);
      if (n < minSamples || nRest < minSamples || v == null || vRest == null) {
        return null;
      }
      double gap = metric.worseBy(vRest, v);
      return new Segment(
          features,
          criterion,
          s.rows(),
          n,
          v,
          s.standardError(metric),
          vRest,
          gap,
          gap / unit,
          pValue(s, rest, n, nRest, gap));
    }

    /**
     * One-sided p-value of "the segment is worse than the rest by more than the minimum gap"
     * (metric units): (gap − min gap) / sqrt(SE² + SE_rest²), normal for rates and RMSE (delta
     * method SEs), Student's t with Welch's degrees of freedom for mean errors. Constant values on
     * both sides (no spread): 0 when the gap exceeds the minimum, else 1.
     */
    private double pValue(MetricStats s, MetricStats rest, long n, long nRest, double gap) {
      double se = s.standardError(metric);
      double seRest = rest.standardError(metric);
      boolean meanError =
          switch (metric) {
            case LOG_LOSS, MAE, MAPE, MSE, MSLE -> true;
            default -> false;
          };
      if (meanError) {
        // A mean of per-row errors, lower is better: segment mean − gap above the rest's.
        return WelchTest.greater(s.value(metric) - minGap, se, n, rest.value(metric), seRest, nRest)
            .pValue();
      }
      double sd = Math.sqrt(se * se + seRest * seRest);
      if (sd == 0) {
        return gap > minGap ? 0.0 : 1.0;
      }
      return STANDARD.survivalProbability((gap - minGap) / sd);
    }

    Map<String, Object> row(Segment s, ChangeScale scale) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("criterion", s.criterion);
      row.put("features", s.features);
      row.put("size", s.size);
      row.put("sample_size", s.support);
      row.put("perf", s.value);
      row.put("interval", List.of(s.value - z * s.se, s.value + z * s.se));
      row.put("rest_perf", s.rest);
      row.put("gap", s.gap);
      if (scale != ChangeScale.ABSOLUTE) {
        row.put("change", s.change);
      }
      row.put("p_value", s.p);
      row.put("q_value", s.q);
      return row;
    }
  }

  private static String describe(
      Metric metric,
      double overall,
      int features,
      int pairs,
      int tested,
      List<Segment> weak,
      double minGap,
      double fdr,
      ChangeScale scale,
      Thresholds thresholds,
      Severity severity) {
    String m = metric.displayName();
    String unit = scale == ChangeScale.ABSOLUTE ? "" : " (" + scale.description(BASELINE) + ")";
    String searched =
        String.format(
            Locale.ROOT,
            "%d segments of %d features and %d pairs of features",
            tested,
            features,
            pairs);
    if (weak.isEmpty()) {
      return String.format(
          Locale.ROOT,
          "Of %s, none has %s worse than the rest of the data by at least %.4g%s with a"
              + " false discovery rate of %.4g (overall %.4g).",
          searched,
          m,
          minGap,
          unit,
          fdr,
          overall);
    }
    Segment top = weak.get(0);
    String level =
        severity == Severity.NONE
            ? String.format(Locale.ROOT, "below the low threshold %.4g", thresholds.low())
            : String.format(
                Locale.ROOT,
                "reaching the %s threshold %.4g",
                Thresholds.levelName(severity),
                thresholds.of(severity));
    return String.format(
        Locale.ROOT,
        "%d of %s are weak: %s worse than the rest of the data beyond noise (false discovery rate"
            + " %.4g). The first, %s (%d rows), has %s %.4g against %.4g elsewhere; the largest"
            + " gap is %.4g%s, %s.",
        weak.size(),
        searched,
        m,
        fdr,
        top.criterion,
        top.size,
        m,
        top.value,
        top.rest,
        weak.stream().mapToDouble(s -> s.change).max().orElse(0),
        unit,
        level);
  }
}
