// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.metrics;

import dev.rime.engine.config.ModelTask;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A model metric: its id (snake_case, used in test ids and result keys), display name, the tasks it
 * applies to, which direction is better, and whether it needs labels. Definitions (scikit-learn's,
 * with a binary prediction positive when above 0.5 and a multi-class prediction the class of the
 * largest probability) are in {@link MetricStats}.
 */
public enum Metric {
  AUC("auc", "AUC", Direction.HIGHER_IS_BETTER, true, ModelTask.BINARY_CLASSIFICATION),
  ACCURACY(
      "accuracy", "Accuracy", Direction.HIGHER_IS_BETTER, true, ModelTask.BINARY_CLASSIFICATION),
  F1("f1", "F1", Direction.HIGHER_IS_BETTER, true, ModelTask.BINARY_CLASSIFICATION),
  PRECISION(
      "precision", "Precision", Direction.HIGHER_IS_BETTER, true, ModelTask.BINARY_CLASSIFICATION),
  RECALL("recall", "Recall", Direction.HIGHER_IS_BETTER, true, ModelTask.BINARY_CLASSIFICATION),
  FALSE_POSITIVE_RATE(
      "false_positive_rate",
      "False Positive Rate",
      Direction.LOWER_IS_BETTER,
      true,
      ModelTask.BINARY_CLASSIFICATION),
  FALSE_NEGATIVE_RATE(
      "false_negative_rate",
      "False Negative Rate",
      Direction.LOWER_IS_BETTER,
      true,
      ModelTask.BINARY_CLASSIFICATION),
  POSITIVE_PREDICTION_RATE(
      "positive_prediction_rate",
      "Positive Prediction Rate",
      Direction.NEITHER,
      false,
      ModelTask.BINARY_CLASSIFICATION),
  MULTICLASS_AUC(
      "multiclass_auc",
      "Multiclass AUC",
      Direction.HIGHER_IS_BETTER,
      true,
      ModelTask.MULTI_CLASS_CLASSIFICATION),
  MULTICLASS_ACCURACY(
      "multiclass_accuracy",
      "Multiclass Accuracy",
      Direction.HIGHER_IS_BETTER,
      true,
      ModelTask.MULTI_CLASS_CLASSIFICATION),
  MACRO_F1(
      "macro_f1",
      "Macro F1",
      Direction.HIGHER_IS_BETTER,
      true,
      ModelTask.MULTI_CLASS_CLASSIFICATION),
  MACRO_PRECISION(
      "macro_precision",
      "Macro Precision",
      Direction.HIGHER_IS_BETTER,
      true,
      ModelTask.MULTI_CLASS_CLASSIFICATION),
  MACRO_RECALL(
      "macro_recall",
      "Macro Recall",
      Direction.HIGHER_IS_BETTER,
      true,
      ModelTask.MULTI_CLASS_CLASSIFICATION),
  AVERAGE_CONFIDENCE(
      "average_confidence",
      "Average Confidence",
      Direction.NEITHER,
      false,
      ModelTask.BINARY_CLASSIFICATION,
      ModelTask.MULTI_CLASS_CLASSIFICATION),
  LOG_LOSS(
      "log_loss",
      "Log Loss",
      Direction.LOWER_IS_BETTER,
      true,
      ModelTask.BINARY_CLASSIFICATION,
      ModelTask.MULTI_CLASS_CLASSIFICATION),
  AVERAGE_PREDICTION(
      "average_prediction",
      "Average Prediction",
      Direction.NEITHER,
      false,
      ModelTask.BINARY_CLASSIFICATION,
      ModelTask.REGRESSION),
  MAE("mae", "Mean Absolute Error", Direction.LOWER_IS_BETTER, true, ModelTask.REGRESSION),
  MAPE(
      "mape",
      "Mean Absolute Percentage Error",
      Direction.LOWER_IS_BETTER,
      true,
      ModelTask.REGRESSION),
  MSE("mse", "Mean Squared Error", Direction.LOWER_IS_BETTER, true, ModelTask.REGRESSION),
  MSLE("msle", "Mean Squared Log Error", Direction.LOWER_IS_BETTER, true, ModelTask.REGRESSION),
  RMSE("rmse", "Root Mean Squared Error", Direction.LOWER_IS_BETTER, true, ModelTask.REGRESSION),
  R_SQUARED("r_squared", "R Squared", Direction.HIGHER_IS_BETTER, true, ModelTask.REGRESSION);

  /** Which way a metric is better. */
  public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    /** A rate or average that describes the model, better in neither direction. */
    NEITHER
  }

  private final String id;
  private final String displayName;
  private final Direction direction;
  private final boolean needsLabels;
  private final Set<ModelTask> tasks;

  Metric(
      String id, String displayName, Direction direction, boolean needsLabels, ModelTask... tasks) {
    this.id = id;
    this.displayName = displayName;
    this.direction = direction;
    this.needsLabels = needsLabels;
    this.tasks = EnumSet.of(tasks[0], tasks);
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public Direction direction() {
    return direction;
  }

  /** Whether a higher value is better (false for lower-is-better and for neither). */
  public boolean higherIsBetter() {
    return direction == Direction.HIGHER_IS_BETTER;
  }

  public boolean needsLabels() {
    return needsLabels;
  }

  public Set<ModelTask> tasks() {
    return tasks;
  }

  /**
   * How much worse {@code value} is than {@code baseline} (positive = worse): baseline − value when
   * higher is better, value − baseline when lower is better, |value − baseline| for neither.
   */
  public double worseBy(double baseline, double value) {
    return switch (direction) {
      case HIGHER_IS_BETTER -> baseline - value;
      case LOWER_IS_BETTER -> value - baseline;
      case NEITHER -> Math.abs(value - baseline);
    };
  }

  /** The metrics of a task, in declaration order. */
  public static List<Metric> forTask(ModelTask task) {
    List<Metric> out = new ArrayList<>();
    for (Metric m : values()) {
      if (m.tasks.contains(task)) {
        out.add(m);
      }
    }
    return out;
  }

  /** The metric with this id. */
  public static Metric byId(String id) {
    for (Metric m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no metric " + id.toLowerCase(Locale.ROOT));
  }
}
