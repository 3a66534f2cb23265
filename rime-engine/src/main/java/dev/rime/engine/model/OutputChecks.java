// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import dev.rime.engine.config.ModelTask;

/**
 * What a model's output must be for its task, checked on every batch: no NaN or infinity; for
 * Binary Classification one value per row, P(label 1), in [0, 1]; for Regression one value per row;
 * for Multi-class Classification at least two class probabilities per row, each in [0, 1], summing
 * to 1 (within {@value #SUM_TOLERANCE}). Messages name the row (0-based, counted over the whole
 * call) and what was expected; the caller prefixes the model and the batch.
 */
public final class OutputChecks {

  /** Largest distance of a row's class probabilities' sum from 1 that is accepted. */
  public static final double SUM_TOLERANCE = 1e-3;

  private OutputChecks() {}

  /**
   * The error in a batch of output values, or null when there is none.
   *
   * @param task the model task
   * @param values the batch's values, row by row, {@code outputs} per row
   * @param outputs values per row
   * @param firstRow the row number of the batch's first row
   */
  public static String check(ModelTask task, double[] values, int outputs, long firstRow) {
    String shape = checkOutputs(task, outputs);
    if (shape != null) {
      return shape;
    }
    int rows = values.length / outputs;
    for (int i = 0; i < rows; i++) {
      double sum = 0;
      for (int k = 0; k < outputs; k++) {
        double v = values[i * outputs + k];
        if (!Double.isFinite(v)) {
          return "returned "
              + v
              + " for row "
              + (firstRow + i)
              + (outputs > 1 ? " (class " + k + ")" : "")
              + "; every output must be a finite number";
        }
        if (task != ModelTask.REGRESSION && (v < 0 || v > 1)) {
          return "returned "
              + v
              + " for row "
              + (firstRow + i)
              + (outputs > 1 ? " (class " + k + ")" : "")
              + "; a probability must be in [0, 1]";
        }
        sum += v;
      }
      if (outputs > 1 && Math.abs(sum - 1) > SUM_TOLERANCE) {
        return "returned class probabilities summing to "
            + sum
            + " for row "
            + (firstRow + i)
            + "; they must sum to 1";
      }
    }
    return null;
  }

  /** The error in the number of outputs per row for the task, or null when it fits. */
  public static String checkOutputs(ModelTask task, int outputs) {
    if (task == ModelTask.MULTI_CLASS_CLASSIFICATION) {
      return outputs >= 2
          ? null
          : "returned "
              + outputs
              + " value per row; a Multi-class Classification model returns one probability per"
              + " class (at least 2)";
    }
    if (outputs != 1) {
      return "returned "
          + outputs
          + " values per row; a "
          + task.displayName()
          + " model returns one value per row"
          + (task == ModelTask.BINARY_CLASSIFICATION ? ", the probability of label 1" : "");
    }
    return null;
  }
}
