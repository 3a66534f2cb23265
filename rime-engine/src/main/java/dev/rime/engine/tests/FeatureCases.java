// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a per-feature test one feature at a time, so one bad column becomes one failed (or skipped)
 * case and the other features are still tested.
 */
public final class FeatureCases {

  private FeatureCases() {}

  /**
   * One case per feature from {@code perFeature}; a {@link SkipTest} becomes a SKIP case and any
   * other exception, {@link LinkageError} or {@link AssertionError} a failed case for that feature
   * (what {@code Engine.runOne} catches for a whole test). With no features, one SKIP case saying
   * so.
   */
  public static List<TestCase> each(
      StressTest test, List<Column> features, String kind, Function<Column, TestCase> perFeature) {
    if (features.isEmpty()) {
      return List.of(CaseBuilder.skip(test, List.of(), "no " + kind + " features to test"));
    }
    List<TestCase> out = new ArrayList<>();
    for (Column c : features) {
      try {
        out.add(perFeature.apply(c));
      } catch (SkipTest s) {
        out.add(CaseBuilder.skip(test, List.of(c.name()), s.getMessage()));
      } catch (RuntimeException | LinkageError | AssertionError e) {
        out.add(CaseBuilder.error(test, List.of(c.name()), e));
      }
    }
    return out;
  }
}
