// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.subset;

import dev.rime.engine.config.ModelTask;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.metrics.MetricStats;
import dev.rime.engine.tests.Thresholds;

/**
 * The scale on which a change of a metric is judged against thresholds (ADR 0013). Metrics bounded
 * to [0, 1] (rates, AUC, accuracy, average confidence, a binary average prediction) and R² change
 * in absolute terms; error metrics on the labels' scale (MAE, MSE, RMSE, MAPE, MSLE, log loss) have
 * no natural unit, so their change is relative to the baseline value (0.1 = 10% worse); the average
 * prediction of a regression model changes in standard deviations of the baseline's predictions.
 */
public enum ChangeScale {
  /** The difference itself. */
  ABSOLUTE(Thresholds.of(0.05, 0.1, 0.2)),
  /** The difference divided by |baseline value|. */
  RELATIVE(Thresholds.of(0.1, 0.25, 0.5)),
  /** The difference divided by the standard deviation of the baseline's predictions. */
  STANDARDISED(Thresholds.of(0.2, 0.5, 0.8));

  private final Thresholds defaults;

  ChangeScale(Thresholds defaults) {
    this.defaults = defaults;
  }

  /** The scale of a metric of a task. */
  public static ChangeScale of(Metric metric, ModelTask task) {
    return switch (metric) {
      case MAE, MAPE, MSE, MSLE, RMSE, LOG_LOSS -> RELATIVE;
      case AVERAGE_PREDICTION -> task == ModelTask.REGRESSION ? STANDARDISED : ABSOLUTE;
      default -> ABSOLUTE;
    };
  }

  /** The scale of a metric whose task is its only one, or bounded in every task it has. */
  static ChangeScale fixedOf(Metric metric) {
    ChangeScale s = null;
    for (ModelTask t : metric.tasks()) {
      ChangeScale here = of(metric, t);
      if (s != null && s != here) {
        return null;
      }
      s = here;
    }
    return s;
  }

  /**
   * How the scale reads, e.g. {@code relative to the overall evaluation value}.
   *
   * @param baseline what the change is measured from, e.g. {@code the overall evaluation}
   */
  public String description(String baseline) {
    return switch (this) {
      case ABSOLUTE -> "absolute";
      case RELATIVE -> "relative to " + baseline + " value";
      case STANDARDISED -> "in standard deviations of " + baseline + " predictions";
    };
  }

  /** Our default {@code [low, medium, high]} thresholds on this scale. */
  public Thresholds defaults() {
    return defaults;
  }

  /**
   * The unit a difference is divided by: 1, |baseline value|, or the standard deviation of the
   * baseline's predictions; null when it is undefined or zero (no change can then be judged).
   *
   * @param baseline the statistics the change is measured from (e.g. all evaluation rows)
   */
  public Double unit(Metric metric, MetricStats baseline) {
    switch (this) {
      case ABSOLUTE:
        return 1.0;
      case RELATIVE:
        Double v = baseline.value(metric);
        return v == null || v == 0 ? null : Math.abs(v);
      default:
        // The standard error of the mean prediction is sd / sqrt(rows).
        Double se = baseline.standardError(Metric.AVERAGE_PREDICTION);
        double sd = se == null ? 0 : se * Math.sqrt(baseline.rows());
        return sd > 0 && Double.isFinite(sd) ? sd : null;
    }
  }
}
