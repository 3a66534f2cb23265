// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.data.TextKinds;
import dev.rime.engine.stats.ProportionZTest;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import dev.rime.engine.tests.transformations.Transformations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * RIME's rule for abnormal-input tests, shared by every test of the category. Given the SQL
 * predicate of the failing evaluation rows it measures the failing rows and their impact, then
 * judges:
 *
 * <ul>
 *   <li>impact = observed performance change = {@code max(0, accuracy(passing) −
 *       accuracy(failing))} when there are labels and predictions (binary classification);
 *       otherwise {@code |avg prediction(failing) − avg prediction(passing)|} when there are
 *       predictions; otherwise the fraction of failing rows. A performance or prediction change is
 *       only measured with at least {@code min_num_samples} measurable failing rows (else it is not
 *       measured: LOW); with no measurable passing row there is nothing to compare with (a defect
 *       on every row), so the fraction of failing rows is judged instead;
 *   <li>no failing rows: PASS / NONE; failing rows: FAIL with the severity of the highest threshold
 *       the impact reaches, and at least LOW.
 * </ul>
 *
 * <p>With RIME's {@code min_num_samples} 1 a single failing row gives a measured change: one
 * misclassified row among correctly classified ones is an accuracy change near 1, HIGH. The
 * description says on how many rows the change was measured.
 *
 * <p>{@code performance_change_config.severity_thresholds} null means {@link #DEFAULT_THRESHOLDS}.
 */
public final class AbnormalInputs {

  /** The parameter of {@link #judgeAboveReference}. */
  static final String P_VALUE_THRESHOLD = "p_value_threshold";

  /** Thresholds when {@code severity_thresholds} is null. */
  public static final Thresholds DEFAULT_THRESHOLDS = Thresholds.of(0.01, 0.05, 0.1);

  private AbnormalInputs() {}

  /** How the impact was measured. */
  enum ImpactMeasure {
    ACCURACY_CHANGE("accuracy change"),
    PREDICTION_CHANGE("average prediction change"),
    FAILING_FRACTION("failing rows fraction");

    final String label;

    ImpactMeasure(String label) {
      this.label = label;
    }
  }

  /**
   * Measures and judges one feature.
   *
   * @param failing SQL predicate over the evaluation table: true for a failing row
   * @param finding what the failing rows have, for the description (e.g. "values never seen in the
   *     reference data")
   * @param details test-specific details (examples, thresholds of the check)
   */
  public static TestCase judge(
      TestContext ctx,
      StressTest test,
      TestParams params,
      Column column,
      String failing,
      String finding,
      Map<String, Object> details) {
    return judge(
        ctx,
        test,
        params,
        List.of(column.name()),
        "'" + column.name() + "'",
        failing,
        finding,
        details);
  }

  /**
   * Measures and judges a case over several features (e.g. a pair of features).
   *
   * @param features the case's features
   * @param where where the finding is, for the description (e.g. {@code 'a' and 'b'})
   * @param failing SQL predicate over the evaluation table: true for a failing row
   * @param finding what the failing rows have, for the description
   * @param details test-specific details
   */
  public static TestCase judge(
      TestContext ctx,
      StressTest test,
      TestParams params,
      List<String> features,
      String where,
      String failing,
      String finding,
      Map<String, Object> details) {
    return judge(ctx, test, params, features, where, failing, finding, details, false);
  }

  /**
   * Measures and judges a case whose abnormality the reference data has too, at a base rate
   * (outliers beyond thresholds inferred from the reference, categories rare in it, value pairs
   * rare in it): the failing predicate is counted over the reference rows as well, and the case
   * fails only when the evaluation's failing share is significantly above the reference's
   * (one-sided two-proportion z-test with the pooled variance, p &lt; {@code p_value_threshold};
   * ADR 0007). Otherwise it passes, with both shares in its metrics. Same parameters as {@link
   * #judge}, plus the test's {@code p_value_threshold} ({@link #pValueThreshold()}).
   */
  public static TestCase judgeAboveReference(
      TestContext ctx,
      StressTest test,
      TestParams params,
      List<String> features,
      String where,
      String failing,
      String finding,
      Map<String, Object> details) {
    return judge(ctx, test, params, features, where, failing, finding, details, true);
  }

  /** {@code p_value_threshold} of the tests judged by {@link #judgeAboveReference}. */
  public static Param pValueThreshold() {
    return Param.number(P_VALUE_THRESHOLD, 0.05, new Range(0, true, 1, false));
  }

  private static TestCase judge(
      TestContext ctx,
      StressTest test,
      TestParams params,
      List<String> features,
      String where,
      String failing,
      String finding,
      Map<String, Object> details,
      boolean aboveReference) {
    TestParams pcc = params.object("performance_change_config");
    Thresholds thresholds = pcc.thresholds("severity_thresholds");
    if (thresholds == null) {
      thresholds = DEFAULT_THRESHOLDS;
    }
    int minSamples = pcc.integer("min_num_samples");

    boolean multiclass =
        ctx.modelTask() == ModelTask.MULTI_CLASS_CLASSIFICATION && ctx.hasProbabilities();
    boolean labels =
        ctx.hasLabels() && (ctx.modelTask() == ModelTask.BINARY_CLASSIFICATION || multiclass);
    boolean preds = ctx.hasPredictions() || multiclass;
    ImpactMeasure measure =
        labels && preds
            ? ImpactMeasure.ACCURACY_CHANGE
            : preds && !multiclass
                ? ImpactMeasure.PREDICTION_CHANGE
                : ImpactMeasure.FAILING_FRACTION;

    String value;
    if (measure == ImpactMeasure.ACCURACY_CHANGE && multiclass) {
      // Correct when the class of the largest probability is the label.
      String y = ctx.labelExpr();
      value =
          "(CASE WHEN "
              + y
              + " IS NULL THEN NULL WHEN "
              + ctx.probabilities(true).predictedClassExpr()
              + " = "
              + y
              + " THEN 1.0 ELSE 0.0 END)";
    } else if (measure == ImpactMeasure.ACCURACY_CHANGE) {
      value = ctx.correctExpr();
    } else {
      value = measure == ImpactMeasure.PREDICTION_CHANGE ? ctx.predExpr() : "NULL::DOUBLE";
    }
    String sql =
        "SELECT count(*) FILTER (WHERE f), count(*) FILTER (WHERE NOT f),"
            + " count(v) FILTER (WHERE f), count(v) FILTER (WHERE NOT f),"
            + " avg(v) FILTER (WHERE f), avg(v) FILTER (WHERE NOT f) FROM (SELECT COALESCE(("
            + failing
            + "), false) AS f, "
            + value
            + " AS v FROM "
            + ctx.scoredTable(true)
            + ")";
    Object[] m =
        ctx.db()
            .queryOne(
                sql,
                rs ->
                    new Object[] {
                      rs.getLong(1),
                      rs.getLong(2),
                      rs.getLong(3),
                      rs.getLong(4),
                      Db.getDouble(rs, 5),
                      Db.getDouble(rs, 6)
                    });
    long numFailing = (Long) m[0];
    long numPassing = (Long) m[1];
    long measuredFailing = (Long) m[2];
    long measuredPassing = (Long) m[3];
    Double valueFailing = (Double) m[4];
    Double valuePassing = (Double) m[5];
    long total = numFailing + numPassing;
    double fraction = total == 0 ? 0 : (double) numFailing / total;

    // Measure the impact. With no measurable passing row there is nothing to compare the failing
    // rows with (e.g. a defect on every row): the failing fraction is judged instead.
    ImpactMeasure used = measure;
    Double impact;
    if (numFailing == 0) {
      impact = 0.0;
    } else if (measure == ImpactMeasure.FAILING_FRACTION) {
      impact = fraction;
    } else if (measuredPassing == 0) {
      used = ImpactMeasure.FAILING_FRACTION;
      impact = fraction;
    } else if (measuredFailing >= Math.max(1, minSamples)) {
      // Both averages exist: at least one measurable row on each side, whatever min_num_samples.
      impact =
          measure == ImpactMeasure.ACCURACY_CHANGE
              ? Math.max(0, valuePassing - valueFailing)
              : Math.abs(valueFailing - valuePassing);
    } else {
      impact = null;
    }

    // The reference's base rate, where it has one: how many reference rows fail, and whether the
    // evaluation's share is significantly above it.
    BaseRate base = aboveReference ? BaseRate.of(ctx, failing, numFailing, total) : null;
    double alpha = aboveReference ? params.number(P_VALUE_THRESHOLD) : 0;
    boolean observedFails = numFailing > 0 && (base == null || base.pValue() < alpha);

    // With a model, the simulated change too (ADR 0016): the test's abnormality substituted into
    // sampled evaluation rows.
    Transformations.Simulated sim =
        features.size() == 1 && ctx.hasModel()
            ? ctx.columns().stream()
                .filter(c -> c.name().equals(features.get(0)))
                .findFirst()
                .map(c -> Transformations.simulate(ctx, test.id(), params, c))
                .orElse(null)
            : null;
    Double simulated = sim == null ? null : sim.impact();
    boolean simulatedFails = simulated != null && thresholds.severity(simulated) != Severity.NONE;
    boolean fails = observedFails || simulatedFails;

    // Judge: RIME's rule — the larger of the observed and simulated changes, Low at least when
    // rows fail. A failing-rows fraction is no performance change: with a simulated change it
    // gives way.
    Double observed =
        observedFails && !(used == ImpactMeasure.FAILING_FRACTION && simulated != null)
            ? impact
            : null;
    Double combined = observed;
    if (simulated != null && (combined == null || simulated > combined)) {
      combined = simulated;
    }
    Severity severity = Severity.NONE;
    if (fails) {
      severity = combined == null ? Severity.LOW : thresholds.severity(combined);
      if (observedFails) {
        severity = severity.max(Severity.LOW);
        ctx.flagFailingRows(features, failing);
      }
    }

    CaseBuilder b =
        CaseBuilder.of(test)
            .features(features)
            .status(fails ? TestStatus.FAIL : TestStatus.PASS)
            .severity(severity)
            .importance(combined != null ? combined : impact)
            .metric("num_failing_rows", numFailing)
            .metric("failing_rows_fraction", fraction)
            .metric("impact", impact);
    if (base != null) {
      b.metric("num_reference_failing_rows", base.failing())
          .metric("reference_failing_rows_fraction", base.fraction())
          .metric("p_value", numFailing == 0 ? null : base.pValue());
    }
    if (measure == ImpactMeasure.ACCURACY_CHANGE) {
      b.metric("accuracy_failing_rows", valueFailing).metric("accuracy_passing_rows", valuePassing);
    } else if (measure == ImpactMeasure.PREDICTION_CHANGE) {
      b.metric("avg_prediction_failing_rows", valueFailing)
          .metric("avg_prediction_passing_rows", valuePassing);
    }
    Map<String, Object> d = new LinkedHashMap<>(details);
    d.put("impact_measure", used.label);
    if (measure != ImpactMeasure.FAILING_FRACTION) {
      d.put("num_measured_failing_rows", measuredFailing);
      d.put("num_measured_passing_rows", measuredPassing);
    }
    d.put("severity_thresholds", thresholds.toList());
    d.put("min_num_samples", minSamples);
    if (base != null) {
      d.put(P_VALUE_THRESHOLD, alpha);
    }
    d.forEach(b::detail);
    String rows =
        String.format(
            Locale.ROOT,
            "%d of %d evaluation rows (%.2f%%) have %s in %s",
            numFailing,
            total,
            100 * fraction,
            finding,
            where);
    String description;
    if (numFailing == 0) {
      description =
          String.format(
              Locale.ROOT, "No evaluation rows have %s in %s, so the test passes.", finding, where);
    } else if (!fails) {
      description =
          rows
              + String.format(
                  Locale.ROOT,
                  "; the reference data has %d of %d (%.2f%%): the evaluation share is not"
                      + " significantly above the reference's (one-sided two-proportion z-test"
                      + " p-value %.3g, not below p_value_threshold %s), so the test passes.",
                  base.failing(),
                  base.total(),
                  100 * base.fraction(),
                  base.pValue(),
                  fmt(alpha));
    } else {
      description =
          rows
              + (base == null
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      ", significantly more than the reference data's %d of %d (%.2f%%;"
                          + " one-sided two-proportion z-test p-value %.3g)",
                      base.failing(),
                      base.total(),
                      100 * base.fraction(),
                      base.pValue()))
              + "; "
              + describeImpact(
                  measure,
                  used,
                  impact,
                  measuredFailing,
                  measuredPassing,
                  minSamples,
                  severity,
                  thresholds)
              + ".";
    }
    if (sim != null) {
      b.metric("simulated_impact", simulated);
      b.detail("simulated_substitution", sim.substituted());
      b.detail("num_simulated_rows", sim.samples());
      if (sim.error() != null) {
        b.detail("simulation_error", sim.error());
        description +=
            " Simulating it with the model failed, so only the observed change is judged: "
                + sim.error()
                + ".";
      } else {
        if (simulatedFails && !observedFails) {
          description = description.replace(", so the test passes.", ".");
        }
        description +=
            String.format(
                Locale.ROOT,
                " Simulated with the model (%s substituted in %d sampled evaluation rows): %s;"
                    + " %s.",
                sim.substituted(),
                sim.samples(),
                sim.description(),
                fails
                    ? "severity "
                        + severity.name().toLowerCase(Locale.ROOT)
                        + " from the larger of the observed and simulated changes"
                    : "below the low threshold " + fmt(thresholds.low()) + ", so the test passes");
      }
    }
    return b.description(description).build();
  }

  /**
   * How the impact of failing rows was measured and judged: on how many rows, or why it was not.
   */
  private static String describeImpact(
      ImpactMeasure measure,
      ImpactMeasure used,
      Double impact,
      long measuredFailing,
      long measuredPassing,
      int minSamples,
      Severity severity,
      Thresholds thresholds) {
    if (impact == null) {
      return String.format(
          Locale.ROOT,
          "the %s was not measured (%d measurable failing rows, fewer than min_num_samples %d),"
              + " so severity is Low",
          measure.label,
          measuredFailing,
          minSamples);
    }
    String measured;
    if (used != measure) {
      measured =
          "no measurable passing row to compare the "
              + measure.label
              + " with, so the "
              + used.label
              + " is judged: "
              + fmt(impact);
    } else if (measure == ImpactMeasure.FAILING_FRACTION) {
      measured = measure.label + " " + fmt(impact);
    } else {
      measured =
          String.format(
              Locale.ROOT,
              "%s %s, measured on %d failing and %d passing rows",
              measure.label,
              fmt(impact),
              measuredFailing,
              measuredPassing);
    }
    String judged =
        severity == Severity.LOW && thresholds.severity(impact) == Severity.NONE
            ? "below the low threshold " + fmt(thresholds.low()) + ", so severity is Low"
            : "reaching the "
                + severity.name().toLowerCase(Locale.ROOT)
                + " threshold "
                + fmt(thresholds.of(severity));
    return measured + ", " + judged;
  }

  /**
   * The failing rows of the reference data and the one-sided p-value of "the evaluation's failing
   * share is no higher than the reference's".
   *
   * @param failing reference rows matching the failing predicate
   * @param total reference rows
   * @param pValue {@code P(Z ≥ z)} for the pooled two-proportion z statistic of evaluation over
   *     reference ({@link ProportionZTest}); 1 when z is undefined (every row of both fails)
   */
  record BaseRate(long failing, long total, double pValue) {

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    static BaseRate of(TestContext ctx, String predicate, long evalFailing, long evalTotal) {
      long[] r =
          ctx.db()
              .queryOne(
                  "SELECT count(*) FILTER (WHERE COALESCE(("
                      + predicate
                      + "), false)), count(*) FROM "
                      + ctx.refTable(),
                  rs -> new long[] {rs.getLong(1), rs.getLong(2)});
      if (evalTotal == 0 || r[1] == 0) {
        return new BaseRate(r[0], r[1], evalFailing > 0 ? 0 : 1);
      }
      Double z = ProportionZTest.of(r[0], r[1], evalFailing, evalTotal).z();
      return new BaseRate(r[0], r[1], z == null ? 1 : STANDARD.survivalProbability(z));
    }

    double fraction() {
      return total == 0 ? 0 : (double) failing / total;
    }
  }

  static String fmt(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  /**
   * The temporary table {@code key} names in this run, made by {@code select} ({@link
   * TestContext#tempTable}) the first time and shared by the tests ({@link TestContext#shared}).
   */
  private static String shared(TestContext ctx, String key, String prefix, String select) {
    return ctx.shared(
        AbnormalInputs.class.getName() + ":" + key, () -> ctx.tempTable(prefix, select));
  }

  /**
   * A temporary table {@code (v, n)} of the distinct non-null values of {@code valueExpr} (over the
   * table's unqualified columns) with their counts, in the reference ({@code evaluation} false) or
   * evaluation data; returns its quoted name. Made once per run and expression and shared by the
   * tests: those that judge each value by itself (a cast, a pattern, a set) evaluate the condition
   * once per distinct value on it, not once per row, and membership tests against it cost a small
   * hash join instead of a pass over a whole table.
   */
  static String distinctValues(TestContext ctx, String valueExpr, boolean evaluation) {
    return shared(
        ctx,
        (evaluation ? "eval:" : "ref:") + valueExpr,
        evaluation ? "eval_values" : "ref_values",
        "SELECT v, count(*) AS n FROM (SELECT "
            + valueExpr
            + " AS v FROM "
            + ctx.table(evaluation)
            + ") WHERE v IS NOT NULL GROUP BY v");
  }

  /** {@link #distinctValues} of the reference data. */
  static String referenceValues(TestContext ctx, String valueExpr) {
    return distinctValues(ctx, valueExpr, false);
  }

  /** {@link #distinctValues} of the evaluation data. */
  static String evaluationValues(TestContext ctx, String valueExpr) {
    return distinctValues(ctx, valueExpr, true);
  }

  /**
   * A temporary table {@code (v, n, ok, d)} of the distinct text values of an e-mail, URL or domain
   * feature: {@code ok} whether the value is well-formed ({@link TextKinds}), {@code d} its domain
   * (null when malformed). Made once per run, feature, kind and side.
   */
  static String textKindValues(TestContext ctx, Column c, FeatureType kind, boolean evaluation) {
    String values = distinctValues(ctx, c.textExpr(), evaluation);
    return shared(
        ctx,
        (evaluation ? "eval-kind:" : "ref-kind:") + kind + ":" + c.textExpr(),
        "kind_values",
        "SELECT v, n, ok, CASE WHEN ok THEN "
            + TextKinds.domainPart(kind, "v")
            + " END AS d FROM (SELECT v, n, "
            + TextKinds.matches(kind, "v")
            + " AS ok FROM "
            + values
            + ")");
  }

  /**
   * The failing-row predicate {@code valueExpr IN (values of counts where condition)}: the values
   * of an {@link #evaluationValues} table {@code counts} for which {@code condition} (over its
   * column {@code v}) holds are materialised once.
   */
  static String failingValues(TestContext ctx, String valueExpr, String counts, String condition) {
    String failing =
        ctx.tempTable("failing_values", "SELECT v FROM " + counts + " WHERE " + condition);
    return valueExpr + " IN (SELECT v FROM " + failing + ")";
  }

  /**
   * Up to 5 values of an {@link #evaluationValues} table for which {@code condition} holds, with
   * their counts, most frequent first.
   */
  static List<Map<String, Object>> countedExamples(
      TestContext ctx, String counts, String condition) {
    return ctx.db()
        .query(
            "SELECT CAST(v AS VARCHAR), n FROM "
                + counts
                + " WHERE "
                + condition
                + " ORDER BY n DESC, 1 LIMIT 5",
            rs -> {
              Map<String, Object> e = new LinkedHashMap<>();
              e.put("value", rs.getString(1));
              e.put("count", rs.getLong(2));
              return e;
            });
  }

  /** Up to 5 example values with their counts, most frequent first. */
  static List<Map<String, Object>> examples(TestContext ctx, String valueExpr, String failing) {
    return ctx.db()
        .query(
            "SELECT v, count(*) AS n FROM (SELECT CAST("
                + valueExpr
                + " AS VARCHAR) AS v FROM "
                + ctx.evalTable()
                + " WHERE COALESCE(("
                + failing
                + "), false)) GROUP BY v ORDER BY n DESC, v LIMIT 5",
            rs -> {
              Map<String, Object> e = new LinkedHashMap<>();
              e.put("value", rs.getString(1));
              e.put("count", rs.getLong(2));
              return e;
            });
  }
}
