// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Numeric Outliers: evaluation rows whose value of a numeric feature lies outside thresholds
 * inferred, without assuming a distribution, from quantiles of the finite reference values. With p
 * = {@code min_normal_prop}, b = {@code baseline_quantile}, m = {@code perturb_multiplier}, a = (1
 * − p) / 2 and Q the reference quantile (linear interpolation, as numpy's default):
 *
 * <pre>
 *   lower = Q(a)     − m · (Q(b)     − Q(a))
 *   upper = Q(1 − a) + m · (Q(1 − a) − Q(1 − b))
 * </pre>
 *
 * A value below {@code lower} or above {@code upper} is an outlier (infinities included; NaN is
 * missing). The central p of the reference lies within [Q(a), Q(1 − a)]; the thresholds widen that
 * interval on each side by m times the distance from the outer quantile to the baseline quantile.
 * Features that are unique (whole numbers, distinct / non-null ≥ {@code min_unique_prop}, more than
 * 20 values: identifiers) or ascending in the reference file order (row numbers, time stamps) are
 * skipped, since new values there are expected to lie outside. The reference has outliers too (a
 * few by construction, more in heavy tails), so a case fails only when the evaluation's share of
 * outliers is significantly above the reference's ({@link AbnormalInputs#judgeAboveReference}).
 */
public final class NumericOutlierTest implements StressTest {

  @Override
  public String id() {
    return "numeric_outlier";
  }

  @Override
  public String displayName() {
    return "Numeric Outliers";
  }

  @Override
  public String category() {
    return "Abnormal Inputs";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.number("min_normal_prop", 0.99, new Range(0, true, 1, false)),
        Param.number("baseline_quantile", 0.1, Range.closed(0, 0.5)),
        Param.number("perturb_multiplier", 1.0, Range.NON_NEGATIVE),
        AbnormalInputs.pValueThreshold(),
        Param.performanceChangeConfig());
  }

  @Override
  public void checkParams(TestParams params) {
    double a = (1 - params.number("min_normal_prop")) / 2;
    double b = params.number("baseline_quantile");
    if (b < a) {
      throw new ConfigException(
          params.key("baseline_quantile"),
          String.format(
              Locale.ROOT,
              "must be at least (1 - min_normal_prop) / 2 = %s (the quantile the thresholds are"
                  + " measured from), not %s",
              AbnormalInputs.fmt(a),
              AbnormalInputs.fmt(b)));
    }
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    return FeatureCases.each(
        this, ctx.features(params, Column::isNumeric), "numeric", c -> test(ctx, params, c));
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    double p = params.number("min_normal_prop");
    double b = params.number("baseline_quantile");
    double m = params.number("perturb_multiplier");
    double a = (1 - p) / 2;
    String x = c.numExpr();
    Object[] s =
        ctx.db()
            .queryOne(
                "SELECT n, d, q[1], q[2], q[3], q[4] FROM (SELECT count(x) AS n, count(DISTINCT x)"
                    + " AS d, quantile_cont(x, ["
                    + Sql.dbl(a)
                    + ", "
                    + Sql.dbl(b)
                    + ", "
                    + Sql.dbl(1 - b)
                    + ", "
                    + Sql.dbl(1 - a)
                    + "]) AS q FROM (SELECT "
                    + x
                    + " AS x FROM "
                    + ctx.refTable()
                    + ") WHERE isfinite(x))",
                rs ->
                    new Object[] {
                      rs.getLong(1),
                      rs.getLong(2),
                      Db.getDouble(rs, 3),
                      Db.getDouble(rs, 4),
                      Db.getDouble(rs, 5),
                      Db.getDouble(rs, 6)
                    });
    long n = (Long) s[0];
    long distinct = (Long) s[1];
    if (n == 0) {
      throw new SkipTest("'" + c.name() + "' has no finite values in the reference data");
    }
    double minUnique = ctx.config().minUniqueProp();
    if (c.valueType() == ValueType.INT && n > 20 && (double) distinct / n >= minUnique) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "'%s' is unique in the reference data (%d distinct whole numbers of %d, share >="
                  + " min_unique_prop %s), like an identifier; new values are expected outside its"
                  + " range",
              c.name(),
              distinct,
              n,
              AbnormalInputs.fmt(minUnique)));
    }
    if (distinct > 1 && ascending(ctx, c)) {
      throw new SkipTest(
          "'"
              + c.name()
              + "' is ascending in the reference file order (like a row number or a time stamp);"
              + " new values are expected beyond its range");
    }
    double qa = (Double) s[2];
    double qb = (Double) s[3];
    double q1b = (Double) s[4];
    double q1a = (Double) s[5];
    double lower = qa - m * (qb - qa);
    double upper = q1a + m * (q1a - q1b);

    String below = x + " < " + Sql.dbl(lower);
    String above = x + " > " + Sql.dbl(upper);
    String failing = "(" + below + " OR " + above + ")";
    String counts =
        "SELECT count(*) FILTER (WHERE " + below + "), count(*) FILTER (WHERE " + above + ") FROM ";
    long[] evalCounts =
        ctx.db()
            .queryOne(counts + ctx.evalTable(), rs -> new long[] {rs.getLong(1), rs.getLong(2)});

    Map<String, Object> quantiles = new LinkedHashMap<>();
    quantiles.put(AbnormalInputs.fmt(a), qa);
    quantiles.put(AbnormalInputs.fmt(b), qb);
    quantiles.put(AbnormalInputs.fmt(1 - b), q1b);
    quantiles.put(AbnormalInputs.fmt(1 - a), q1a);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("lower_threshold", lower);
    details.put("upper_threshold", upper);
    details.put("reference_quantiles", quantiles);
    details.put("min_normal_prop", p);
    details.put("baseline_quantile", b);
    details.put("perturb_multiplier", m);
    details.put("num_below", evalCounts[0]);
    details.put("num_above", evalCounts[1]);
    details.put("examples", AbnormalInputs.examples(ctx, x, failing));
    return AbnormalInputs.judgeAboveReference(
        ctx,
        this,
        params,
        List.of(c.name()),
        "'" + c.name() + "'",
        failing,
        "outliers outside ["
            + AbnormalInputs.fmt(lower)
            + ", "
            + AbnormalInputs.fmt(upper)
            + "] (thresholds from reference quantiles)",
        details);
  }

  /**
   * Whether the non-missing reference values never decrease in file order. A cheap pass first
   * checks that the first value is the minimum and the last the maximum; only then are neighbours
   * compared (a sort by row number).
   */
  private static boolean ascending(TestContext ctx, Column c) {
    String values =
        "(SELECT rowid AS i, "
            + c.numExpr()
            + " AS x FROM "
            + ctx.refTable()
            + ") WHERE x IS NOT NULL";
    boolean ends =
        ctx.db()
            .queryOne(
                "SELECT COALESCE(arg_min(x, i) = min(x) AND arg_max(x, i) = max(x), false) FROM "
                    + values,
                rs -> rs.getBoolean(1));
    return ends
        && ctx.db()
                .scalarLong(
                    "SELECT count(*) FILTER (WHERE x < prev) FROM (SELECT x, lag(x) OVER (ORDER BY"
                        + " i) AS prev FROM "
                        + values
                        + ")")
            == 0;
  }
}
