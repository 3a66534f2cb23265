// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import dev.rime.api.Severity;
import java.util.function.Supplier;

/**
 * A value judged against thresholds where a level counts only beyond sampling noise: the level the
 * value reaches ({@link Thresholds#severity}), then the significance gate — the severity is that
 * level when the test finds the value beyond noise, else NONE. Its description is one of three:
 * below the low threshold, reaching a threshold but within noise, or claimed.
 *
 * @param reached the level the value reaches, NONE below the low threshold
 * @param severity {@code reached} when significant, else NONE
 */
public record Verdict(Severity reached, Severity severity) {

  /** The verdict on a level reached, {@code significant} or not. */
  public static Verdict of(Severity reached, boolean significant) {
    return new Verdict(reached, significant ? reached : Severity.NONE);
  }

  /** Whether the value reached the low threshold but is within sampling noise. */
  public boolean withinNoise() {
    return reached != Severity.NONE && severity == Severity.NONE;
  }

  /** The description of whichever of the three cases this is. */
  public String describe(
      Supplier<String> belowLow, Supplier<String> withinNoise, Supplier<String> claimed) {
    if (reached == Severity.NONE) {
      return belowLow.get();
    }
    return severity == Severity.NONE ? withinNoise.get() : claimed.get();
  }
}
