// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import java.util.Arrays;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * How surprising a statistic is from sampling noise alone: the one simulation every simulated
 * p-value of the engine comes from (PSI and Jensen-Shannon drift, ADR 0006; changes of normalised
 * mutual information and label leakage, ADR 0008). The observed statistic is compared with S values
 * of the same statistic on counts simulated under a null hypothesis:
 *
 * <ul>
 *   <li>{@link #of}: "two samples from one distribution" — the two count vectors (bins, or the
 *       cells of two contingency tables) pooled, {@code π = (c_ref + c_eval) / (n_ref + n_eval)}; S
 *       times counts Multinomial({@code n_ref}, π) and Multinomial({@code n_eval}, π), each by
 *       sequential binomials ({@link Binomial}), and the statistic of the pair. With a {@code
 *       margin} the null is "the statistic is at most {@code margin}" (a minimum-effect test): the
 *       simulated values, which are pure noise, are compared with how far the observed value
 *       exceeds the margin;
 *   <li>{@link #permutation}: "the two variables of a table are independent" — S tables with the
 *       observed margins (as if one variable were shuffled against the other), by sequential
 *       hypergeometric draws ({@link Hypergeometric}).
 * </ul>
 *
 * Then {@code p = (1 + #{sim ≥ observed − margin}) / (1 + S)}, a simulated value within 1e-12
 * relative of {@code observed − margin} counting as reaching it (so rounding in a sum never breaks
 * a tie). Cost O(S · cells), whatever the number of rows; the same seed gives the same result.
 *
 * @param statistic the observed statistic
 * @param pValue {@code (1 + #{sim ≥ statistic − margin}) / (1 + S)}
 * @param nullMean the mean simulated statistic: its noise floor for samples of these sizes
 * @param reachedFraction {@code #{sim ≥ statistic − margin} / S}
 * @param simulations S
 */
public record NullSimulation(
    double statistic, double pValue, double nullMean, double reachedFraction, int simulations) {

  /** Relative tolerance under which a simulated value counts as equal to the observed one. */
  static final double TIE_TOLERANCE = 1e-12;

  /**
   * Simulates {@code statistic} of reference and evaluation counts over the same bins (or cells)
   * when both come from one distribution.
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
    return of(ref, eval, simulations, seed, statistic, 0);
  }

  /**
   * Tests whether {@code statistic} of reference and evaluation counts exceeds {@code margin} by
   * more than noise: the simulation of {@link #of(long[], long[], int, long, ToDoubleBiFunction)}
   * with {@code p = (1 + #{sim ≥ observed − margin}) / (1 + S)}. Margin 0 is the plain test.
   *
   * @param simulations S, at least 1
   * @param seed seeds the simulation
   * @param margin the value of the statistic the null hypothesis allows
   */
  public static NullSimulation of(
      long[] ref,
      long[] eval,
      int simulations,
      long seed,
      ToDoubleBiFunction<long[], long[]> statistic,
      double margin) {
    if (ref.length != eval.length) {
      throw new IllegalArgumentException("bins differ: " + ref.length + " and " + eval.length);
    }
    checkSimulations(simulations);
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
    Tally tally = new Tally(observed - margin);
    for (int s = 0; s < simulations; s++) {
      multinomial(binomial, nRef, pooled, tail, simRef);
      multinomial(binomial, nEval, pooled, tail, simEval);
      tally.add(statistic.applyAsDouble(simRef, simEval));
    }
    return tally.result(observed, simulations);
  }

  /**
   * Tests {@code statistic} of a {@code rows × cols} table (dense counts, {@code cells[i * cols +
   * j]}) against independence of its two variables, by permutation: S tables with the same margins.
   *
   * @param simulations S, at least 1
   * @param seed seeds the simulation
   */
  public static NullSimulation permutation(
      long[] cells,
      int rows,
      int cols,
      int simulations,
      long seed,
      ToDoubleFunction<long[]> statistic) {
    if (cells.length != (long) rows * cols) {
      throw new IllegalArgumentException(
          "a " + rows + " x " + cols + " table needs " + rows * cols + " counts");
    }
    checkSimulations(simulations);
    long[] a = new long[rows];
    long[] b = new long[cols];
    long n = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        a[i] += cells[i * cols + j];
        b[j] += cells[i * cols + j];
        n += cells[i * cols + j];
      }
    }
    double observed = statistic.applyAsDouble(cells);
    Hypergeometric hypergeometric = new Hypergeometric(seed);
    long[] sim = new long[rows * cols];
    long[] colLeft = new long[cols];
    Tally tally = new Tally(observed);
    for (int s = 0; s < simulations; s++) {
      Arrays.fill(sim, 0);
      System.arraycopy(b, 0, colLeft, 0, cols);
      long population = n;
      for (int i = 0; i < rows; i++) {
        // Row i takes a_i of the items left, spread over the columns as drawn without
        // replacement: column j gets Hypergeometric(items in columns j.., left in j, still to
        // place) of them.
        long place = a[i];
        long rest = population;
        for (int j = 0; j < cols && place > 0; j++) {
          long x = colLeft[j] == rest ? place : hypergeometric.next(rest, colLeft[j], place);
          sim[i * cols + j] = x;
          place -= x;
          rest -= colLeft[j];
          colLeft[j] -= x;
        }
        population -= a[i];
      }
      tally.add(statistic.applyAsDouble(sim));
    }
    return tally.result(observed, simulations);
  }

  private static void checkSimulations(int simulations) {
    if (simulations < 1) {
      throw new IllegalArgumentException("simulations must be at least 1, got " + simulations);
    }
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

  /** Counts the simulated values reaching a bar (with the tie tolerance) and sums them. */
  private static final class Tally {
    private final double bar;
    private long reached;
    private double sum;

    Tally(double target) {
      this.bar = target - TIE_TOLERANCE * Math.abs(target);
    }

    void add(double value) {
      sum += value;
      if (value >= bar) {
        reached++;
      }
    }

    NullSimulation result(double observed, int simulations) {
      return new NullSimulation(
          observed,
          (1.0 + reached) / (1.0 + simulations),
          sum / simulations,
          (double) reached / simulations,
          simulations);
    }
  }
}
