// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairsTest {

  private static final Map<String, Double> STRENGTH =
      Map.of("a|b", 0.2, "a|c", 0.9, "a|d", 0.05, "b|c", 0.2, "b|d", 0.5, "c|d", 0.2);

  private static Pairs.Selection select(double min, int max) {
    return Pairs.select(List.of("a", "b", "c", "d"), (x, y) -> STRENGTH.get(x + "|" + y), min, max);
  }

  @Test
  void strongestFirstTiesInFileOrder() {
    Pairs.Selection s = select(0.1, 200);
    assertThat(s.selected())
        .extracting(p -> p.a() + p.b())
        .containsExactly("ac", "bd", "ab", "bc", "cd");
    assertThat(s.numPairs()).isEqualTo(6);
    assertThat(s.numCandidates()).isEqualTo(5);
    assertThat(s.selected().get(0).features()).containsExactly("a", "c");
  }

  @Test
  void atMostMaxPairsAndNoneBelowMin() {
    assertThat(select(0.1, 3).selected())
        .extracting(p -> p.a() + p.b())
        .containsExactly("ac", "bd", "ab");
    assertThat(select(0.1, 3).numCandidates()).isEqualTo(5);
    assertThat(select(0.95, 200).selected()).isEmpty();
    // A pair without a strength (null) is never selected.
    assertThat(Pairs.select(List.of("a", "b"), (x, y) -> null, 0, 10).selected()).isEmpty();
    assertThat(Pairs.select(List.of("a"), (x, y) -> 1.0, 0, 10).numPairs()).isZero();
  }
}
