// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.model;

/**
 * A model written for the JVM, which RIME loads from a jar ({@code model_info.path}) by its class
 * name ({@code model_info.class_name}) and calls in batches of rows.
 *
 * <p>The class needs a public no-argument constructor. It is loaded by a class loader of its own
 * that sees the jar, the JDK and this package only (not RIME's own libraries), so the jar carries
 * its dependencies; files it needs (weights, vocabularies) are best read as resources of the jar
 * ({@code getClass().getResourceAsStream(...)}). RIME calls {@link #predict} from one thread at a
 * time and {@link #close} once at the end of the run.
 *
 * <pre>{@code
 * public final class FareModel implements Model {
 *   public double[][] predict(ModelBatch batch) {
 *     double[][] out = new double[batch.size()][1];
 *     for (int i = 0; i < batch.size(); i++) {
 *       double fare = batch.getDouble(i, "fare"); // NaN when missing
 *       out[i][0] = Double.isNaN(fare) ? 0.3 : 1 / (1 + Math.exp(-(fare - 20) / 10));
 *     }
 *     return out;
 *   }
 * }
 * }</pre>
 */
public interface Model extends AutoCloseable {

  /**
   * Scores a batch of rows.
   *
   * @param batch the rows: every column of the data but the label and the predictions, in file
   *     order
   * @return one array per row, in the batch's order: for Binary Classification one value, the
   *     probability of label 1; for Regression one value, the prediction; for Multi-class
   *     Classification one probability per class (class {@code k} at index {@code k}). NaN is not
   *     allowed
   * @throws Exception any failure; RIME reports it with the model's name and the batch's rows
   */
  double[][] predict(ModelBatch batch) throws Exception;

  /** Releases what the model holds; called once at the end of the run. Does nothing by default. */
  @Override
  default void close() throws Exception {}
}
