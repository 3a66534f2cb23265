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
 * Cost O(S · K), whatever the number of rows. The same seed gives the same p-value. The simulation
 * is {@link NullSimulation}'s, with the PSI as its statistic.
 *
 * @param psi the observed PSI (exactly {@link Psi#ofCounts} of the counts)
 * @param pValue {@code (1 + #{PSI_sim ≥ psi}) / (1 + S)}
 * @param nullMean mean simulated PSI: the noise floor for samples of these sizes
 * @param reachedFraction {@code #{PSI_sim ≥ psi} / S}: the share of simulated pairs reaching psi
 * @param simulations S
 */
public record PsiSignificance(
    double psi, double pValue, double nullMean, double reachedFraction, int simulations) {

  /**
   * Tests counts of reference and evaluation over the same bins.
   *
   * @param simulations S, at least 1
   * @param seed seeds the simulation
   */
  public static PsiSignificance of(long[] ref, long[] eval, int simulations, long seed) {
    NullSimulation s = NullSimulation.of(ref, eval, simulations, seed, Psi::ofCounts);
    return new PsiSignificance(
        s.statistic(), s.pValue(), s.nullMean(), s.reachedFraction(), s.simulations());
  }
}
