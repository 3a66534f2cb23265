// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import java.util.function.ToDoubleBiFunction;

/**
 * How surprising a statistic of two binned samples is when nothing drifted (ADR 0006), for any
 * statistic of two count vectors over the same bins (PSI, Jensen-Shannon distance):
 *
 * <ol>
 *   <li>pooled bin proportions {@code π = (c_ref + c_eval) / (n_ref + n_eval)};
 *   <li>S times: counts Multinomial({@code n_ref}, π) and Multinomial({@code n_eval}, π), each by
 *       sequential binomials ({@link Binomial}), and the statistic of the pair;
 *   <li>{@code p = (1 + #{sim ≥ observed}) / (1 + S)} (a simulated value within 1e-12 relative of
 *       the observed one counts as reaching it).
 * </ol>
 *
 * Cost O(S · K) whatever the number of rows; the same seed gives the same p-value.
 *
 * @param statistic the observed statistic
 * @param pValue {@code (1 + #{sim ≥ statistic}) / (1 + S)}
 * @param nullMean the mean simulated statistic: its noise floor for samples of these sizes
 * @param reachedFraction {@code #{sim ≥ statistic} / S}
 * @param simulations S
 */
public record NullSimulation(
    double statistic, double pValue, double nullMean, double reachedFraction, int simulations) {

  /** Relative tolerance under which a simulated value counts as equal to the observed one. */
  static final double TIE_TOLERANCE = 1e-12;

  /**
   * Simulates {@code statistic} of reference and evaluation counts over the same bins.
   *
   * @param simulations S, at least 1
   * @param seed seeds the simulation
   */
  public static NullSimulation of(
      long[] ref,
      long[] eval,
      int simulations,
      long seed,
      ToDoubleBiFunction<long[], long[]> statistic) {
    if (ref.length != eval.length) {
      throw new IllegalArgumentException("bins differ: " + ref.length + " and " + eval.length);
    }
    if (simulations < 1) {
      throw new IllegalArgumentException("simulations must be at least 1, got " + simulations);
    }
    int k = ref.length;
    double observed = statistic.applyAsDouble(ref, eval);
    long nRef = 0;
    long nEval = 0;
    long[] pooled = new long[k];
    for (int i = 0; i < k; i++) {
      nRef += ref[i];
      nEval += eval[i];
      pooled[i] = ref[i] + eval[i];
    }
    // Σ_{j >= i} pooled_j, so each conditional probability is a ratio of exact integers.
    long[] tail = new long[k + 1];
    for (int i = k - 1; i >= 0; i--) {
      tail[i] = tail[i + 1] + pooled[i];
    }
    Binomial binomial = new Binomial(seed);
    long[] simRef = new long[k];
    long[] simEval = new long[k];
    double bar = observed - TIE_TOLERANCE * Math.abs(observed);
    long reached = 0;
    double sum = 0;
    for (int s = 0; s < simulations; s++) {
      multinomial(binomial, nRef, pooled, tail, simRef);
      multinomial(binomial, nEval, pooled, tail, simEval);
      double value = statistic.applyAsDouble(simRef, simEval);
      sum += value;
      if (value >= bar) {
        reached++;
      }
    }
    return new NullSimulation(
        observed,
        (1.0 + reached) / (1.0 + simulations),
        sum / simulations,
        (double) reached / simulations,
        simulations);
  }

  /** Multinomial({@code n}, pooled / total) into {@code out}, by sequential binomials. */
  private static void multinomial(
      Binomial binomial, long n, long[] pooled, long[] tail, long[] out) {
    long left = n;
    for (int i = 0; i < pooled.length; i++) {
      if (left == 0 || tail[i] == 0) {
        out[i] = 0;
        continue;
      }
      long x = pooled[i] == tail[i] ? left : binomial.next(left, (double) pooled[i] / tail[i]);
      out[i] = x;
      left -= x;
    }
  }
}
