// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.model.ModelAdapter;
import dev.rime.engine.model.ModelException;
import dev.rime.engine.model.Predictions;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import dev.rime.engine.tests.abnormal.AbnormalInputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * RIME's rule for transformation tests, shared by every test of the category: substitute an
 * abnormal value into one feature of clean evaluation rows, call the model, and judge the simulated
 * performance change (ADR 0016).
 *
 * <ul>
 *   <li>Sample: {@code num_samples_to_simulate} evaluation rows chosen by SQL, deterministic for
 *       {@code random_seed}: rows with no missing model input first, then by {@code hash(rowid,
 *       seed)}. It and the model's predictions on it are made once per run and sample size.
 *   <li>Perturbed rows: the sample with one feature replaced, as a SELECT over {@link
 *       TestContext#modelInputColumns()}; the features of a test whose values keep the column's
 *       type go to the model in one call ({@code UNION ALL} with a feature index), a type change in
 *       one call per feature.
 *   <li>Simulated performance change: with labels on a binary classification task, the accuracy
 *       drop {@code max(0, accuracy(original) − accuracy(perturbed))} on the labelled sample rows;
 *       otherwise the average absolute prediction change (for K class probabilities, half the sum
 *       of the absolute changes).
 *   <li>Judged by {@code performance_change_config.severity_thresholds} (null: the abnormal-input
 *       defaults {@link AbnormalInputs#DEFAULT_THRESHOLDS}): FAIL with the severity of the highest
 *       threshold reached, PASS below the low one.
 *   <li>The model raising (or returning NaN) on the perturbed rows: with {@code ignore_errors}
 *       false a FAIL case with High severity naming the error; with it true the rows it fails on
 *       (found row by row) are left out, counted and the first error reported.
 * </ul>
 */
public final class Transformations {

  /** The category's name. */
  public static final String CATEGORY = "Transformations";

  private Transformations() {}

  /** RIME's {@code performance_change_config} of the transformation tests. */
  public static Param performanceChangeConfig() {
    return Param.object(
        "performance_change_config",
        Param.bool("ignore_errors", false),
        Param.thresholds("severity_thresholds", Range.NON_NEGATIVE, (double[]) null),
        Param.integer("num_samples_to_simulate", 100, Range.intsFrom(1)));
  }

  /**
   * Runs a transformation test: one case per feature.
   *
   * @param features the features the abnormality applies to (none: one SKIP case saying {@code
   *     kind})
   * @param substitute the value written into a feature; may throw {@link SkipTest} for a feature
   */
  public static List<TestCase> run(
      TestContext ctx,
      StressTest test,
      TestParams params,
      List<Column> features,
      String kind,
      Function<Column, Substitution> substitute) {
    ModelAdapter model = ctx.model();
    if (features.isEmpty()) {
      return List.of(CaseBuilder.skip(test, List.of(), "no " + kind + " features to test"));
    }
    TestParams pcc = params.object("performance_change_config");
    Thresholds thresholds = pcc.thresholds("severity_thresholds");
    if (thresholds == null) {
      thresholds = AbnormalInputs.DEFAULT_THRESHOLDS;
    }
    boolean ignoreErrors = pcc.bool("ignore_errors");
    int n = pcc.integer("num_samples_to_simulate");
    Sample sample = sample(ctx, model, n);
    if (sample.rows() == 0) {
      throw new SkipTest("the evaluation data has no rows");
    }

    // Each feature's substitution (a feature may SKIP or fail on its own).
    Map<Column, Substitution> subs = new LinkedHashMap<>();
    Map<Column, TestCase> done = new LinkedHashMap<>();
    for (Column c : features) {
      try {
        subs.put(c, substitute.apply(c));
      } catch (SkipTest s) {
        done.put(c, CaseBuilder.skip(test, List.of(c.name()), s.getMessage()));
      } catch (RuntimeException e) {
        done.put(c, CaseBuilder.error(test, List.of(c.name()), e));
      }
    }

    // Score the perturbed rows: features keeping their column's type in one call.
    Map<Column, Outcome> outcomes = new LinkedHashMap<>();
    List<Column> batch =
        subs.keySet().stream().filter(c -> subs.get(c).keepsType()).collect(Collectors.toList());
    if (batch.size() > 1) {
      try {
        Predictions p =
            predict(
                ctx, model, batchSelect(ctx, sample, batch, subs), batch.size() * sample.rows());
        int per = sample.rows() * p.outputs();
        for (int f = 0; f < batch.size(); f++) {
          double[] v = new double[per];
          for (int i = 0; i < per; i++) {
            v[i] = flat(p, f * per + i);
          }
          outcomes.put(batch.get(f), Outcome.scored(v, p.outputs()));
        }
      } catch (ModelException e) {
        // Which feature made the model fail is found feature by feature below.
      }
    }
    for (Column c : subs.keySet()) {
      if (!outcomes.containsKey(c)) {
        outcomes.put(c, score(ctx, model, sample, c, subs.get(c), ignoreErrors));
      }
    }

    List<TestCase> out = new ArrayList<>();
    for (Column c : features) {
      if (done.containsKey(c)) {
        out.add(done.get(c));
      } else {
        try {
          out.add(
              judge(
                  test,
                  c,
                  subs.get(c),
                  outcomes.get(c),
                  sample,
                  thresholds,
                  ignoreErrors,
                  predictionScale(ctx)));
        } catch (SkipTest skip) {
          out.add(CaseBuilder.skip(test, List.of(c.name()), skip.getMessage()));
        }
      }
    }
    return out;
  }

  private static double flat(Predictions p, int index) {
    return p.get(index / p.outputs(), index % p.outputs());
  }

  /** The perturbed predictions of one feature, or the model's error. */
  record Outcome(double[] values, int outputs, boolean[] errorRows, String error, String log) {

    static Outcome scored(double[] values, int outputs) {
      return new Outcome(values, outputs, null, null, null);
    }

    static Outcome failed(ModelException e) {
      return new Outcome(null, 0, null, e.getMessage(), e.modelLog());
    }

    int numErrorRows() {
      int k = 0;
      if (errorRows != null) {
        for (boolean b : errorRows) {
          k += b ? 1 : 0;
        }
      }
      return k;
    }
  }

  /** One feature scored alone; with {@code ignoreErrors} a failing call is retried row by row. */
  private static Outcome score(
      TestContext ctx,
      ModelAdapter model,
      Sample sample,
      Column c,
      Substitution s,
      boolean ignoreErrors) {
    String select = perturbedSelect(ctx, c, s, sample.table()) + " ORDER BY rime_i";
    try {
      Predictions p = predict(ctx, model, select, sample.rows());
      double[] v = new double[sample.rows() * p.outputs()];
      for (int i = 0; i < v.length; i++) {
        v[i] = flat(p, i);
      }
      return Outcome.scored(v, p.outputs());
    } catch (ModelException e) {
      if (!ignoreErrors) {
        return Outcome.failed(e);
      }
      int outputs = sample.outputs();
      double[] v = new double[sample.rows() * outputs];
      boolean[] errors = new boolean[sample.rows()];
      for (int i = 0; i < sample.rows(); i++) {
        try {
          Predictions p =
              predict(
                  ctx,
                  model,
                  perturbedSelect(ctx, c, s, sample.table()) + " WHERE rime_i = " + i,
                  1);
          for (int k = 0; k < outputs; k++) {
            v[i * outputs + k] = p.get(0, Math.min(k, p.outputs() - 1));
          }
        } catch (ModelException rowError) {
          errors[i] = true;
        }
      }
      return new Outcome(v, outputs, errors, e.getMessage(), e.modelLog());
    }
  }

  /**
   * Calls the model and checks its answer: {@code expected} rows, no NaN (a NaN is an error of the
   * model, like a raise).
   */
  private static Predictions predict(
      TestContext ctx, ModelAdapter model, String select, int expected) throws ModelException {
    Predictions p = model.predict(ctx.db(), select);
    if (p.rows() != expected) {
      throw new ModelException(
          model.describe() + " returned " + p.rows() + " rows for " + expected + " input rows");
    }
    for (int i = 0; i < p.rows(); i++) {
      for (int k = 0; k < p.outputs(); k++) {
        if (Double.isNaN(p.get(i, k))) {
          throw new ModelException(model.describe() + " returned NaN for perturbed row " + i);
        }
      }
    }
    return p;
  }

  /**
   * The sample of evaluation rows and the model's predictions and labels on them.
   *
   * @param table the quoted temporary table: every evaluation column, plus {@code rime_i} (0..n-1)
   * @param original the model's predictions on the rows as they are, flat
   * @param labels the label of each row (binary classification with labels), null entries when
   *     missing; null when accuracy is not measured
   */
  record Sample(String table, int rows, int outputs, double[] original, Double[] labels) {}

  /**
   * The run's sample of {@code n} rows with the model's predictions on it, made once per run and
   * size. A model error on the unperturbed rows is rethrown to every test that asks.
   */
  static Sample sample(TestContext ctx, ModelAdapter model, int n) {
    Object made =
        ctx.shared(
            Transformations.class.getName() + ":sample:" + n,
            () -> {
              try {
                return makeSample(ctx, model, n);
              } catch (ModelException e) {
                return e;
              }
            });
    if (made instanceof ModelException e) {
      throw e;
    }
    return (Sample) made;
  }

  private static Object makeSample(TestContext ctx, ModelAdapter model, int n)
      throws ModelException {
    String anyNull =
        ctx.columns().stream()
            .filter(c -> c.isFeature() && c.inBoth())
            .map(c -> c.nullExpr(c.evalType()))
            .collect(Collectors.joining(" OR "));
    String table =
        ctx.tempTable(
            "transform_sample",
            "SELECT row_number() OVER (ORDER BY rime_row) - 1 AS rime_i, * FROM (SELECT rowid AS"
                + " rime_row, * FROM "
                + ctx.evalTable()
                + " ORDER BY "
                + (anyNull.isEmpty() ? "" : "(" + anyNull + "), ")
                + "hash(rowid, "
                + ctx.config().randomSeed()
                + "), rowid LIMIT "
                + n
                + ")");
    int rows = (int) ctx.db().scalarLong("SELECT count(*) FROM " + table);
    Predictions p =
        model.predict(
            ctx.db(), "SELECT " + inputs(ctx, null, null) + " FROM " + table + " ORDER BY rime_i");
    if (p.rows() != rows) {
      throw new ModelException(
          model.describe() + " returned " + p.rows() + " rows for " + rows + " input rows");
    }
    double[] v = new double[rows * p.outputs()];
    for (int i = 0; i < v.length; i++) {
      v[i] = flat(p, i);
      if (Double.isNaN(v[i])) {
        throw new ModelException(
            model.describe() + " returned NaN for sampled evaluation row " + i / p.outputs());
      }
    }
    Double[] labels = null;
    if (ctx.hasLabels() && ctx.modelTask() == ModelTask.BINARY_CLASSIFICATION) {
      List<Double> ys =
          ctx.db()
              .query(
                  "SELECT " + ctx.labelExpr() + " FROM " + table + " ORDER BY rime_i",
                  rs -> Db.getDouble(rs, 1));
      labels = ys.toArray(new Double[0]);
    }
    return new Sample(table, rows, p.outputs(), v, labels);
  }

  /**
   * The model's input columns as select items over the sample, {@code target} replaced by the
   * substitution (null: none).
   */
  private static String inputs(TestContext ctx, Column target, Substitution s) {
    List<String> items = new ArrayList<>();
    for (Column c : ctx.columns()) {
      if (!c.isFeature() || c.refType() == null) {
        continue;
      }
      String q = c.quoted();
      if (c.equals(target)) {
        String type = c.evalType() != null ? c.evalType() : c.refType();
        items.add(
            (s.keepsType() ? "CAST(" + s.expr() + " AS " + type + ")" : s.expr()) + " AS " + q);
      } else if (c.evalType() == null) {
        items.add("CAST(NULL AS " + c.refType() + ") AS " + q);
      } else {
        items.add(q);
      }
    }
    return String.join(", ", items);
  }

  /** The sample with one feature substituted, with {@code rime_i} for ordering and filtering. */
  private static String perturbedSelect(TestContext ctx, Column c, Substitution s, String table) {
    return "SELECT " + inputs(ctx, c, s) + " FROM (SELECT * FROM " + table + ") AS rime_sample";
  }

  /** The perturbed rows of every feature of {@code batch}, feature after feature, in one query. */
  private static String batchSelect(
      TestContext ctx, Sample sample, List<Column> batch, Map<Column, Substitution> subs) {
    List<String> parts = new ArrayList<>();
    for (int f = 0; f < batch.size(); f++) {
      Column c = batch.get(f);
      parts.add(
          "SELECT "
              + f
              + " AS rime_f, rime_i, "
              + inputs(ctx, c, subs.get(c))
              + " FROM "
              + sample.table());
    }
    String names = ctx.modelInputColumns().stream().collect(Collectors.joining(", "));
    return "SELECT "
        + names
        + " FROM ("
        + String.join(" UNION ALL ", parts)
        + ") ORDER BY rime_f, rime_i";
  }

  private static TestCase judge(
      StressTest test,
      Column c,
      Substitution s,
      Outcome o,
      Sample sample,
      Thresholds thresholds,
      boolean ignoreErrors,
      double scale) {
    String where = "'" + c.name() + "'";
    CaseBuilder b = CaseBuilder.of(test).features(List.of(c.name()));
    Map<String, Object> d = new LinkedHashMap<>(s.details());
    d.put("substituted", s.what());
    d.put("severity_thresholds", thresholds.toList());
    d.put("ignore_errors", ignoreErrors);
    if (o.values() == null) {
      d.put("error", o.error());
      if (o.log() != null) {
        d.put("model_log", o.log());
      }
      d.forEach(b::detail);
      return b.status(TestStatus.FAIL)
          .severity(Severity.HIGH)
          .metric("num_samples", sample.rows())
          .description(
              String.format(
                  Locale.ROOT,
                  "The model raised an error on %d evaluation rows with %s substituted in %s: %s."
                      + " ignore_errors is false, so the test fails with High severity.",
                  sample.rows(),
                  s.what(),
                  where,
                  o.error()))
          .build();
    }

    Change m = Change.of(o, sample, scale);
    int errors = o.numErrorRows();
    if (m.measured() == 0) {
      throw new SkipTest(
          "the model raised an error on every one of the "
              + sample.rows()
              + " perturbed rows, which ignore_errors true leaves out: "
              + o.error());
    }
    boolean byAccuracy = m.byAccuracy();
    double impact = m.impact();
    long measured = m.measured();
    Severity severity = thresholds.severity(impact);
    boolean fails = severity != Severity.NONE;

    b.status(fails ? TestStatus.FAIL : TestStatus.PASS)
        .severity(severity)
        .importance(impact)
        .metric("num_samples", sample.rows())
        .metric("num_error_rows", errors)
        .metric("impact", impact)
        .metric("avg_prediction_change", m.avgChange());

    if (byAccuracy) {
      b.metric("accuracy_original", m.accBefore()).metric("accuracy_perturbed", m.accAfter());
    }
    d.put("impact_measure", byAccuracy ? "accuracy change" : "average prediction change");
    if (m.scale() != 1.0) {
      d.put("prediction_std", m.scale());
    }
    if (errors > 0) {
      d.put("error", o.error());
    }
    d.forEach(b::detail);
    String measure = m.describe();
    String judged =
        fails
            ? "reaching the "
                + severity.name().toLowerCase(Locale.ROOT)
                + " threshold "
                + fmt(thresholds.of(severity))
                + ", so the test fails"
            : "below the low threshold " + fmt(thresholds.low()) + ", so the test passes";
    String left =
        errors == 0
            ? ""
            : String.format(
                Locale.ROOT,
                " (the model raised an error on %d rows, left out as ignore_errors is true: %s)",
                errors,
                o.error());
    return b.description(
            String.format(
                Locale.ROOT,
                "Substituting %s in %s of %d evaluation rows%s: %s, %s.",
                s.what(),
                where,
                measured,
                left,
                measure,
                judged))
        .build();
  }

  /**
   * The simulated change on the rows the model scored (error rows left out).
   *
   * @param measured rows scored
   * @param labelled of those, rows with a label (when accuracy is measured)
   * @param avgChange average absolute prediction change, divided by {@code scale}
   * @param accBefore accuracy on the original rows, or null
   * @param accAfter accuracy on the perturbed rows, or null
   * @param impact the accuracy drop (never negative) with labels, else {@code avgChange}
   * @param scale what prediction changes were divided by: a regression model's reference prediction
   *     standard deviation ({@link TestContext#regressionPredictionScale()}), else 1
   */
  record Change(
      long measured,
      long labelled,
      double avgChange,
      Double accBefore,
      Double accAfter,
      double impact,
      double scale) {

    boolean byAccuracy() {
      return accBefore != null;
    }

    static Change of(Outcome o, Sample sample, double scale) {
      int outputs = sample.outputs();
      boolean accuracy = sample.labels() != null && outputs == 1;
      double sumChange = 0;
      long measured = 0;
      long labelled = 0;
      long correctBefore = 0;
      long correctAfter = 0;
      for (int i = 0; i < sample.rows(); i++) {
        if (o.errorRows() != null && o.errorRows()[i]) {
          continue;
        }
        measured++;
        double change = 0;
        for (int k = 0; k < outputs; k++) {
          change += Math.abs(o.values()[i * outputs + k] - sample.original()[i * outputs + k]);
        }
        sumChange += outputs == 1 ? change : change / 2;
        if (accuracy && sample.labels()[i] != null) {
          boolean positive = sample.labels()[i] == 1;
          labelled++;
          correctBefore += (sample.original()[i] > 0.5) == positive ? 1 : 0;
          correctAfter += (o.values()[i] > 0.5) == positive ? 1 : 0;
        }
      }
      double avg = measured == 0 ? 0 : sumChange / measured / scale;
      if (labelled == 0) {
        return new Change(measured, 0, avg, null, null, avg, scale);
      }
      double before = (double) correctBefore / labelled;
      double after = (double) correctAfter / labelled;
      return new Change(measured, labelled, avg, before, after, Math.max(0, before - after), scale);
    }

    String describe() {
      return byAccuracy()
          ? String.format(
              Locale.ROOT,
              "accuracy %s → %s on %d labelled rows, a change of %s",
              fmt(accBefore),
              fmt(accAfter),
              labelled,
              fmt(impact))
          : scale == 1.0
              ? "average prediction change " + fmt(impact)
              : "average prediction change "
                  + fmt(impact)
                  + " reference prediction standard deviations ("
                  + fmt(impact * scale)
                  + " in the prediction's units, the standard deviation being "
                  + fmt(scale)
                  + ")";
    }
  }

  /**
   * What a prediction change is divided by: a regression model's reference prediction standard
   * deviation, so that the thresholds of a probability change apply; 1 for classifiers.
   */
  static double predictionScale(TestContext ctx) {
    return ctx.modelTask() == ModelTask.REGRESSION ? ctx.regressionPredictionScale() : 1.0;
  }

  /** Rows simulated for an abnormal-input test (which has no {@code num_samples_to_simulate}). */
  public static final int ABNORMAL_SAMPLES = 100;

  /** The transformation that simulates each abnormal-input test, by the abnormal test's id. */
  private static final Map<String, SubstitutionTest> SIMULATIONS =
      Map.ofEntries(
          Map.entry("numeric_outlier", new OutlierSubstitutionTest()),
          Map.entry("unseen_categorical", new UnseenCategoricalSubstitutionTest()),
          Map.entry("unseen_domain", new UnseenDomainSubstitutionTest()),
          Map.entry("unseen_email", new UnseenEmailSubstitutionTest()),
          Map.entry("unseen_url", new UnseenUrlSubstitutionTest()),
          Map.entry("out_of_range", new OutOfRangeSubstitutionTest()),
          Map.entry("req_characters", new RequiredCharactersDeletionTest()),
          Map.entry("capitalization", new CapitalizationChangeTest()),
          Map.entry("empty_string", new EmptyStringSubstitutionTest()),
          Map.entry("int_feature_type", new FeatureTypeChangeTest(ValueType.INT)),
          Map.entry("float_feature_type", new FeatureTypeChangeTest(ValueType.FLOAT)),
          Map.entry("str_feature_type", new FeatureTypeChangeTest(ValueType.STRING)),
          Map.entry("bool_feature_type", new FeatureTypeChangeTest(ValueType.BOOL)),
          Map.entry("url_feature_type", new FeatureTypeChangeTest(ValueType.URL)),
          Map.entry("domain_feature_type", new FeatureTypeChangeTest(ValueType.DOMAIN)),
          Map.entry("email_feature_type", new FeatureTypeChangeTest(ValueType.EMAIL)),
          Map.entry("null_check", new NullSubstitutionTest()));

  /**
   * The simulated performance change of an abnormal-input case.
   *
   * @param impact the change (accuracy drop or average prediction change), null when the model
   *     raised
   * @param description how it was measured, for the abnormal-input description
   * @param substituted what was substituted, e.g. {@code null}
   * @param samples sampled rows
   * @param error the model's error, or null
   */
  public record Simulated(
      Double impact, String description, String substituted, int samples, String error) {}

  /**
   * Simulates the abnormality of abnormal-input test {@code abnormalId} on feature {@code c} with
   * the model: its transformation's substitution into {@link #ABNORMAL_SAMPLES} sampled rows
   * (parameters the two tests share, such as {@code std_factor}, taken from {@code params}).
   *
   * @return null when there is no model, no transformation for the test, or it does not apply to
   *     the feature
   */
  public static Simulated simulate(
      TestContext ctx, String abnormalId, TestParams params, Column c) {
    SubstitutionTest t = SIMULATIONS.get(abnormalId);
    if (t == null || !ctx.hasModel()) {
      return null;
    }
    TestParams tp = TestParams.defaults(t);
    for (Param p : t.params()) {
      Object given = params.asMap().get(p.key());
      if (given != null && !p.key().equals("performance_change_config")) {
        tp = tp.with(p.key(), given);
      }
    }
    Substitution s;
    try {
      if (!t.features(ctx, tp).contains(c)) {
        return null;
      }
      s = t.substitute(ctx, tp, c);
    } catch (SkipTest skip) {
      return null;
    }
    ModelAdapter model = ctx.model();
    Sample sample;
    try {
      sample = sample(ctx, model, ABNORMAL_SAMPLES);
    } catch (ModelException e) {
      return new Simulated(null, null, s.what(), 0, e.getMessage());
    }
    if (sample.rows() == 0) {
      return null;
    }
    Outcome o = score(ctx, model, sample, c, s, false);
    if (o.values() == null) {
      return new Simulated(null, null, s.what(), sample.rows(), o.error());
    }
    Change m = Change.of(o, sample, predictionScale(ctx));
    return new Simulated(m.impact(), m.describe(), s.what(), sample.rows(), null);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  /** A SQL literal for a double. */
  static String dbl(double v) {
    return Sql.dbl(v);
  }
}
