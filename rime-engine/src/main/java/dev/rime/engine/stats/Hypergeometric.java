// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Hypergeometric random numbers — successes among {@code n} draws without replacement from {@code
 * N} items of which {@code K} are successes — for the permutation null of {@link
 * NullSimulation#permutation}, in O(1) expected time whatever N, as {@link Binomial} does it:
 *
 * <ul>
 *   <li>by symmetry ({@code K ↔ N − K}, {@code n ↔ N − n}, {@code n ↔ K}) the draw is reduced to
 *       {@code K, n ≤ N / 2} and {@code n ≤ K}, so the mean {@code nK / N} is at most {@code n /
 *       2};
 *   <li>when the mean is below {@link #INVERSION_LIMIT} (30): exact, by inversion from {@code P(X =
 *       0)} (commons-statistics' {@link HypergeometricDistribution}, saddle-point accurate; with a
 *       mean below 30 it is far from underflow) with the ratio {@code P(k + 1) / P(k) = (K − k)(n −
 *       k) / ((k + 1)(N − K − n + k + 1))};
 *   <li>otherwise: the normal approximation with the hypergeometric's mean and variance and
 *       continuity rounding, clamped to the support.
 * </ul>
 *
 * Uniforms come from a {@link SplittableRandom}, normals by the Marsaglia polar method, so the
 * draws depend on the seed only.
 */
public final class Hypergeometric {

  /** Below this mean (after the symmetries) draws are exact (inversion). */
  public static final double INVERSION_LIMIT = 30;

  private final SplittableRandom random;
  private double spareNormal = Double.NaN;

  /** A sampler seeded with {@code seed}. */
  public Hypergeometric(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * One draw: successes among {@code draws} items drawn without replacement from {@code population}
   * items of which {@code successes} are successes.
   *
   * @throws IllegalArgumentException unless {@code 0 ≤ successes, draws ≤ population}
   */
  public long next(long population, long successes, long draws) {
    if (population < 0
        || successes < 0
        || draws < 0
        || successes > population
        || draws > population) {
      throw new IllegalArgumentException(
          "hypergeometric needs 0 <= successes, draws <= population, got population "
              + population
              + ", successes "
              + successes
              + ", draws "
              + draws);
    }
    if (2 * successes > population) {
      return draws - next(population, population - successes, draws);
    }
    if (2 * draws > population) {
      return successes - next(population, successes, population - draws);
    }
    if (draws > successes) {
      return next(population, draws, successes);
    }
    if (draws == 0) {
      return 0;
    }
    double mean = (double) draws * successes / population;
    if (mean < INVERSION_LIMIT) {
      return inversion(population, successes, draws);
    }
    double p = (double) successes / population;
    double variance = mean * (1 - p) * (population - draws) / (population - 1.0);
    double x = Math.floor(mean + Math.sqrt(variance) * normal() + 0.5);
    return (long) Math.max(0, Math.min(draws, x));
  }

  /** Exact draw for {@code draws ≤ successes ≤ N / 2} and a small mean. */
  private long inversion(long population, long successes, long draws) {
    double logF;
    if (population <= Integer.MAX_VALUE) {
      logF =
          HypergeometricDistribution.of((int) population, (int) successes, (int) draws)
              .logProbability(0);
    } else {
      logF = 0; // Π_{i < n} (N − K − i) / (N − i)
      for (long i = 0; i < draws; i++) {
        logF += Math.log((double) (population - successes - i) / (population - i));
      }
    }
    double f = Math.exp(logF);
    double cdf = f;
    double u = random.nextDouble();
    long k = 0;
    while (u > cdf && k < draws) {
      f *=
          (double) (successes - k)
              * (draws - k)
              / ((k + 1.0) * (population - successes - draws + k + 1));
      k++;
      cdf += f;
      if (f < 1e-300) {
        break; // past the mode and the remaining mass is below rounding
      }
    }
    return k;
  }

  private double normal() {
    if (!Double.isNaN(spareNormal)) {
      double z = spareNormal;
      spareNormal = Double.NaN;
      return z;
    }
    double v1;
    double v2;
    double s;
    do {
      v1 = 2 * random.nextDouble() - 1;
      v2 = 2 * random.nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    double m = Math.sqrt(-2 * Math.log(s) / s);
    spareNormal = v2 * m;
    return v1 * m;
  }
}
