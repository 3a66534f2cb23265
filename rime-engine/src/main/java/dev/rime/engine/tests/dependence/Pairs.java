// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Which pairs of features a pairwise test looks at, deterministically: every pair {@code (a, b)} of
 * the features (a before b in file order) whose strength reaches {@code min}, the strongest first,
 * ties in file order of the pair, at most {@code max}.
 */
public final class Pairs {

  /**
   * A pair of features and its strength (e.g. {@code max(|r_ref|, |r_eval|)}).
   *
   * @param a the first feature in file order
   * @param b the second
   * @param strength what ranks it
   */
  public record Ranked(String a, String b, double strength) {
    /** {@code [a, b]}, the test case's features. */
    public List<String> features() {
      return List.of(a, b);
    }
  }

  /**
   * The selection and how many pairs there were.
   *
   * @param selected the pairs to test, strongest first
   * @param numPairs every pair of the features
   * @param numCandidates pairs whose strength reaches {@code min}
   */
  public record Selection(List<Ranked> selected, int numPairs, int numCandidates) {}

  private Pairs() {}

  /**
   * Ranks the pairs of {@code features}.
   *
   * @param strength a pair's strength, or null when it has none (never selected)
   */
  public static Selection select(
      List<String> features, BiFunction<String, String, Double> strength, double min, int max) {
    List<Ranked> candidates = new ArrayList<>();
    int pairs = 0;
    for (int i = 0; i < features.size(); i++) {
      for (int j = i + 1; j < features.size(); j++) {
        pairs++;
        Double s = strength.apply(features.get(i), features.get(j));
        if (s != null && s >= min) {
          candidates.add(new Ranked(features.get(i), features.get(j), s));
        }
      }
    }
    // A stable sort keeps file order among equal strengths.
    candidates.sort(Comparator.comparingDouble(Ranked::strength).reversed());
    return new Selection(
        List.copyOf(candidates.subList(0, Math.min(max, candidates.size()))),
        pairs,
        candidates.size());
  }
}
