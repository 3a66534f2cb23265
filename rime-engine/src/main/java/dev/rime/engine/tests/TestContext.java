// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.TestRunConfig;
import dev.rime.engine.config.TestsConfig;
import dev.rime.engine.data.ClassProbabilities;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Dataset;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.data.Sql;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.metrics.MetricStats;
import dev.rime.engine.model.ModelAdapter;
import dev.rime.engine.model.Predictions;
import dev.rime.engine.stats.Intervals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What every test of one run shares, computed lazily and once: the loaded tables, the typed
 * columns, the label and prediction expressions, model metrics, reference quantile edges. Guards
 * ({@link #requireLabels()}, {@link #requirePredictions()}, …) throw {@link SkipTest} with the
 * reason when a test does not apply.
 *
 * <p>Abnormal-input tests register the SQL predicate of their failing rows with {@link
 * #flagFailingRows}; {@link #countFailingRows()} counts the evaluation rows matching any of them.
 */
public final class TestContext {

  private final Db db;
  private final TestRunConfig config;
  private final TestsConfig testsConfig;
  private final Dataset ref;
  private final Dataset eval;
  private final List<Column> columns;
  private final Column label;
  private final Column prediction;
  private final ClassProbabilities refProbs;
  private final ClassProbabilities evalProbs;
  private final Map<Boolean, MetricStats> overallStats = new HashMap<>();
  private ModelAdapter model;
  private final List<String> failingPredicates = new ArrayList<>();
  private final List<List<String>> failingFeatures = new ArrayList<>();
  private final List<String> tempTables = new ArrayList<>();
  private final Map<String, Object> shared = new HashMap<>();
  private ReferenceQuantiles quantiles;

  public TestContext(
      Db db,
      TestRunConfig config,
      TestsConfig testsConfig,
      Dataset ref,
      Dataset eval,
      List<Column> columns) {
    this(db, config, testsConfig, ref, eval, columns, null, null);
  }

  /**
   * @param refProbs a multi-class model's class probabilities for the reference rows, or null
   * @param evalProbs the same for the evaluation rows, or null
   */
  public TestContext(
      Db db,
      TestRunConfig config,
      TestsConfig testsConfig,
      Dataset ref,
      Dataset eval,
      List<Column> columns,
      ClassProbabilities refProbs,
      ClassProbabilities evalProbs) {
    this.refProbs = refProbs;
    this.evalProbs = evalProbs;
    this.db = db;
    this.config = config;
    this.testsConfig = testsConfig;
    this.ref = ref;
    this.eval = eval;
    this.columns = List.copyOf(columns);
    this.label = find(FeatureType.LABEL).orElse(null);
    this.prediction = find(FeatureType.PREDICTION).orElse(null);
  }

  public Db db() {
    return db;
  }

  public TestRunConfig config() {
    return config;
  }

  public TestsConfig testsConfig() {
    return testsConfig;
  }

  public ModelTask modelTask() {
    return config.modelTask();
  }

  public Dataset ref() {
    return ref;
  }

  public Dataset eval() {
    return eval;
  }

  /** The quoted reference table name. */
  public String refTable() {
    return ref.quotedTable();
  }

  /** The quoted evaluation table name. */
  public String evalTable() {
    return eval.quotedTable();
  }

  /** The quoted table of one side. */
  public String table(boolean evaluation) {
    return evaluation ? evalTable() : refTable();
  }

  /** Every column with its type, reference columns first. */
  public List<Column> columns() {
    return columns;
  }

  /**
   * The features a test looks at: in both tables, used by the model, not excluded by {@code
   * params}, and of the kind {@code filter} accepts; in file order.
   */
  public List<Column> features(TestParams params, Predicate<Column> filter) {
    return columns.stream()
        .filter(Column::isFeature)
        .filter(Column::inBoth)
        .filter(Column::inModel)
        .filter(c -> !params.excludeColumns().contains(c.name()))
        .filter(filter)
        .collect(Collectors.toList());
  }

  public boolean hasLabels() {
    return label != null;
  }

  public boolean hasPredictions() {
    return prediction != null;
  }

  /** The label column, or null. */
  public Column labelColumn() {
    return label;
  }

  /** The prediction column, or null. */
  public Column predictionColumn() {
    return prediction;
  }

  /** SKIP unless there is a label column. */
  public void requireLabels() {
    if (label == null) {
      throw new SkipTest("no labels: data_info.label_col is not set");
    }
  }

  /** SKIP unless there are predictions. */
  public void requirePredictions() {
    if (prediction == null) {
      throw new SkipTest(
          "no predictions: data_info.pred_col is not set and there is no model_info");
    }
  }

  /** Gives the tests the model to call ({@code model_info}); the engine closes it after the run. */
  public void setModel(ModelAdapter model) {
    this.model = model;
  }

  /** Whether a model can be called ({@code model_info.path} was given). */
  public boolean hasModel() {
    return model != null;
  }

  /** The model to call; SKIP when there is none. */
  public ModelAdapter model() {
    if (model == null) {
      throw new SkipTest("no model: model_info.path is not set (the test calls the model)");
    }
    return model;
  }

  /**
   * The columns a model takes as its input row: every column of the reference data but the label
   * and the prediction, in file order, quoted (what {@link ModelAdapter#predict} is given).
   */
  public List<String> modelInputColumns() {
    return columns.stream()
        .filter(Column::isFeature)
        .filter(c -> c.refType() != null)
        .map(Column::quoted)
        .collect(Collectors.toList());
  }

  /** Whether a multi-class model's class probabilities were given (prediction files). */
  public boolean hasProbabilities() {
    return refProbs != null;
  }

  /** The class probabilities of one side, or null. */
  public ClassProbabilities probabilities(boolean evaluation) {
    return evaluation ? evalProbs : refProbs;
  }

  /** Whether the model's output is known: a prediction column or class probabilities. */
  public boolean hasModelOutput() {
    return prediction != null || refProbs != null;
  }

  /** SKIP unless the model's output is known (a prediction column or class probabilities). */
  public void requireModelOutput() {
    if (!hasModelOutput()) {
      throw new SkipTest(
          modelTask() == ModelTask.MULTI_CLASS_CLASSIFICATION
              ? "no predictions: data_info.ref_pred_path and eval_pred_path are not set"
              : "no predictions: data_info.pred_col is not set and there is no model_info");
    }
  }

  /**
   * The rows of one side with the model's output beside them, as a FROM item: the table itself, or
   * for a multi-class model the table joined row by row with its class probabilities.
   */
  public String scoredTable(boolean evaluation) {
    ClassProbabilities probs = probabilities(evaluation);
    return probs == null ? table(evaluation) : probs.joinedWith(evaluation ? eval : ref);
  }

  /**
   * Sufficient statistics of the model's performance on every row of one side (needs the model's
   * output), computed once per run.
   */
  public MetricStats overallStats(boolean evaluation) {
    MetricStats s = overallStats.get(evaluation);
    if (s == null) {
      s = MetricStats.overall(this, evaluation);
      overallStats.put(evaluation, s);
    }
    return s;
  }

  /** SKIP unless the model task is binary classification. */
  public void requireBinaryClassification() {
    if (modelTask() != ModelTask.BINARY_CLASSIFICATION) {
      throw new SkipTest("needs Binary Classification; model_task is " + modelTask().displayName());
    }
  }

  /** The label as DOUBLE (NaN read as null). */
  public String labelExpr() {
    requireLabels();
    return label.numExpr();
  }

  /** The prediction as DOUBLE (NaN read as null). */
  public String predExpr() {
    requirePredictions();
    return prediction.numExpr();
  }

  /**
   * 1.0 when the thresholded prediction ({@code > 0.5}) equals the label, 0.0 when not, null when
   * either is missing.
   */
  public String correctExpr() {
    return MetricStats.correctSql(labelExpr(), predExpr());
  }

  /**
   * The model's average prediction on the reference data (a prediction column: binary or
   * regression), from the run's {@link #overallStats} — what drift tests weigh a shift's impact by.
   */
  public Double referenceAveragePrediction() {
    requirePredictions();
    return overallStats(false).value(Metric.AVERAGE_PREDICTION);
  }

  /** Reference rows the regression prediction scale is measured on. */
  public static final int PREDICTION_SCALE_ROWS = 1000;

  /**
   * The unit a regression model's prediction changes are measured in (Transformations, Attacks):
   * the population standard deviation of the model's predictions on up to {@value
   * #PREDICTION_SCALE_ROWS} reference rows chosen by a hash of their position and {@code
   * random_seed}, once per run; 1 when it is 0 or not finite. So a change is "in reference
   * prediction standard deviations", comparable with the thresholds of a probability change.
   */
  public double regressionPredictionScale() {
    return shared(
        "model.regression_prediction_scale",
        () -> {
          String select =
              "SELECT "
                  + String.join(", ", modelInputColumns())
                  + " FROM "
                  + refTable()
                  + " ORDER BY hash(rowid, "
                  + config.randomSeed()
                  + "), rowid LIMIT "
                  + PREDICTION_SCALE_ROWS;
          Predictions p = model().predict(db, select);
          double sum = 0;
          for (int i = 0; i < p.rows(); i++) {
            sum += p.get(i);
          }
          double mean = sum / p.rows();
          double sq = 0;
          for (int i = 0; i < p.rows(); i++) {
            sq += (p.get(i) - mean) * (p.get(i) - mean);
          }
          double sd = Math.sqrt(sq / p.rows());
          return p.rows() > 1 && Double.isFinite(sd) && sd > 0 ? sd : 1.0;
        });
  }

  /**
   * Reference quantile edges of a numeric SQL expression at levels {@code k / n}, over finite
   * values, de-duplicated: linear interpolation between order statistics exactly as numpy's default
   * {@code quantile} does it (the order statistics come from SQL, the interpolation is numpy's).
   * Order statistics are kept for the run, fetched with the percentiles', so tests asking for
   * deciles and percentiles sort each feature once ({@link ReferenceQuantiles}).
   */
  public List<Double> quantileEdges(String numericExpr, int n) {
    if (quantiles == null) {
      List<String> numericFeatures =
          columns.stream()
              .filter(c -> c.isFeature() && c.inBoth() && c.inModel() && c.isNumeric())
              .map(Column::numExpr)
              .collect(Collectors.toList());
      quantiles = new ReferenceQuantiles(db, refTable(), numericFeatures);
    }
    return quantiles.edges(numericExpr, n);
  }

  /**
   * A measurement several tests use (e.g. every pairwise correlation of the numeric features),
   * computed by {@code make} the first time {@code key} is asked for and kept for the run.
   */
  @SuppressWarnings("unchecked")
  public <T> T shared(String key, Supplier<T> make) {
    Object value = shared.get(key);
    if (value == null) {
      value = make.get();
      shared.put(key, value);
    }
    return (T) value;
  }

  /** Numbers temporary tables, unique in the JVM (several runs may share a database in tests). */
  private static final AtomicLong TEMP_TABLES = new AtomicLong();

  /**
   * Materialises {@code select} as a temporary table {@code rime_<prefix>_<n>} of the run's
   * database (dropped when it closes), so later queries read a set computed once; returns its
   * quoted name.
   */
  public String tempTable(String prefix, String select) {
    String kept = db.memoTable(select);
    if (kept != null) {
      return kept;
    }
    String name = Sql.ident("rime_" + prefix + "_" + TEMP_TABLES.incrementAndGet());
    db.execute("CREATE TEMP TABLE " + name + " AS " + select);
    tempTables.add(name);
    return name;
  }

  /**
   * Drops the temporary tables {@link #tempTable} made for this context (a continuous test makes
   * one context per time bin in one database); the reference's, kept by {@link
   * Db#memoizeQueriesOn}, stay.
   */
  public void dropTempTables() {
    for (String t : tempTables) {
      db.execute("DROP TABLE IF EXISTS " + t);
    }
    tempTables.clear();
  }

  /** The z value of {@code subset_profiling_config.confidence_level}. */
  public double z() {
    return Intervals.z(config.confidenceLevel());
  }

  /**
   * Registers the SQL predicate (over the evaluation table) of the rows a failing abnormal-input
   * test found abnormal in {@code features}.
   */
  public void flagFailingRows(List<String> features, String predicate) {
    failingPredicates.add(predicate);
    failingFeatures.add(List.copyOf(features));
  }

  /**
   * Evaluation rows matching at least one registered predicate of each feature, in one scan;
   * features without a predicate are absent.
   */
  public Map<String, Long> countFailingRowsByFeature() {
    Map<String, List<String>> byFeature = new java.util.LinkedHashMap<>();
    for (int i = 0; i < failingPredicates.size(); i++) {
      for (String f : failingFeatures.get(i)) {
        byFeature.computeIfAbsent(f, k -> new ArrayList<>()).add(failingPredicates.get(i));
      }
    }
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    if (byFeature.isEmpty()) {
      return out;
    }
    List<String> names = new ArrayList<>(byFeature.keySet());
    String counts =
        names.stream()
            .map(
                f ->
                    "count(*) FILTER (WHERE "
                        + byFeature.get(f).stream()
                            .map(p -> "COALESCE((" + p + "), false)")
                            .collect(Collectors.joining(" OR "))
                        + ")")
            .collect(Collectors.joining(", "));
    db.forEach(
        "SELECT " + counts + " FROM " + evalTable(),
        rs -> {
          for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), rs.getLong(i + 1));
          }
        });
    return out;
  }

  /** Evaluation rows matching at least one registered predicate. */
  public long countFailingRows() {
    if (failingPredicates.isEmpty()) {
      return 0;
    }
    String where =
        failingPredicates.stream()
            .map(p -> "COALESCE((" + p + "), false)")
            .collect(Collectors.joining(" OR "));
    return db.scalarLong("SELECT count(*) FROM " + evalTable() + " WHERE " + where);
  }

  private Optional<Column> find(FeatureType type) {
    return columns.stream().filter(c -> c.type() == type).findFirst();
  }
}
