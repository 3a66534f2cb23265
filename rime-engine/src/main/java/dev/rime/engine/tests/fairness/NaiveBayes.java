// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.stats.Contingency;
import java.util.ArrayList;
import java.util.List;

/**
 * A categorical naive Bayes classifier of a coded target from coded features, fitted from its
 * sufficient statistics, the target × feature contingency tables, as scikit-learn's {@code
 * CategoricalNB(alpha=1, fit_prior=True)} with {@code min_categories} = each feature's number of
 * codes: log prior {@code ln(n_k / n)} for each class seen in fitting, log likelihood {@code
 * ln((n_kc + α) / (n_k + α C_f))}; a row's class maximises the prior plus the sum of its codes' log
 * likelihoods, the first class on ties. Classes never seen in fitting are never predicted.
 *
 * <p>Rows are scored in SQL ({@link #confusionSql}): each distinct row of codes once, each
 * feature's log likelihoods a small table joined on its code.
 */
final class NaiveBayes {

  /** Laplace smoothing α. */
  static final double ALPHA = 1;

  private final int classes;
  private final int[] seen;
  private final double[] logPrior;
  private final List<double[]> logLikelihood;
  private final int[] codes;

  private NaiveBayes(
      int classes, int[] seen, double[] logPrior, List<double[]> logLikelihood, int[] codes) {
    this.classes = classes;
    this.seen = seen;
    this.logPrior = logPrior;
    this.logLikelihood = logLikelihood;
    this.codes = codes;
  }

  /**
   * Fits the classifier.
   *
   * @param tables one table per feature, target codes as rows and the feature's codes as columns,
   *     all over the same rows (so with the same row sums)
   */
  static NaiveBayes fit(List<Contingency> tables) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("no feature to fit on");
    }
    Contingency first = tables.get(0);
    int k = first.rows();
    long[] classCounts = new long[k];
    long n = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < first.cols(); j++) {
        classCounts[i] += first.count(i, j);
      }
      n += classCounts[i];
    }
    List<Integer> seenList = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (classCounts[i] > 0) {
        seenList.add(i);
      }
    }
    if (seenList.isEmpty()) {
      throw new IllegalArgumentException("no row to fit on");
    }
    int[] seen = seenList.stream().mapToInt(Integer::intValue).toArray();
    double[] logPrior = new double[seen.length];
    for (int s = 0; s < seen.length; s++) {
      logPrior[s] = Math.log(classCounts[seen[s]]) - Math.log(n);
    }
    List<double[]> logLikelihood = new ArrayList<>();
    int[] codes = new int[tables.size()];
    for (int f = 0; f < tables.size(); f++) {
      Contingency t = tables.get(f);
      if (t.rows() != k) {
        throw new IllegalArgumentException("every table needs the target's " + k + " codes");
      }
      int c = t.cols();
      codes[f] = c;
      double[] lp = new double[c * seen.length];
      for (int s = 0; s < seen.length; s++) {
        double denominator = Math.log(classCounts[seen[s]] + ALPHA * c);
        for (int j = 0; j < c; j++) {
          lp[j * seen.length + s] = Math.log(t.count(seen[s], j) + ALPHA) - denominator;
        }
      }
      logLikelihood.add(lp);
    }
    return new NaiveBayes(k, seen, logPrior, logLikelihood, codes);
  }

  /** The target's number of codes. */
  int classes() {
    return classes;
  }

  /** The class of a row with these feature codes (in the tables' order). */
  int predict(int[] row) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < seen.length; s++) {
      double score = 0;
      for (int f = 0; f < row.length; f++) {
        score += logLikelihood.get(f)[row[f] * seen.length + s];
      }
      score += logPrior[s];
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return seen[best];
  }

  /**
   * SQL counting the rows of {@code table} by true and predicted class: columns {@code t} (the
   * target's code), {@code p} (the position of the predicted class among the classes seen, from 1:
   * {@link #classOfPosition}) and the count. The distinct rows of codes are counted first (often
   * far fewer than the rows), then each is scored: every feature's log likelihoods are a small
   * table of one row per code and one column per class, joined on the code, so a class's score is a
   * sum of columns. The sum runs over the features, then adds the prior, in scikit-learn's order,
   * so ties break alike (the first class of the largest score).
   *
   * @param target the target's code column
   * @param features the features' code columns, in the tables' order
   */
  String confusionSql(String table, String target, List<String> features) {
    int k = seen.length;
    StringBuilder combos = new StringBuilder("SELECT ").append(target).append(" AS t");
    for (int f = 0; f < features.size(); f++) {
      combos.append(", ").append(features.get(f)).append(" AS f").append(f);
    }
    combos.append(", count(*) AS n FROM ").append(table).append(" GROUP BY ALL");
    StringBuilder joins = new StringBuilder();
    for (int f = 0; f < features.size(); f++) {
      double[] lp = logLikelihood.get(f);
      joins.append(" JOIN (VALUES ");
      for (int c = 0; c < codes[f]; c++) {
        joins.append(c == 0 ? "(" : ", (").append(c);
        for (int s = 0; s < k; s++) {
          joins.append(", ").append(dbl(lp[c * k + s]));
        }
        joins.append(")");
      }
      joins.append(") AS lp").append(f).append("(code");
      for (int s = 0; s < k; s++) {
        joins.append(", l").append(s);
      }
      joins.append(") ON combos.f").append(f).append(" = lp").append(f).append(".code");
    }
    StringBuilder scores = new StringBuilder();
    StringBuilder greatest = new StringBuilder("greatest(");
    StringBuilder argmax = new StringBuilder("CASE");
    for (int s = 0; s < k; s++) {
      scores.append(", (");
      for (int f = 0; f < features.size(); f++) {
        scores.append(f == 0 ? "" : " + ").append("lp").append(f).append(".l").append(s);
      }
      scores.append(") + ").append(dbl(logPrior[s])).append(" AS s").append(s);
      greatest.append(s == 0 ? "" : ", ").append("s").append(s);
      argmax.append(" WHEN s").append(s).append(" = m THEN ").append(s + 1);
    }
    greatest.append(")");
    argmax.append(" END");
    return "WITH combos AS ("
        + combos
        + ") SELECT t, "
        + argmax
        + " AS p, CAST(sum(n) AS BIGINT) FROM (SELECT *, "
        + greatest
        + " AS m FROM (SELECT t, n"
        + scores
        + " FROM combos"
        + joins
        + ")) GROUP BY ALL";
  }

  private static String dbl(double v) {
    return "CAST('" + v + "' AS DOUBLE)";
  }

  /** The class of a position {@code p} of {@link #confusionSql} (from 1). */
  int classOfPosition(int p) {
    return seen[p - 1];
  }

  /** The classes seen in fitting, by code. */
  int[] seen() {
    return seen.clone();
  }

  /** Every feature's number of codes. */
  int[] codes() {
    return codes.clone();
  }
}
