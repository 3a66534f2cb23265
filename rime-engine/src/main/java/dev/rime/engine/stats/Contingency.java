// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import java.util.Arrays;

/**
 * A contingency table of two discretised variables (codes {@code 0 … rows − 1} and {@code 0 … cols
 * − 1}) with its mutual information, in nats, as scikit-learn computes it:
 *
 * <ul>
 *   <li>{@code MI = Σ (n_ij / n) ln(n n_ij / (a_i b_j))} over non-empty cells, a and b the marginal
 *       counts, clipped at 0 ({@code sklearn.metrics.mutual_info_score});
 *   <li>{@code H = −Σ (a_i / n) ln(a_i / n)} ({@code sklearn.metrics.cluster.entropy});
 *   <li>normalised {@code NMI = MI / min(H_X, H_Y)} ({@code normalized_mutual_info_score(…,
 *       average_method='min')}): 1 when one variable determines the other, 0 when independent. It
 *       is 0 when either variable has a single value (scikit-learn says 1.0 when both do; here
 *       there is no dependence to measure then);
 *   <li>Theil's uncertainty coefficient {@code U(X | Y) = MI / H_X} ({@link #uncertaintyOfRows()}):
 *       how much of the first variable the second reveals.
 * </ul>
 *
 * @param rows codes of the first variable
 * @param cols codes of the second variable
 * @param counts dense counts, {@code counts[i * cols + j]}
 */
public record Contingency(int rows, int cols, long[] counts) {

  public Contingency {
    if (rows < 1 || cols < 1 || counts.length != (long) rows * cols) {
      throw new IllegalArgumentException(
          "a " + rows + " x " + cols + " table needs " + rows * cols + " counts");
    }
  }

  /** An empty table. */
  public static Contingency empty(int rows, int cols) {
    return new Contingency(rows, cols, new long[rows * cols]);
  }

  /** A table from a dense matrix {@code counts[i][j]}. */
  public static Contingency of(long[][] counts) {
    int r = counts.length;
    int c = counts[0].length;
    long[] flat = new long[r * c];
    for (int i = 0; i < r; i++) {
      System.arraycopy(counts[i], 0, flat, i * c, c);
    }
    return new Contingency(r, c, flat);
  }

  /** The count of cell {@code (i, j)}. */
  public long count(int i, int j) {
    return counts[i * cols + j];
  }

  /** Rows counted. */
  public long total() {
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    return t;
  }

  /** Mutual information in nats (0 for an empty table). */
  public double mutualInformation() {
    return measures(counts, rows, cols)[0];
  }

  /** Entropy of the first variable, in nats. */
  public double entropyRows() {
    return measures(counts, rows, cols)[1];
  }

  /** Entropy of the second variable, in nats. */
  public double entropyCols() {
    return measures(counts, rows, cols)[2];
  }

  /** {@code MI / min(H_X, H_Y)}, 0 when either entropy is 0. */
  public double normalized() {
    return normalized(counts, rows, cols);
  }

  /** {@link #normalized()} of a dense table (used by the simulations, without copying). */
  public static double normalized(long[] counts, int rows, int cols) {
    double[] m = measures(counts, rows, cols);
    double h = Math.min(m[1], m[2]);
    return m[0] <= 0 || h <= 0 ? 0 : m[0] / h;
  }

  /**
   * Theil's uncertainty coefficient {@code U(X | Y) = MI / H_X}: the share of the first variable's
   * entropy that the second explains (0 when independent, 1 when the second determines the first),
   * or null when the first variable has a single value (no entropy to explain).
   */
  public Double uncertaintyOfRows() {
    double[] m = measures(counts, rows, cols);
    return m[1] <= 0 ? null : m[0] / m[1];
  }

  /** {@link #uncertaintyOfRows()} of a dense table, 0 when undefined (for the simulations). */
  public static double uncertaintyOfRows(long[] counts, int rows, int cols) {
    double[] m = measures(counts, rows, cols);
    return m[1] <= 0 ? 0 : m[0] / m[1];
  }

  /** {@code [MI, H_X, H_Y]} of a dense table. */
  static double[] measures(long[] counts, int rows, int cols) {
    long[] a = new long[rows];
    long[] b = new long[cols];
    long n = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        long c = counts[i * cols + j];
        a[i] += c;
        b[j] += c;
        n += c;
      }
    }
    if (n == 0) {
      return new double[] {0, 0, 0};
    }
    double logN = Math.log(n);
    double mi = 0;
    for (int i = 0; i < rows; i++) {
      if (a[i] == 0) {
        continue;
      }
      double logA = Math.log(a[i]);
      for (int j = 0; j < cols; j++) {
        long c = counts[i * cols + j];
        if (c > 0) {
          // (c / n) (ln c − ln n − ln a − ln b + 2 ln n), as scikit-learn sums it.
          double term =
              (double) c / n * (Math.log(c) - logN + (logN + logN - logA - Math.log(b[j])));
          mi += Math.abs(term) < Math.ulp(1.0) ? 0 : term;
        }
      }
    }
    return new double[] {Math.max(0, mi), entropy(a, n, logN), entropy(b, n, logN)};
  }

  private static double entropy(long[] marginal, long n, double logN) {
    int nonEmpty = 0;
    double h = 0;
    for (long c : marginal) {
      if (c > 0) {
        nonEmpty++;
        h -= (double) c / n * (Math.log(c) - logN);
      }
    }
    return nonEmpty <= 1 ? 0 : h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Contingency
        && ((Contingency) o).rows == rows
        && ((Contingency) o).cols == cols
        && Arrays.equals(((Contingency) o).counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return rows + "x" + cols + Arrays.toString(counts);
  }
}
