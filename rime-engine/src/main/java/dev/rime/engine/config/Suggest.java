// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import java.util.Collection;

/** "Did you mean …?" by Levenshtein edit distance. */
public final class Suggest {

  private Suggest() {}

  /**
   * The candidate closest to {@code word} (ties: the first in iteration order), or null when none
   * is within {@code max(2, word.length() / 2)} edits.
   */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(word.toLowerCase(), c.toLowerCase());
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(2, word.length() / 2) ? best : null;
  }

  /** The message tail for an unknown name: "did you mean x?" or the list of known names. */
  public static String unknown(String what, String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c != null
        ? "unknown " + what + "; did you mean " + c + "?"
        : "unknown " + what + "; expected one of " + String.join(", ", candidates);
  }

  /** Levenshtein distance between two strings. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
