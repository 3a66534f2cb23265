// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

/**
 * A model's output for a sequence of rows, in row order, flat: {@code outputs} values per row — 1
 * for a binary model (P(label 1)) or a regression model, K class probabilities for a multi-class
 * model.
 */
public final class Predictions {

  private final double[] values;
  private final int outputs;

  public Predictions(double[] values, int outputs) {
    if (outputs < 1 || values.length % outputs != 0) {
      throw new IllegalArgumentException(
          values.length + " values are not rows of " + outputs + " outputs");
    }
    this.values = values;
    this.outputs = outputs;
  }

  public int rows() {
    return values.length / outputs;
  }

  public int outputs() {
    return outputs;
  }

  /** Output {@code k} of row {@code row}. */
  public double get(int row, int k) {
    return values[row * outputs + k];
  }

  /** The single output of row {@code row} (binary or regression). */
  public double get(int row) {
    return values[row * outputs];
  }
}
