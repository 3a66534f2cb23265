// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import dev.rime.engine.data.Sql;
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

  /**
   * SQL for the bin of the DOUBLE expression {@code x} among sorted {@code edges}: {@code -1} when
   * x is null, else the number of edges strictly below x (bins {@code (-inf, e1], …, (eK, inf)}),
   * written as a binary search of nested CASEs, about log2(K) comparisons per row. {@code x} should
   * be a column or alias: it is repeated in every comparison.
   */
  public static String binSql(String x, List<Double> edges) {
    return "(CASE WHEN "
        + x
        + " IS NULL THEN -1 ELSE "
        + search(x, edges, 0, edges.size())
        + " END)";
  }

  /** The bin of a non-null x among bins {@code lo … hi}. */
  private static String search(String x, List<Double> edges, int lo, int hi) {
    if (lo == hi) {
      return Integer.toString(lo);
    }
    int mid = (lo + hi) / 2;
    return "(CASE WHEN "
        + x
        + " <= "
        + Sql.dbl(edges.get(mid))
        + " THEN "
        + search(x, edges, lo, mid)
        + " ELSE "
        + search(x, edges, mid + 1, hi)
        + " END)";
  }
}
