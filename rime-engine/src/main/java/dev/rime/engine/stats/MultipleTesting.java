// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Control of false findings when one test judges many hypotheses at once (e.g. up to 200 pairs of
 * features): Benjamini and Hochberg's step-up procedure, which keeps the expected share of false
 * claims among the claims at most α (the false discovery rate), for independent or positively
 * dependent p-values.
 */
public final class MultipleTesting {

  private MultipleTesting() {}

  /**
   * Benjamini-Hochberg adjusted p-values, as {@code statsmodels.stats.multitest.multipletests(p,
   * method='fdr_bh')[1]} computes them: with the m p-values sorted ascending, {@code adj_(k) =
   * min_{j ≥ k} min(1, p_(j) / (j / m))}; in the order given. Claiming the hypotheses whose
   * adjusted p-value is below α is the step-up procedure at α.
   */
  public static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    // Tied p-values get the same adjusted value whatever their order.
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[m];
    double running = 1;
    for (int k = m - 1; k >= 0; k--) {
      int i = order[k];
      running = Math.min(running, p[i] / ((k + 1.0) / m));
      adjusted[i] = running;
    }
    return adjusted;
  }
}
