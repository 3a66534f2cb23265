// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.performance;

import dev.rime.engine.config.ModelTask;
import dev.rime.engine.metrics.Metric;

/**
 * How a Model Performance test measures a metric's change from the reference to the evaluation data
 * (ADR 0012): in the metric's own units for bounded metrics, relative to the reference value for
 * unbounded errors, in reference standard deviations of the predictions for a regression model's
 * average prediction. The change is "how much worse" ({@link Metric#worseBy}); for a metric better
 * in neither direction, its size either way.
 */
enum Degradation {
  /** eval − ref in the metric's units (rates, AUC, R², a classifier's average prediction). */
  DIFFERENCE,
  /** (eval − ref) / |ref|: errors with no upper bound (MAE, MSE, log loss, …). */
  RELATIVE,
  /** (eval − ref) / sd(reference predictions): a regression model's average prediction. */
  STANDARDISED;

  /** The scale of {@code metric}'s change for a model of {@code task}. */
  static Degradation of(Metric metric, ModelTask task) {
    return switch (metric) {
      case LOG_LOSS, MAE, MAPE, MSE, MSLE, RMSE -> RELATIVE;
      case AVERAGE_PREDICTION -> task == ModelTask.REGRESSION ? STANDARDISED : DIFFERENCE;
      default -> DIFFERENCE;
    };
  }

  /**
   * {@code worse} (in the metric's units) on this scale: divided by {@code unit} (|ref| or the
   * reference predictions' standard deviation; 1 for {@link #DIFFERENCE}). A zero unit makes any
   * change infinite and no change 0.
   */
  double scale(double worse, double unit) {
    if (this == DIFFERENCE) {
      return worse;
    }
    if (unit == 0) {
      return worse == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, worse);
    }
    return worse / unit;
  }

  /** What a value on this scale is, for descriptions: e.g. {@code relative to the reference}. */
  String unitName() {
    return switch (this) {
      case DIFFERENCE -> "";
      case RELATIVE -> " relative to the reference value";
      case STANDARDISED -> " standard deviations of the reference predictions";
    };
  }

  /** The name recorded in test case details. */
  String wireName() {
    return switch (this) {
      case DIFFERENCE -> "difference";
      case RELATIVE -> "relative";
      case STANDARDISED -> "standardised";
    };
  }
}
