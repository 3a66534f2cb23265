// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

/**
 * How surprising a normalised mutual information ({@link Contingency#normalized()}), or a change of
 * it between two datasets, is from sampling noise alone. The plug-in mutual information of a finite
 * sample is biased upwards (by about {@code (cells − rows − cols + 1) / 2n} nats) and noisy: with a
 * few hundred rows a side its normalised value moves by 0.05 or so between two samples of one
 * distribution, so a change threshold of 0.1 is only twice the noise. As for PSI ({@link
 * PsiSignificance}, ADR 0006) the observed value is compared with values of tables simulated under
 * a null hypothesis:
 *
 * <ul>
 *   <li>{@link #change}: "the change is at most {@code margin}" (a minimum-effect test, ADR 0008).
 *       The noise of a change is simulated as if nothing changed: both tables from one joint
 *       distribution, estimated by the pooled table {@code π = (ref + eval) / (n_ref + n_eval)}; S
 *       pairs of tables Multinomial(n_ref, π) and Multinomial(n_eval, π) give S simulated changes
 *       {@code d = NMI_ref − NMI_eval}; the noise is {@code |d|} (two-sided) or {@code d} (a
 *       decrease), and {@code p = (1 + #{noise ≥ observed − margin}) / (1 + S)}: how often noise
 *       alone moves the NMI by as much as the observed change exceeds the margin. With margin 0 it
 *       is the plain test of "no change";
 *   <li>{@link #independence}: "the two variables are independent" — S tables Multinomial(n, a_i
 *       b_j / n²) from the product of the observed margins; {@code p = (1 + #{NMI_sim ≥ NMI_obs}) /
 *       (1 + S)}.
 * </ul>
 *
 * A simulated value within 1e-12 relative of the bar counts as reaching it. Multinomials are drawn
 * by sequential binomials ({@link Binomial}) over the non-empty cells, tables with fixed margins by
 * sequential hypergeometric draws, so the cost is O(S · cells) whatever the number of rows.
 *
 * @param observed the observed statistic: {@code |NMI_ref − NMI_eval|}, {@code NMI_ref − NMI_eval}
 *     or the NMI
 * @param pValue {@code (1 + #{noise ≥ observed − margin}) / (1 + S)}
 * @param nullMean the mean simulated noise (or NMI): what noise alone gives for tables of these
 *     sizes
 * @param simulations S
 */
public record MiSignificance(double observed, double pValue, double nullMean, int simulations) {

  /** Which change of the normalised mutual information counts as extreme. */
  public enum Alternative {
    /** {@code |NMI_ref − NMI_eval|}. */
    TWO_SIDED,
    /** {@code NMI_ref − NMI_eval}: only a fall counts. */
    DECREASE
  }

  /** Relative tolerance under which a simulated statistic counts as equal to the observed one. */
  static final double TIE_TOLERANCE = 1e-12;

  /**
   * Tests whether the normalised mutual information changed by more than {@code margin} between two
   * tables over the same codes.
   *
   * @param margin the change the null hypothesis allows (0: no change at all)
   * @param simulations S, at least 1
   * @param seed seeds the simulation
   */
  public static MiSignificance change(
      Contingency ref,
      Contingency eval,
      Alternative alternative,
      double margin,
      int simulations,
      long seed) {
    if (ref.rows() != eval.rows() || ref.cols() != eval.cols()) {
      throw new IllegalArgumentException("tables differ: " + ref + " and " + eval);
    }
    checkSimulations(simulations);
    int rows = ref.rows();
    int cols = ref.cols();
    double observed = statistic(ref.normalized(), eval.normalized(), alternative);
    long nRef = ref.total();
    long nEval = eval.total();
    double[] pooled = new double[ref.counts().length];
    for (int k = 0; k < pooled.length; k++) {
      pooled[k] = ref.counts()[k] + eval.counts()[k];
    }
    Sampler sampler = new Sampler(pooled, new Binomial(seed));
    long[] simRef = new long[pooled.length];
    long[] simEval = new long[pooled.length];
    double excess = observed - margin;
    double bar = excess - TIE_TOLERANCE * Math.abs(excess);
    long reached = 0;
    double sum = 0;
    for (int s = 0; s < simulations; s++) {
      sampler.draw(nRef, simRef);
      sampler.draw(nEval, simEval);
      double stat =
          statistic(
              Contingency.normalized(simRef, rows, cols),
              Contingency.normalized(simEval, rows, cols),
              alternative);
      sum += stat;
      if (stat >= bar) {
        reached++;
      }
    }
    return new MiSignificance(
        observed, (1.0 + reached) / (1.0 + simulations), sum / simulations, simulations);
  }

  /**
   * Tests the normalised mutual information of one table against independence of its two variables,
   * by permutation: tables with the same margins.
   *
   * @param simulations S, at least 1
   * @param seed seeds the simulation
   */
  public static MiSignificance independence(Contingency table, int simulations, long seed) {
    checkSimulations(simulations);
    int rows = table.rows();
    int cols = table.cols();
    long[] a = new long[rows];
    long[] b = new long[cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        a[i] += table.count(i, j);
        b[j] += table.count(i, j);
      }
    }
    double observed = table.normalized();
    long n = table.total();
    Hypergeometric hypergeometric = new Hypergeometric(seed);
    long[] sim = new long[rows * cols];
    long[] colLeft = new long[cols];
    double bar = observed - TIE_TOLERANCE * Math.abs(observed);
    long reached = 0;
    double sum = 0;
    for (int s = 0; s < simulations; s++) {
      java.util.Arrays.fill(sim, 0);
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
      double stat = Contingency.normalized(sim, rows, cols);
      sum += stat;
      if (stat >= bar) {
        reached++;
      }
    }
    return new MiSignificance(
        observed, (1.0 + reached) / (1.0 + simulations), sum / simulations, simulations);
  }

  private static double statistic(double ref, double eval, Alternative alternative) {
    return alternative == Alternative.TWO_SIDED ? Math.abs(ref - eval) : ref - eval;
  }

  private static void checkSimulations(int simulations) {
    if (simulations < 1) {
      throw new IllegalArgumentException("simulations must be at least 1, got " + simulations);
    }
  }

  /** Multinomial draws over cells with the given non-negative weights, by sequential binomials. */
  private static final class Sampler {
    private final int[] cells;
    private final double[] conditional;
    private final Binomial binomial;

    Sampler(double[] weights, Binomial binomial) {
      this.binomial = binomial;
      int nonEmpty = 0;
      for (double w : weights) {
        if (w > 0) {
          nonEmpty++;
        }
      }
      cells = new int[nonEmpty];
      conditional = new double[nonEmpty];
      int k = 0;
      for (int i = 0; i < weights.length; i++) {
        if (weights[i] > 0) {
          cells[k++] = i;
        }
      }
      // P(cell k | not in cells before k) = w_k / Σ_{j >= k} w_j; the last is 1.
      double tail = 0;
      for (int m = nonEmpty - 1; m >= 0; m--) {
        tail += weights[cells[m]];
        conditional[m] = m == nonEmpty - 1 ? 1 : weights[cells[m]] / tail;
      }
    }

    void draw(long n, long[] out) {
      java.util.Arrays.fill(out, 0);
      long left = n;
      for (int m = 0; m < cells.length && left > 0; m++) {
        long x = conditional[m] >= 1 ? left : binomial.next(left, conditional[m]);
        out[cells[m]] = x;
        left -= x;
      }
    }
  }
}
