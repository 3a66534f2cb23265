// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import dev.rime.api.result.TestCase;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a pairwise test one pair at a time, so one pair that cannot be measured becomes one SKIP (or
 * failed) case and the other pairs are still tested (what {@code FeatureCases} does per feature).
 */
public final class PairCases {

  private PairCases() {}

  /** One case per pair from {@code perPair}. */
  public static List<TestCase> each(
      StressTest test, List<Pairs.Ranked> pairs, Function<Pairs.Ranked, TestCase> perPair) {
    List<TestCase> out = new ArrayList<>();
    for (Pairs.Ranked p : pairs) {
      try {
        out.add(perPair.apply(p));
      } catch (SkipTest s) {
        out.add(CaseBuilder.skip(test, p.features(), s.getMessage()));
      } catch (RuntimeException | LinkageError | AssertionError e) {
        out.add(CaseBuilder.error(test, p.features(), e));
      }
    }
    return out;
  }
}
