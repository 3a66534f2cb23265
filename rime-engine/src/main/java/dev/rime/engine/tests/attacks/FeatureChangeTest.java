// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.attacks;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.model.ModelAdapter;
import dev.rime.engine.model.ModelException;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The four feature-change attacks: measure the largest prediction change a change of one feature
 * (or of up to {@code l0}) can cause on each of {@code sample_size} evaluation rows ({@link
 * FeatureSearch}), then judge the average over the rows against {@code severity_thresholds}. The
 * change is of P(label 1) for a binary model, of the class probability that moves most for a
 * multi-class model, and in reference prediction standard deviations for a regression model. A
 * model error is a failed case with High severity naming it.
 */
abstract class FeatureChangeTest implements StressTest {

  /** RIME's Vulnerability thresholds, used by all four (ADR 0017). */
  static final double[] THRESHOLDS = {0.05, 0.15, 0.25};

  /** Rows listed in a case's details, largest change first. */
  static final int ROWS_SHOWN = 10;

  private final boolean bounded;
  private final boolean multi;

  FeatureChangeTest(boolean bounded, boolean multi) {
    this.bounded = bounded;
    this.multi = multi;
  }

  @Override
  public String category() {
    return "Attacks";
  }

  /**
   * The bound's key: {@code linf_constraint} (single) or {@code linf} (multi), as RIME names it.
   */
  private String linfKey() {
    return multi ? "linf" : "linf_constraint";
  }

  @Override
  public List<Param> params() {
    List<Param> out = new ArrayList<>();
    if (multi) {
      out.add(Param.integer("l0", 3, Range.intsFrom(1)));
    }
    if (bounded) {
      out.add(Param.number(linfKey(), 0.01, Range.POSITIVE));
    }
    out.add(Param.integer("sample_size", 10, Range.closed(1, 100_000)));
    if (!bounded) {
      out.add(Param.integer("search_count", 10, Range.closed(1, 1000)));
    }
    out.add(Param.thresholds("severity_thresholds", Range.NON_NEGATIVE, THRESHOLDS));
    return out;
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ModelAdapter model = ctx.model();
    List<Column> features =
        ctx.features(params, c -> c.isNumeric() || (!bounded && c.isCategorical()));
    if (features.isEmpty()) {
      return List.of(
          CaseBuilder.skip(
              this,
              List.of(),
              bounded ? "no numeric feature to change" : "no numeric or categorical feature"));
    }
    FeatureSearch.Spec spec =
        new FeatureSearch.Spec(
            bounded,
            multi ? params.integer("l0") : 1,
            bounded ? params.number(linfKey()) : 0,
            params.integer("sample_size"),
            bounded ? 1 : params.integer("search_count"));
    FeatureSearch.Outcome outcome;
    try {
      outcome = FeatureSearch.run(ctx, features, spec);
    } catch (ModelException e) {
      CaseBuilder b =
          CaseBuilder.of(this)
              .status(TestStatus.FAIL)
              .severity(Severity.HIGH)
              .description("The model raised an error on changed rows: " + e.getMessage())
              .detail("error", e.getMessage())
              .detail("params", params.asMap());
      if (e.modelLog() != null) {
        b.detail("model_log", e.modelLog());
      }
      return List.of(b.build());
    }
    return List.of(judge(ctx, model, params, outcome));
  }

