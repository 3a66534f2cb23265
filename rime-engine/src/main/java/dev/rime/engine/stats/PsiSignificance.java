// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

/**
 * How surprising an observed PSI is when nothing drifted. Two finite samples from one distribution
 * do not give PSI 0: with K bins their PSI is about {@code (K − 1)(1/n_ref + 1/n_eval)} from noise
 * alone. So the observed PSI is compared with PSIs of simulated pairs of samples that, by
 * construction, come from one distribution:
 *
 * <ol>
 *   <li>pooled bin proportions {@code π = (c_ref + c_eval) / (n_ref + n_eval)} (the best guess of
 *       the one distribution under "no drift");
 *   <li>S times: draw counts Multinomial({@code n_ref}, π) and Multinomial({@code n_eval}, π), each
 *       by sequential binomials ({@code Binomial(n − drawn so far, π_k / Σ_{j ≥ k} π_j)}, see
 *       {@link Binomial}), and compute their PSI exactly as the observed one ({@link Psi#ofCounts},
 *       same smoothing);
 *   <li>{@code p = (1 + #{PSI_sim ≥ PSI_obs}) / (1 + S)} (a PSI within 1e-12 relative of the
 *       observed one counts as reaching it, so rounding in the sum never breaks a tie).
 * </ol>
 *
 * Cost O(S · K), whatever the number of rows. The same seed gives the same p-value.
 *
 * @param psi the observed PSI (exactly {@link Psi#ofCounts} of the counts)
 * @param pValue {@code (1 + #{PSI_sim ≥ psi}) / (1 + S)}
 * @param nullMean mean simulated PSI: the noise floor for samples of these sizes
 * @param reachedFraction {@code #{PSI_sim ≥ psi} / S}: the share of simulated pairs reaching psi
 * @param simulations S
 */
public record PsiSignificance(
    double psi, double pValue, double nullMean, double reachedFraction, int simulations) {

  /** Relative tolerance under which a simulated PSI counts as equal to the observed one. */
  static final double TIE_TOLERANCE = 1e-12;

  /**
   * Tests counts of reference and evaluation over the same bins.
   *
   * @param simulations S, at least 1
   * @param seed seeds the simulation
   */
  public static PsiSignificance of(long[] ref, long[] eval, int simulations, long seed) {
    if (ref.length != eval.length) {
      throw new IllegalArgumentException("bins differ: " + ref.length + " and " + eval.length);
    }
    if (simulations < 1) {
      throw new IllegalArgumentException("simulations must be at least 1, got " + simulations);
    }
    int k = ref.length;
    double observed = Psi.ofCounts(ref, eval);
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
      double psi = Psi.ofCounts(simRef, simEval);
      sum += psi;
      if (psi >= bar) {
        reached++;
      }
    }
    return new PsiSignificance(
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
