// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-squared test that two samples of categories come from one distribution: the test of
 * independence of the 2 × K table (reference and evaluation counts per category), without Yates'
 * correction, as {@code scipy.stats.chi2_contingency(table, correction=False)}; and Cramér's V,
 * {@code sqrt(χ² / (n · min(2 − 1, K − 1)))}, as {@code scipy.stats.contingency.association(table,
 * method="cramer")}. Categories counted on neither side are left out (their expected count is 0).
 * {@link #independence} tests any r × c table given by its non-empty cells.
 *
 * @param statistic χ² (0 with fewer than two categories)
 * @param degreesOfFreedom K − 1, or (r − 1)(c − 1) (0 with fewer than two categories)
 * @param pValue {@code P(χ²_dof ≥ statistic)}; 1 with no degrees of freedom (as scipy)
 * @param cramersV Cramér's V, or null with fewer than two categories (undefined)
 */
public record ChiSquared(double statistic, int degreesOfFreedom, double pValue, Double cramersV) {

  /** Tests reference against evaluation counts over the same categories. */
  public static ChiSquared homogeneity(long[] ref, long[] eval) {
    if (ref.length != eval.length) {
      throw new IllegalArgumentException("bins differ: " + ref.length + " and " + eval.length);
    }
    long nRef = 0;
    long nEval = 0;
    int k = 0;
    for (int i = 0; i < ref.length; i++) {
      nRef += ref[i];
      nEval += eval[i];
      if (ref[i] + eval[i] > 0) {
        k++;
      }
    }
    long n = nRef + nEval;
    if (k < 2 || nRef == 0 || nEval == 0) {
      return new ChiSquared(0, 0, 1, null);
    }
    double stat = 0;
    for (int i = 0; i < ref.length; i++) {
      stat += term(ref[i], eval[i], nRef, nEval);
    }
    int dof = k - 1;
    double p = ChiSquaredDistribution.of(dof).survivalProbability(stat);
    return new ChiSquared(stat, dof, p, Math.sqrt(stat / n));
  }

  /**
   * Pearson's chi-squared test of independence of the two variables of an r × c table given by its
   * non-empty cells (codes {@code rows[k]}, {@code cols[k]} and {@code counts[k]}, every other cell
   * 0), as {@code scipy.stats.chi2_contingency(table, correction=False)}, with Cramér's V = {@code
   * sqrt(χ² / (n · (min(r, c) − 1)))}, as {@code association(table, method="cramer")}; r and c
   * count the codes with counts. χ² = n (Σ n_ij² / (a_i b_j) − 1) over the non-empty cells, so the
   * cost is their number whatever r and c (a table of two high-cardinality variables is never
   * dense). Fewer than two codes on either side: no test (χ² 0, p 1, V null).
   */
  public static ChiSquared independence(int[] rows, int[] cols, long[] counts) {
    int r = 0;
    int c = 0;
    for (int k = 0; k < counts.length; k++) {
      r = Math.max(r, rows[k] + 1);
      c = Math.max(c, cols[k] + 1);
    }
    long[] a = new long[r];
    long[] b = new long[c];
    long n = 0;
    for (int k = 0; k < counts.length; k++) {
      a[rows[k]] += counts[k];
      b[cols[k]] += counts[k];
      n += counts[k];
    }
    int nonEmptyRows = nonEmpty(a);
    int nonEmptyCols = nonEmpty(b);
    int min = Math.min(nonEmptyRows, nonEmptyCols);
    if (min < 2) {
      return new ChiSquared(0, 0, 1, null);
    }
    double s = 0;
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] > 0) {
        s += (double) counts[k] * counts[k] / ((double) a[rows[k]] * b[cols[k]]);
      }
    }
    double stat = Math.max(0, n * (s - 1));
    int dof = (nonEmptyRows - 1) * (nonEmptyCols - 1);
    double p = ChiSquaredDistribution.of(dof).survivalProbability(stat);
    return new ChiSquared(stat, dof, p, Math.sqrt(stat / ((double) n * (min - 1))));
  }

  private static int nonEmpty(long[] marginal) {
    int k = 0;
    for (long m : marginal) {
      if (m > 0) {
        k++;
      }
    }
    return k;
  }

  /**
   * One category's contribution {@code Σ (observed − expected)² / expected} over its two cells (0
   * for a category counted on neither side).
   */
  public static double term(long ref, long eval, long nRef, long nEval) {
    long column = ref + eval;
    if (column == 0) {
      return 0;
    }
    double n = (double) nRef + nEval;
    double eRef = (double) nRef * column / n;
    double eEval = (double) nEval * column / n;
    return (ref - eRef) * (ref - eRef) / eRef + (eval - eEval) * (eval - eEval) / eEval;
  }
}
