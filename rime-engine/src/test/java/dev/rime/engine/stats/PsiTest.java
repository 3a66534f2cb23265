// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.Reference;
import org.junit.jupiter.api.Test;

class PsiTest {

  @Test
  void identicalDistributionsHaveZeroPsi() {
    assertThat(Psi.ofCounts(new long[] {5, 5}, new long[] {10, 10})).isEqualTo(0.0);
  }

  @Test
  void twoBinsByHand() {
    // p = (0.5, 0.5), q = (0.25, 0.75):
    // (0.25) ln 2 + (-0.25) ln(2/3) = 0.25 (ln 2 - ln 2 + ln 3) = 0.25 ln 3.
    assertThat(Psi.ofCounts(new long[] {2, 2}, new long[] {1, 3}))
        .isCloseTo(0.25 * Math.log(3), within(1e-15));
  }

  @Test
  void emptyBinsAreSmoothedToTheFloor() {
    // p = (1, 0), q = (0, 1): 2 (1 - 1e-4) ln(1 / 1e-4).
    assertThat(Psi.ofCounts(new long[] {4, 0}, new long[] {0, 4}))
        .isCloseTo(2 * (1 - 1e-4) * Math.log(1e4), within(1e-12));
  }

  @Test
  void zValueMatchesScipy() {
    assertThat(Intervals.z(0.95)).isCloseTo(Reference.number("z_95"), within(1e-12));
    // Accuracy 0.8 over 100 rows: 1.959964 * sqrt(0.16 / 100) = 1.959964 * 0.04.
    assertThat(Intervals.proportionMargin(0.8, 100, Intervals.z(0.95)))
        .isCloseTo(0.04 * Reference.number("z_95"), within(1e-15));
  }
}
