// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.Reference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JensenShannonTest {

  @Test
  void byHand() {
    // Disjoint supports: p = (1, 0), q = (0, 1), m = (1/2, 1/2): KL(p||m) = KL(q||m) = ln 2, so
    // JS^2 = (ln 2 + ln 2) / (2 ln 2) = 1: the largest distance in base 2.
    assertThat(JensenShannon.distance(new long[] {5, 0}, new long[] {0, 7})).isEqualTo(1.0);
    // Equal proportions (different sizes): 0.
    assertThat(JensenShannon.distance(new long[] {2, 6, 2}, new long[] {1, 3, 1})).isEqualTo(0.0);
    // p = (1/2, 1/2), q = (1, 0): m = (3/4, 1/4).
    // KL(p||m) = 1/2 ln(2/3) + 1/2 ln 2; KL(q||m) = ln(4/3).
    double js2 =
        (0.5 * Math.log(2.0 / 3) + 0.5 * Math.log(2) + Math.log(4.0 / 3)) / Math.log(2) / 2;
    assertThat(JensenShannon.distance(new long[] {1, 1}, new long[] {4, 0}))
        .isCloseTo(Math.sqrt(js2), within(1e-15));
    // The terms add up to the squared distance.
    assertThat(JensenShannon.term(0.5, 1) + JensenShannon.term(0.5, 0))
        .isCloseTo(js2, within(1e-15));
  }

  @Test
  void exactTailOfATinyExampleUnderNoDrift() {
    // The null simulation with the JS distance as statistic against the exact enumeration.
    Map<String, Object> tiny = Reference.methodsObject("js_tiny");
    long[] ref = longs(tiny.get("ref"));
    long[] eval = longs(tiny.get("eval"));
    assertThat(JensenShannon.distance(ref, eval))
        .isCloseTo(((Number) tiny.get("js")).doubleValue(), within(1e-15));
    int s = 20_000;
    NullSimulation r = NullSimulation.of(ref, eval, s, 3, JensenShannon::distance);
    double tail = ((Number) tiny.get("tail_probability")).doubleValue();
    double se = Math.sqrt(tail * (1 - tail) / s);
    assertThat(r.pValue()).isCloseTo((1 + s * tail) / (1 + s), within(4.5 * se));
    assertThat(r.nullMean())
        .isCloseTo(((Number) tiny.get("null_mean")).doubleValue(), within(0.01));
  }

  @SuppressWarnings("unchecked")
  private static long[] longs(Object list) {
    return ((List<Number>) list).stream().mapToLong(Number::longValue).toArray();
  }
}
