// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import dev.rime.engine.data.Db;

/**
 * A model the engine can call. Implementations: a Python file run in a child process, an ONNX file
 * run in the JVM, a Java class. Rows come as SQL over the run's DuckDB database, so a test that
 * perturbs data writes the perturbed rows as a query (e.g. a column replaced by a substitution) and
 * never copies them into Java first; the adapter reads them in batches in its own format.
 */
public interface ModelAdapter extends AutoCloseable {

  /** What the model is, for messages: e.g. {@code Python model /data/titanic/model.py}. */
  String describe();

  /**
   * Scores the rows of {@code select}, in the order it returns them, in batches.
   *
   * @param db the run's database
   * @param select a SELECT whose columns are the model's input row, named and typed as in the data
   *     (every column but the label and the predictions), SQL NULL for a missing value
   * @return one row of output per input row
   * @throws ModelException naming the model and the batch when the model raises, returns the wrong
   *     number of rows or outputs, returns NaN, runs past its timeout or its process dies
   */
  Predictions predict(Db db, String select) throws ModelException;

  /** Releases the model (stops a child process); never throws. */
  @Override
  void close();
}
