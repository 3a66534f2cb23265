// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Seeded generated datasets (CSV lines) for the correlation and mutual information tests. */
public final class Samples {

  private Samples() {}

  /**
   * n rows of one distribution: a ~ N(0, 1); b = 0.6 a + 0.8 N(0, 1) (r = 0.6); c ~ N(0, 1)
   * independent; g one of 40 categories g0 … g39 following a with noise; label ~
   * Bernoulli(logistic(1.2 a)). Two seeds give two samples of the same distribution.
   */
  public static List<String> oneDistribution(long seed, int n) {
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>(List.of("a,b,c,g,label"));
    for (int i = 0; i < n; i++) {
      double a = r.nextGaussian();
      double b = 0.6 * a + 0.8 * r.nextGaussian();
      double c = r.nextGaussian();
      double g = Math.max(0, Math.min(39.999, (a + 3) / 6 * 40 + 8 * r.nextGaussian()));
      int label = r.nextDouble() < 1 / (1 + Math.exp(-1.2 * a)) ? 1 : 0;
      lines.add(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,g%d,%d", a, b, c, (int) g, label));
    }
    return lines;
  }

  /**
   * n rows of {@code k} correlated numeric features {@code x0 … x(k−1)} and a label, one
   * distribution whatever the seed: two latent factors f, g ~ N(0, 1); {@code x_j = λ_j f + μ_j g +
   * 0.7 N(0, 1)} with λ_j from 0.2 to 0.9 and μ_j alternately 0.5 and −0.3, so the pairs' |r| range
   * from about 0.05 to 0.7; label ~ Bernoulli(logistic(x0 + x5)).
   */
  public static List<String> correlated(long seed, int n, int k) {
    Random r = new Random(seed);
    StringBuilder header = new StringBuilder();
    for (int j = 0; j < k; j++) {
      header.append("x").append(j).append(',');
    }
    List<String> lines = new ArrayList<>(List.of(header + "label"));
    for (int i = 0; i < n; i++) {
      double f = r.nextGaussian();
      double g = r.nextGaussian();
      StringBuilder line = new StringBuilder();
      double[] x = new double[k];
      for (int j = 0; j < k; j++) {
        double lambda = 0.2 + 0.7 * j / (k - 1);
        double mu = j % 2 == 0 ? 0.5 : -0.3;
        x[j] = lambda * f + mu * g + 0.7 * r.nextGaussian();
        line.append(String.format(Locale.ROOT, "%.4f,", x[j]));
      }
      int label = r.nextDouble() < 1 / (1 + Math.exp(-x[0] - x[Math.min(5, k - 1)])) ? 1 : 0;
      lines.add(line.toString() + label);
    }
    return lines;
  }

  /**
   * n rows where b follows a with correlation about {@code 0.8 sign} (b = 0.8 sign a + 0.6 N(0,
   * 1)), c and d independent N(0, 1), k one of 6 categories following a when {@code dependent}
   * (else uniform), label ~ Bernoulli(logistic(2 sign a)).
   */
  public static List<String> planted(long seed, int n, int sign, boolean dependent) {
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>(List.of("a,b,c,d,k,label"));
    for (int i = 0; i < n; i++) {
      double a = r.nextGaussian();
      double b = 0.8 * sign * a + 0.6 * r.nextGaussian();
      double c = r.nextGaussian();
      double d = r.nextGaussian();
      int k = dependent ? (int) Math.max(0, Math.min(5, Math.floor(a + 3))) : r.nextInt(6);
      int label = r.nextDouble() < 1 / (1 + Math.exp(-2 * sign * a)) ? 1 : 0;
      lines.add(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f,k%d,%d", a, b, c, d, k, label));
    }
    return lines;
  }
}
