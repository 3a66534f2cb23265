// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.metrics;

import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.ClassProbabilities;
import dev.rime.engine.data.Db;
import dev.rime.engine.stats.Auc;
import dev.rime.engine.tests.TestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sufficient statistics of a model's performance over a set of rows, from which every {@link
 * Metric} and its standard error follow. One SQL query per grouping gathers them for every group at
 * once ({@link #byGroup}); only rows with a model output count, and label-needing metrics only the
 * rows that also have a label.
 *
 * <p>Definitions, scikit-learn's (1.5) unless said:
 *
 * <ul>
 *   <li>Binary: prediction p = P(label 1), positive when p &gt; 0.5. Accuracy, precision
 *       TP/(TP+FP), recall TP/(TP+FN), FPR FP/(FP+TN), FNR FN/(FN+TP), F1 2TP/(2TP+FP+FN), positive
 *       prediction rate, average prediction, average confidence = mean max(p, 1 − p), log loss =
 *       mean −ln of the probability given to the true label clipped to [ε, 1 − ε] (ε the double's
 *       machine epsilon), AUC by mid-ranks (ties count a half). A ratio with a zero denominator is
 *       undefined (null), where scikit-learn warns and returns 0.
 *   <li>Multi-class: labels are class indices, the predicted class the first of the largest
 *       probabilities (numpy's argmax). Accuracy; macro precision, recall and F1 averaged over the
 *       classes present among the labels or the predictions (a class with a zero denominator counts
 *       0, as scikit-learn's zero_division default); average confidence = mean largest probability;
 *       log loss as above; multiclass AUC = one-vs-rest AUC averaged over the classes that have
 *       both positive and negative rows (scikit-learn's {@code multi_class="ovr"}, which fails
 *       instead when a class is missing).
 *   <li>Regression: MAE, MAPE (|y − p| / max(|y|, ε)), MSE, RMSE, MSLE (undefined when a label or
 *       prediction is negative), R² = 1 − MSE / Var(y) (1 when both are 0, 0 when only Var(y) is:
 *       scikit-learn's force_finite), average prediction.
 * </ul>
 *
 * Standard errors: for a mean of a per-row quantity sqrt(s² / n) (sample variance); for a rate
 * sqrt(r (1 − r) / d) over its denominator d; AUC Hanley–McNeil; RMSE and R² by the delta method
 * from MSE's; macro averages sqrt(Σ SE²) / classes. They feed confidence intervals (z · SE).
 */
public final class MetricStats {

  /** The machine epsilon of a double, numpy's {@code finfo(float64).eps}. */
  static final double EPS = Math.ulp(1.0);

  private static final String EPS_SQL = Double.toString(EPS);

  /** Mean, sample variance and count of one per-row quantity. */
  record Moments(long n, Double mean, Double var) {
    static final Moments EMPTY = new Moments(0, null, null);

    Double se() {
      return n == 0 || mean == null ? null : Math.sqrt(var == null ? 0 : var / n);
    }

    /**
     * The moments of the values here that are not in {@code part} (a sub-multiset of them): with M2
     * = (n − 1) var, Chan et al.'s M2 = M2_a + M2_b + δ² n_a n_b / n solved for the rest. A
     * variance stays null when this one is (a quantity whose variance is not gathered).
     */
    Moments minus(Moments part) {
      long rest = n - part.n;
      if (part.n == 0 || part.mean == null) {
        return this;
      }
      if (rest <= 0 || mean == null) {
        return EMPTY;
      }
      double restMean = (n * mean - part.n * part.mean) / rest;
      if (var == null) {
        return new Moments(rest, restMean, null);
      }
      double delta = restMean - part.mean;
      double m2 =
          var * (n - 1)
              - (part.var == null ? 0 : part.var * (part.n - 1))
              - delta * delta * part.n * rest / n;
      return new Moments(rest, restMean, rest < 2 ? null : Math.max(0, m2) / (rest - 1));
    }
  }

  private final ModelTask task;
  private final String key;
  private final long rows;
  private final long labeled;
  private final Map<String, Moments> moments = new LinkedHashMap<>();
  // Binary.
  private long tp;
  private long fp;
  private long tn;
  private long fn;
  private Double rankSumPositives;
  // Multi-class: confusion[label][predicted], per-class rank sums of the class's probability.
  private long[][] confusion;
  private double[] classRankSums;
  // Regression.
  private Double labelVariance;
  private long negatives;

  private MetricStats(ModelTask task, String key, long rows, long labeled) {
    this.task = task;
    this.key = key;
    this.rows = rows;
    this.labeled = labeled;
  }

  /** The group's key (the grouping expression's value as text), null for missing values. */
  public String key() {
    return key;
  }

  /** The model task the statistics are of. */
  public ModelTask task() {
    return task;
  }

  /** Rows with a model output. */
  public long rows() {
    return rows;
  }

  /** Rows with a model output and a label. */
  public long labeledRows() {
    return labeled;
  }

  /** Positive labels (binary). */
  public long positives() {
    return tp + fn;
  }

  /**
   * The statistics of every row of one side with a model output, with the mid-ranks AUC needs. Use
   * {@link TestContext#overallStats(boolean)}, which keeps them for the run.
   */
  public static MetricStats overall(TestContext ctx, boolean evaluation) {
    Map<String, MetricStats> all = byGroup(ctx, evaluation, null, true);
    return all.isEmpty() ? empty(ctx.modelTask(), classes(ctx)) : all.values().iterator().next();
  }

  /**
   * The statistics of each group of {@code groupSqlExpr} (over the side's columns) on one side,
   * keyed by the expression's value as text (null for rows where it is null), ordered by key.
   *
   * @param groupSqlExpr grouping expression, or null for one group of every row
   * @param withRanks whether to gather the mid-rank sums AUC and multiclass AUC need (one window
   *     sort per class)
   */
  public static Map<String, MetricStats> byGroup(
      TestContext ctx, boolean evaluation, String groupSqlExpr, boolean withRanks) {
    return byGroup(ctx, evaluation, ctx.scoredTable(evaluation), groupSqlExpr, withRanks);
  }

  /**
   * {@link #byGroup(TestContext, boolean, String, boolean)} over the rows of {@code from} instead
   * of the side's {@link TestContext#scoredTable}: a FROM item holding the side's label, prediction
   * and class probability columns under their own names, e.g. a narrow copy of the side with
   * grouping keys computed once for many groupings.
   */
  public static Map<String, MetricStats> byGroup(
      TestContext ctx, boolean evaluation, String from, String groupSqlExpr, boolean withRanks) {
    ctx.requireModelOutput();
    String g = groupSqlExpr == null ? "'all'" : "CAST((" + groupSqlExpr + ") AS VARCHAR)";
    String y = ctx.hasLabels() ? ctx.labelColumn().numExpr() : "NULL::DOUBLE";
    return switch (ctx.modelTask()) {
      case BINARY_CLASSIFICATION -> binary(ctx.db(), from, g, y, ctx.predExpr(), withRanks);
      case REGRESSION -> regression(ctx.db(), from, g, y, ctx.predExpr());
      case MULTI_CLASS_CLASSIFICATION ->
          multiclass(ctx.db(), from, g, y, ctx.probabilities(evaluation), withRanks);
      default -> throw new IllegalStateException("no metrics for " + ctx.modelTask());
    };
  }

  /**
   * SQL for whether a binary prediction is right: 1.0 when the thresholded probability ({@code p >
   * 0.5}) equals the label ({@code y = 1}), 0.0 when not, null when either is missing.
   */
  public static String correctSql(String y, String p) {
    return "(CASE WHEN "
        + y
        + " IS NULL OR "
        + p
        + " IS NULL THEN NULL WHEN ("
        + p
        + " > 0.5) = ("
        + y
        + " = 1) THEN 1.0 ELSE 0.0 END)";
  }

  /**
   * The rows of one side with a model output as a SELECT, one row each, for tests that look at the
   * model's confidence row by row in SQL (Average Thresholded Confidence, calibration): {@code
   * conf} the confidence in the predicted class (binary max(p, 1 − p), multi-class the largest
   * probability), {@code correct} 1.0 when the predicted class is the label, 0.0 when not, null
   * without a label; {@code prob} and {@code outcome}, the probability a reliability curve bins and
   * the event it forecasts (binary: p and the label; multi-class: the confidence and whether the
   * prediction is correct). Binary and multi-class classification only.
   */
  public static String outputRows(TestContext ctx, boolean evaluation) {
    ctx.requireModelOutput();
    String y = ctx.hasLabels() ? ctx.labelColumn().numExpr() : "NULL::DOUBLE";
    String from = ctx.scoredTable(evaluation);
    return switch (ctx.modelTask()) {
      case BINARY_CLASSIFICATION ->
          "SELECT greatest(p, 1 - p) AS conf,"
              + " "
              + correctSql("y", "p")
              + " AS correct, p AS prob, y AS outcome FROM (SELECT "
              + y
              + " AS y, "
              + ctx.predExpr()
              + " AS p FROM "
              + from
              + ") WHERE p IS NOT NULL";
      case MULTI_CLASS_CLASSIFICATION -> {
        String list = "[" + String.join(", ", ctx.probabilities(evaluation).columns()) + "]";
        String correct =
            "CASE WHEN y IS NULL THEN NULL WHEN list_position(l, list_max(l)) - 1 = y THEN 1.0"
                + " ELSE 0.0 END";
        yield "SELECT conf, correct, conf AS prob, correct AS outcome FROM (SELECT list_max(l)"
            + " AS conf, "
            + correct
            + " AS correct FROM (SELECT "
            + y
            + " AS y, "
            + list
            + " AS l FROM "
            + from
            + ")) WHERE conf IS NOT NULL";
      }
      default -> throw new IllegalStateException("no confidence for " + ctx.modelTask());
    };
  }

  private static int classes(TestContext ctx) {
    return ctx.hasProbabilities() ? ctx.probabilities(true).classes() : 0;
  }

  private static MetricStats empty(ModelTask task, int classes) {
    MetricStats s = new MetricStats(task, null, 0, 0);
    if (task == ModelTask.MULTI_CLASS_CLASSIFICATION) {
      s.confusion = new long[classes][classes];
      s.classRankSums = new double[classes];
    }
    return s;
  }

  private static final String ORDER = " ORDER BY g IS NULL, g";

  private static Map<String, MetricStats> binary(
      Db db, String from, String g, String y, String p, boolean withRanks) {
    String ll =
        "CASE WHEN y IS NULL THEN NULL WHEN y = 1 THEN -ln(least(greatest(p, "
            + EPS_SQL
            + "), 1 - "
            + EPS_SQL
            + ")) ELSE -ln(least(greatest(1 - p, "
            + EPS_SQL
            + "), 1 - "
            + EPS_SQL
            + ")) END";
    String rows =
        "SELECT g, y, p, CASE WHEN p > 0.5 THEN 1.0 ELSE 0.0 END AS pp,"
            + " greatest(p, 1 - p) AS conf,"
            + " "
            + correctSql("y", "p")
            + " AS c, "
            + ll
            + " AS ll"
            + (withRanks
                // Mid-rank among the group's labelled rows: (rank + rows up to the last peer) / 2.
                ? ", (rank() OVER w + count(*) OVER w) / 2.0 AS mr"
                : ", NULL::DOUBLE AS mr")
            + " FROM (SELECT "
            + g
            + " AS g, "
            + y
            + " AS y, "
            + p
            + " AS p FROM "
            + from
            + ") WHERE p IS NOT NULL"
            + (withRanks ? " WINDOW w AS (PARTITION BY g, y IS NULL ORDER BY p)" : "");
    String sql =
        "SELECT g, count(*), count(y),"
            + " avg(p), var_samp(p), avg(pp), avg(conf), var_samp(conf),"
            + " avg(c), avg(ll), var_samp(ll),"
            + " count(*) FILTER (WHERE y = 1 AND pp = 1), count(*) FILTER (WHERE y = 0 AND pp = 1),"
            + " count(*) FILTER (WHERE y = 0 AND pp = 0), count(*) FILTER (WHERE y = 1 AND pp = 0),"
            + " sum(mr) FILTER (WHERE y = 1)"
            + " FROM ("
            + rows
            + ") GROUP BY g"
            + ORDER;
    Map<String, MetricStats> out = new LinkedHashMap<>();
    db.forEach(
        sql,
        rs -> {
          long n = rs.getLong(2);
          long nl = rs.getLong(3);
          MetricStats s = new MetricStats(ModelTask.BINARY_CLASSIFICATION, rs.getString(1), n, nl);
          s.moments.put("p", new Moments(n, Db.getDouble(rs, 4), Db.getDouble(rs, 5)));
          Double ppr = Db.getDouble(rs, 6);
          s.moments.put("pp", new Moments(n, ppr, null));
          s.moments.put("conf", new Moments(n, Db.getDouble(rs, 7), Db.getDouble(rs, 8)));
          s.moments.put("c", new Moments(nl, Db.getDouble(rs, 9), null));
          s.moments.put("ll", new Moments(nl, Db.getDouble(rs, 10), Db.getDouble(rs, 11)));
          s.tp = rs.getLong(12);
          s.fp = rs.getLong(13);
          s.tn = rs.getLong(14);
          s.fn = rs.getLong(15);
          s.rankSumPositives = Db.getDouble(rs, 16);
          if (withRanks && s.rankSumPositives == null) {
            s.rankSumPositives = 0.0;
          }
          out.put(s.key, s);
        });
    return out;
  }

  private static Map<String, MetricStats> regression(
      Db db, String from, String g, String y, String p) {
    String rows =
        "SELECT g, y, p, abs(y - p) AS ae, (y - p) * (y - p) AS se,"
            + " abs(y - p) / greatest(abs(y), "
            + EPS_SQL
            + ") AS ape,"
            + " CASE WHEN y >= 0 AND p >= 0 THEN (ln(1 + y) - ln(1 + p)) * (ln(1 + y) - ln(1 + p))"
            + " END AS sle,"
            + " CASE WHEN y < 0 OR p < 0 THEN 1 ELSE 0 END AS neg"
            + " FROM (SELECT "
            + g
            + " AS g, "
            + y
            + " AS y, "
            + p
            + " AS p FROM "
            + from
            + ") WHERE p IS NOT NULL";
    String sql =
        "SELECT g, count(*), count(y), avg(p), var_samp(p),"
            + " avg(ae), var_samp(ae), avg(se), var_samp(se), avg(ape), var_samp(ape),"
            + " avg(sle), var_samp(sle), sum(neg) FILTER (WHERE y IS NOT NULL), var_pop(y)"
            + " FROM ("
            + rows
            + ") GROUP BY g"
            + ORDER;
    Map<String, MetricStats> out = new LinkedHashMap<>();
    db.forEach(
        sql,
        rs -> {
          long n = rs.getLong(2);
          long nl = rs.getLong(3);
          MetricStats s = new MetricStats(ModelTask.REGRESSION, rs.getString(1), n, nl);
          s.moments.put("p", new Moments(n, Db.getDouble(rs, 4), Db.getDouble(rs, 5)));
          s.moments.put("ae", new Moments(nl, Db.getDouble(rs, 6), Db.getDouble(rs, 7)));
          s.moments.put("se", new Moments(nl, Db.getDouble(rs, 8), Db.getDouble(rs, 9)));
          s.moments.put("ape", new Moments(nl, Db.getDouble(rs, 10), Db.getDouble(rs, 11)));
          s.moments.put("sle", new Moments(nl, Db.getDouble(rs, 12), Db.getDouble(rs, 13)));
          s.negatives = rs.getLong(14);
          s.labelVariance = Db.getDouble(rs, 15);
          out.put(s.key, s);
        });
    return out;
  }

  private static Map<String, MetricStats> multiclass(
      Db db, String from, String g, String y, ClassProbabilities probs, boolean withRanks) {
    int k = probs.classes();
    List<String> cols = probs.columns();
    String list = probs.listExpr();
    String trueProb = "list_extract(" + list + ", CAST(y AS INTEGER) + 1)";
    String clip = "least(greatest(" + trueProb + ", " + EPS_SQL + "), 1 - " + EPS_SQL + ")";
    String base =
        "SELECT "
            + g
            + " AS g, "
            + y
            + " AS y, "
            + String.join(", ", cols)
            + ", "
            + probs.predictedClassExpr()
            + " AS yhat, list_max("
            + list
            + ") AS conf FROM "
            + from;
    // One row per (group, label, predicted class): the confusion matrices and the sums of the
    // per-row quantities, combined in Java.
    String cells =
        "SELECT g, y, yhat, count(*), sum(conf), sum(conf * conf),"
            + " sum(CASE WHEN y IS NULL THEN NULL ELSE -ln("
            + clip
            + ") END),"
            + " sum(CASE WHEN y IS NULL THEN NULL ELSE ln("
            + clip
            + ") * ln("
            + clip
            + ") END)"
            + " FROM ("
            + base
            + ") GROUP BY g, y, yhat";
    Map<String, double[]> sums = new LinkedHashMap<>(); // n, nl, conf, conf², ll, ll²
    Map<String, long[][]> confusions = new LinkedHashMap<>();
    db.forEach(
        cells,
        rs -> {
          String key = rs.getString(1);
          Double label = Db.getDouble(rs, 2);
          int predicted = rs.getInt(3);
          long n = rs.getLong(4);
          double[] a = sums.computeIfAbsent(key, x -> new double[6]);
          a[0] += n;
          a[2] += rs.getDouble(5);
          a[3] += rs.getDouble(6);
          if (label != null) {
            a[1] += n;
            a[4] += rs.getDouble(7);
            a[5] += rs.getDouble(8);
            confusions.computeIfAbsent(key, x -> new long[k][k])[label.intValue()][predicted] += n;
          }
        });
    Map<String, double[]> rankSums = new LinkedHashMap<>();
    if (withRanks && !sums.isEmpty()) {
      List<String> midRanks = new ArrayList<>();
      List<String> windows = new ArrayList<>();
      List<String> rankSumsSql = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        // Class c's mid-rank among the group's labelled rows, by its probability.
        midRanks.add("(rank() OVER w" + c + " + count(*) OVER w" + c + ") / 2.0 AS mr" + c);
        windows.add("w" + c + " AS (PARTITION BY g ORDER BY " + cols.get(c) + ")");
        rankSumsSql.add("sum(mr" + c + ") FILTER (WHERE y = " + c + ")");
      }
      String ranked =
          "SELECT g, y, "
              + String.join(", ", midRanks)
              + " FROM ("
              + base
              + ") WHERE y IS NOT NULL WINDOW "
              + String.join(", ", windows);
      String outer = "SELECT g, " + String.join(", ", rankSumsSql);
      db.forEach(
          outer + " FROM (" + ranked + ") GROUP BY g",
          rs -> {
            double[] r = new double[k];
            for (int c = 0; c < k; c++) {
              Double v = Db.getDouble(rs, c + 2);
              r[c] = v == null ? 0 : v;
            }
            rankSums.put(rs.getString(1), r);
          });
    }
    List<String> keys = new ArrayList<>(sums.keySet());
    keys.sort((a, b) -> a == null ? (b == null ? 0 : 1) : b == null ? -1 : a.compareTo(b));
    Map<String, MetricStats> out = new LinkedHashMap<>();
    for (String key : keys) {
      double[] a = sums.get(key);
      long n = (long) a[0];
      long nl = (long) a[1];
      MetricStats s = new MetricStats(ModelTask.MULTI_CLASS_CLASSIFICATION, key, n, nl);
      s.moments.put("conf", fromSums(n, a[2], a[3]));
      s.moments.put("ll", fromSums(nl, a[4], a[5]));
      s.confusion = confusions.getOrDefault(key, new long[k][k]);
      s.classRankSums = withRanks ? rankSums.getOrDefault(key, new double[k]) : null;
      out.put(key, s);
    }
    return out;
  }

  /** Mean and sample variance from a count, a sum and a sum of squares. */
  private static Moments fromSums(long n, double sum, double sumSquares) {
    if (n == 0) {
      return Moments.EMPTY;
    }
    double mean = sum / n;
    Double var = n < 2 ? null : Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
    return new Moments(n, mean, var);
  }

  /**
   * The statistics of the rows here that are not in {@code part}, which must be statistics of a
   * subset of these rows (e.g. one group of a grouping of the same side, and these the overall
   * statistics): the rest of the data beside a segment. Counts and confusion cells subtract, means
   * and variances by Chan et al.'s pairwise update run backwards. Mid-rank sums and the label
   * variance do not subtract, so AUC, multiclass AUC and R² are undefined (null) on the result.
   */
  public MetricStats minus(MetricStats part) {
    if (part.task != task) {
      throw new IllegalArgumentException("statistics of " + part.task + " minus " + task);
    }
    MetricStats out = new MetricStats(task, null, rows - part.rows, labeled - part.labeled);
    for (Map.Entry<String, Moments> e : moments.entrySet()) {
      out.moments.put(e.getKey(), e.getValue().minus(part.m(e.getKey())));
    }
    out.tp = tp - part.tp;
    out.fp = fp - part.fp;
    out.tn = tn - part.tn;
    out.fn = fn - part.fn;
    out.negatives = negatives - part.negatives;
    if (confusion != null) {
      out.confusion = new long[confusion.length][confusion.length];
      for (int i = 0; i < confusion.length; i++) {
        for (int j = 0; j < confusion.length; j++) {
          out.confusion[i][j] = confusion[i][j] - part.confusion[i][j];
        }
      }
    }
    return out;
  }

  private Moments m(String name) {
    return moments.getOrDefault(name, Moments.EMPTY);
  }

  /**
   * The metric's value on these rows, or null when undefined: no rows, no labels for a metric that
   * needs them, a zero denominator, one class for AUC, a negative value for MSLE.
   */
  public Double value(Metric metric) {
    if (!metric.tasks().contains(task)) {
      throw new IllegalArgumentException(metric.displayName() + " is not a metric of " + task);
    }
    return switch (metric) {
      case AUC ->
          rankSumPositives == null ? null : Auc.fromRankSum(rankSumPositives, tp + fn, tn + fp);
      case ACCURACY -> labeled == 0 ? null : (double) (tp + tn) / labeled;
      case F1 -> ratio(2 * tp, 2 * tp + fp + fn);
      case PRECISION -> ratio(tp, tp + fp);
      case RECALL -> ratio(tp, tp + fn);
      case FALSE_POSITIVE_RATE -> ratio(fp, fp + tn);
      case FALSE_NEGATIVE_RATE -> ratio(fn, fn + tp);
      case POSITIVE_PREDICTION_RATE -> m("pp").mean();
      case AVERAGE_PREDICTION -> m("p").mean();
      case AVERAGE_CONFIDENCE -> m("conf").mean();
      case LOG_LOSS -> m("ll").mean();
      case MULTICLASS_ACCURACY -> labeled == 0 ? null : (double) trace() / labeled;
      case MACRO_PRECISION -> macro(0);
      case MACRO_RECALL -> macro(1);
      case MACRO_F1 -> macro(2);
      case MULTICLASS_AUC -> multiclassAuc(false);
      case MAE -> m("ae").mean();
      case MAPE -> m("ape").mean();
      case MSE -> m("se").mean();
      case RMSE -> m("se").mean() == null ? null : Math.sqrt(m("se").mean());
      case MSLE -> negatives > 0 ? null : m("sle").mean();
      case R_SQUARED -> rSquared();
    };
  }

  /** The standard error of {@link #value(Metric)}, or null when the value is undefined. */
  public Double standardError(Metric metric) {
    Double v = value(metric);
    if (v == null) {
      return null;
    }
    return switch (metric) {
      case AUC -> Auc.hanleyMcNeilSe(v, tp + fn, tn + fp);
      case ACCURACY, MULTICLASS_ACCURACY -> rateSe(v, labeled);
      case F1 -> rateSe(v, tp + fp + fn);
      case PRECISION -> rateSe(v, tp + fp);
      case RECALL, FALSE_NEGATIVE_RATE -> rateSe(v, tp + fn);
      case FALSE_POSITIVE_RATE -> rateSe(v, fp + tn);
      case POSITIVE_PREDICTION_RATE -> rateSe(v, rows);
      case AVERAGE_PREDICTION -> m("p").se();
      case AVERAGE_CONFIDENCE -> m("conf").se();
      case LOG_LOSS -> m("ll").se();
      case MACRO_PRECISION -> macroSe(0);
      case MACRO_RECALL -> macroSe(1);
      case MACRO_F1 -> macroSe(2);
      case MULTICLASS_AUC -> multiclassAuc(true);
      case MAE -> m("ae").se();
      case MAPE -> m("ape").se();
      case MSE -> m("se").se();
      case RMSE -> v == 0 ? 0.0 : m("se").se() / (2 * v);
      case MSLE -> m("sle").se();
      case R_SQUARED ->
          labelVariance == null || labelVariance == 0 ? 0.0 : m("se").se() / labelVariance;
    };
  }

  /**
   * The number of rows a metric is computed over: all rows with an output for rates of the
   * predictions, the labelled ones for most, the denominators of precision, recall and the error
   * rates (e.g. the positives for recall).
   */
  public long support(Metric metric) {
    return switch (metric) {
      case POSITIVE_PREDICTION_RATE, AVERAGE_PREDICTION, AVERAGE_CONFIDENCE -> rows;
      case PRECISION -> tp + fp;
      case RECALL, FALSE_NEGATIVE_RATE -> tp + fn;
      case FALSE_POSITIVE_RATE -> fp + tn;
      case F1 -> tp + fp + fn;
      default -> labeled;
    };
  }

  /**
   * The sample standard deviation of the predictions (binary and regression), null with fewer than
   * two rows: the scale a change of the average prediction is measured in.
   */
  public Double predictionStandardDeviation() {
    Double var = m("p").var();
    return var == null ? null : Math.sqrt(var);
  }

  /** Confusion counts {@code [tp, fp, tn, fn]} (binary). */
  public long[] confusionCounts() {
    return new long[] {tp, fp, tn, fn};
  }

  /** The confusion matrix {@code [label][predicted]} (multi-class), a copy. */
  public long[][] confusionMatrix() {
    long[][] out = new long[confusion.length][];
    for (int i = 0; i < confusion.length; i++) {
      out[i] = confusion[i].clone();
    }
    return out;
  }

  private static Double ratio(long num, long den) {
    return den == 0 ? null : (double) num / den;
  }

  private static double rateSe(double rate, long denominator) {
    return denominator == 0 ? 0 : Math.sqrt(Math.max(0, rate * (1 - rate)) / denominator);
  }

  private long trace() {
    long t = 0;
    for (int i = 0; i < confusion.length; i++) {
      t += confusion[i][i];
    }
    return t;
  }

  /** Classes present among the labels or the predictions of labelled rows (sklearn's labels). */
  private List<Integer> presentClasses() {
    TreeSet<Integer> present = new TreeSet<>();
    for (int i = 0; i < confusion.length; i++) {
      for (int j = 0; j < confusion.length; j++) {
        if (confusion[i][j] > 0) {
          present.add(i);
          present.add(j);
        }
      }
    }
    return new ArrayList<>(present);
  }

  /** Per-class [value, denominator] of precision (0), recall (1) or F1 (2). */
  private double[][] perClass(int which) {
    List<Integer> classes = presentClasses();
    double[][] out = new double[classes.size()][];
    int i = 0;
    for (int c : classes) {
      long tpc = confusion[c][c];
      long predicted = 0;
      long actual = 0;
      for (int j = 0; j < confusion.length; j++) {
        predicted += confusion[j][c];
        actual += confusion[c][j];
      }
      long den = which == 0 ? predicted : which == 1 ? actual : predicted + actual;
      long num = which == 2 ? 2 * tpc : tpc;
      out[i++] = new double[] {den == 0 ? 0 : (double) num / den, which == 2 ? den - tpc : den};
    }
    return out;
  }

  private Double macro(int which) {
    double[][] pc = perClass(which);
    if (pc.length == 0) {
      return null;
    }
    double sum = 0;
    for (double[] v : pc) {
      sum += v[0];
    }
    return sum / pc.length;
  }

  private Double macroSe(int which) {
    double[][] pc = perClass(which);
    double var = 0;
    for (double[] v : pc) {
      double se = rateSe(v[0], (long) v[1]);
      var += se * se;
    }
    return Math.sqrt(var) / pc.length;
  }

  /** One-vs-rest AUC averaged over the classes with positive and negative rows, or its SE. */
  private Double multiclassAuc(boolean se) {
    if (classRankSums == null) {
      return null;
    }
    double sum = 0;
    double var = 0;
    int used = 0;
    for (int c = 0; c < confusion.length; c++) {
      long pos = 0;
      for (int j = 0; j < confusion.length; j++) {
        pos += confusion[c][j];
      }
      Double auc = Auc.fromRankSum(classRankSums[c], pos, labeled - pos);
      if (auc != null) {
        sum += auc;
        double s = Auc.hanleyMcNeilSe(auc, pos, labeled - pos);
        var += s * s;
        used++;
      }
    }
    if (used == 0) {
      return null;
    }
    return se ? Math.sqrt(var) / used : sum / used;
  }

  private Double rSquared() {
    Double mse = m("se").mean();
    if (mse == null || labelVariance == null || labeled < 2) {
      return null; // scikit-learn: not well-defined with fewer than two samples
    }
    if (labelVariance == 0) {
      return mse == 0 ? 1.0 : 0.0;
    }
    return 1 - mse / labelVariance;
  }
}