  private TestCase judge(
      TestContext ctx, ModelAdapter model, TestParams params, FeatureSearch.Outcome outcome) {
    Thresholds t = params.thresholds("severity_thresholds");
    List<FeatureSearch.RowResult> rows = outcome.rows();
    double avg = rows.stream().mapToDouble(FeatureSearch.RowResult::change).average().orElse(0);
    FeatureSearch.RowResult worst =
        rows.stream().max(Comparator.comparingDouble(FeatureSearch.RowResult::change)).get();
    Severity severity = t.severity(avg);
    CaseBuilder b =
        CaseBuilder.of(this)
            .features(worst.changes().stream().map(FeatureSearch.Change::feature).toList())
            .judged(severity)
            .importance(avg)
            .metric("avg_prediction_change", avg)
            .metric("max_prediction_change", worst.change())
            .metric("num_rows_attacked", rows.size())
            .metric("num_rows_scored", outcome.rowsScored())
            .metric("num_model_calls", outcome.modelCalls());
    b.detail("worst", rowDetail(ctx, worst));
    b.detail(
        "rows",
        rows.stream()
            .sorted(
                Comparator.comparingDouble(FeatureSearch.RowResult::change)
                    .reversed()
                    .thenComparingLong(FeatureSearch.RowResult::row))
            .limit(ROWS_SHOWN)
            .map(r -> rowDetail(ctx, r))
            .collect(Collectors.toList()));
    b.detail("features_searched", outcome.features());
    if (ctx.modelTask() == ModelTask.REGRESSION) {
      b.detail("prediction_std", outcome.scale());
    }
    b.detail("model", model.describe());
    b.detail("thresholds", t.toList());
    b.detail("params", params.asMap());
    b.description(
        describe(
            ctx,
            avg,
            worst,
            rows.size(),
            multi ? params.integer("l0") : 1,
            bounded ? params.number(linfKey()) : 0,
            severity,
            t));
    return b.build();
  }

  private static Map<String, Object> rowDetail(TestContext ctx, FeatureSearch.RowResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("row", r.row());
    m.put("prediction_change", r.change());
    List<Map<String, Object>> changes = new ArrayList<>();
    for (FeatureSearch.Change c : r.changes()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("feature", c.feature());
      x.put("old_value", c.oldValue());
      x.put("new_value", c.newValue());
      changes.add(x);
    }
    m.put("changes", changes);
    if (ctx.modelTask() == ModelTask.MULTI_CLASS_CLASSIFICATION) {
      m.put("class", r.output());
    }
    m.put("old_prediction", r.oldPrediction());
    m.put("new_prediction", r.newPrediction());
    return m;
  }

  private String describe(
      TestContext ctx,
      double avg,
      FeatureSearch.RowResult worst,
      int n,
      int l0,
      double linf,
      Severity severity,
      Thresholds t) {
    String what =
        (multi ? "changing up to " + l0 + " features" : "changing one feature")
            + (bounded
                ? String.format(
                    Locale.ROOT,
                    " by at most %s of %s reference range",
                    linf,
                    multi ? "their" : "its")
                : " to " + (multi ? "values" : "a value") + " seen in the reference data");
    String output =
        switch (ctx.modelTask()) {
          case BINARY_CLASSIFICATION -> "P(label 1)";
          case MULTI_CLASS_CLASSIFICATION -> "class " + worst.output() + " probability";
          default -> "prediction";
        };
    String unit =
        ctx.modelTask() == ModelTask.REGRESSION ? " reference prediction standard deviations" : "";
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "Over %d sampled evaluation rows, %s moved the model's output by %.4f%s on average",
            n,
            what,
            avg,
            unit));
    if (worst.changes().isEmpty()) {
      s.append(" (no change moved it)");
    } else {
      s.append(
          String.format(
              Locale.ROOT,
              "; the largest, %.4f, on row %d: %s, %s %s → %s",
              worst.change(),
              worst.row(),
              worst.changes().stream()
                  .map(c -> c.feature() + " " + c.oldValue() + " → " + c.newValue())
                  .collect(Collectors.joining(", ")),
              output,
              fmt(worst.oldPrediction()),
              fmt(worst.newPrediction())));
    }
    if (severity == Severity.NONE) {
      s.append(String.format(Locale.ROOT, ": below the low threshold %s.", fmt(t.low())));
    } else {
      s.append(
          String.format(
              Locale.ROOT,
              ": reaching the %s threshold %s.",
              Thresholds.levelName(severity),
              fmt(t.of(severity))));
    }
    return s.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
