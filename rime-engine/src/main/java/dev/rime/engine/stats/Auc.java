// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import java.util.Arrays;

/**
 * Area under the ROC curve as the Mann–Whitney statistic with mid-ranks for tied scores: equal to
 * scikit-learn's {@code roc_auc_score} for binary labels.
 */
public final class Auc {

  private Auc() {}

  /**
   * AUC of scores against 0/1 labels (a label is positive when it equals 1), or null when only one
   * class is present.
   */
  public static Double of(double[] labels, double[] scores) {
    if (labels.length != scores.length) {
      throw new IllegalArgumentException("labels and scores differ in length");
    }
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1.0;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] == 1.0) {
          rankSumPos += midRank;
          pos++;
        }
      }
      i = j + 1;
    }
    return fromRankSum(rankSumPos, pos, n - pos);
  }

  /**
   * AUC from the sum of the positives' mid-ranks: {@code (R1 - n1 (n1 + 1) / 2) / (n1 n0)}; null
   * when a class is empty.
   */
  public static Double fromRankSum(double rankSumPos, long positives, long negatives) {
    if (positives == 0 || negatives == 0) {
      return null;
    }
    return (rankSumPos - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * Hanley &amp; McNeil (1982) standard error of an AUC: {@code sqrt((A(1-A) + (n1-1)(Q1-A²) +
   * (n0-1)(Q2-A²)) / (n1 n0))} with {@code Q1 = A/(2-A)}, {@code Q2 = 2A²/(1+A)}.
   */
  public static double hanleyMcNeilSe(double auc, long positives, long negatives) {
    double a2 = auc * auc;
    double q1 = auc / (2 - auc);
    double q2 = 2 * a2 / (1 + auc);
    double var =
        (auc * (1 - auc) + (positives - 1) * (q1 - a2) + (negatives - 1) * (q2 - a2))
            / ((double) positives * negatives);
    return Math.sqrt(Math.max(0, var));
  }
}
