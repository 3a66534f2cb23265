// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Bin edges from quantiles. With sorted edges {@code e1 < … < eK} the bins are {@code (-inf, e1],
 * (e1, e2], …, (eK, inf)}: a value's bin is the number of edges strictly below it (numpy's {@code
 * searchsorted(edges, v, side='left')}).
 */
public final class Edges {

  private Edges() {}

  /** The quantile levels {@code k / n} for {@code k = 1 … n − 1}. */
  public static List<Double> levels(int n) {
    List<Double> out = new ArrayList<>();
    for (int k = 1; k < n; k++) {
      out.add((double) k / n);
    }
    return out;
  }

  /**
   * Positions of the order statistics that linear-interpolated quantiles at {@code levels} need
   * over {@code n} sorted values: for each level {@code [lower index, upper index]}, as numpy's
   * {@code quantile(method='linear')} takes them (virtual index {@code (n − 1) q}).
   */
  public static long[][] positions(List<Double> levels, long n) {
    long[][] out = new long[levels.size()][];
    for (int i = 0; i < levels.size(); i++) {
      double v = (n - 1) * levels.get(i);
      long lo = (long) Math.floor(v);
      if (v >= n - 1) {
        out[i] = new long[] {n - 1, n - 1};
      } else if (v < 0) {
        out[i] = new long[] {0, 0};
      } else {
        out[i] = new long[] {lo, lo + 1};
      }
    }
    return out;
  }

  /**
   * numpy's linear quantile from its two neighbouring order statistics {@code a <= b}: {@code a +
   * (b − a) γ}, or {@code b − (b − a)(1 − γ)} when {@code γ >= 0.5}, with {@code γ = (n − 1) q −
   * floor((n − 1) q)} — the same floating-point steps as numpy, so edges match to the last bit.
   */
  public static double lerp(double a, double b, double level, long n) {
    double v = (n - 1) * level;
    if (v >= n - 1 || v < 0) {
      return v < 0 ? a : b;
    }
    double gamma = v - Math.floor(v);
    double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }

  /** Sorted edges with repeats (and non-finite values) removed. */
  public static List<Double> dedupe(List<Double> quantiles) {
    List<Double> out = new ArrayList<>();
    for (Double q : quantiles) {
      if (q != null && Double.isFinite(q) && (out.isEmpty() || q > out.get(out.size() - 1))) {
        out.add(q);
      }
    }
    return out;
  }

  /** Differences of cumulative counts {@code c_k = #(v <= e_k)} and the total: bin counts. */
  public static long[] binCounts(long[] cumulative, long total) {
    long[] out = new long[cumulative.length + 1];
    long prev = 0;
    for (int k = 0; k < cumulative.length; k++) {
      out[k] = cumulative[k] - prev;
      prev = cumulative[k];
    }
    out[cumulative.length] = total - prev;
    return out;
  }

  /** Same as {@link #binCounts} for cumulative sums. */
  public static double[] binSums(double[] cumulative, double total) {
    double[] out = new double[cumulative.length + 1];
    double prev = 0;
    for (int k = 0; k < cumulative.length; k++) {
      out[k] = cumulative[k] - prev;
      prev = cumulative[k];
    }
    out[cumulative.length] = total - prev;
    return out;
  }
}
