// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.Reference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The p-value of a PSI against values computed without the engine's code ({@code
 * drift_significance.py}): the exact tail probability of a tiny example, found by enumerating every
 * pair of multinomial outcomes, and numpy's multinomial sampler on a larger example.
 */
class PsiSignificanceTest {

  private static long[] counts(Map<String, Object> example, String key) {
    @SuppressWarnings("unchecked")
    List<Number> l = (List<Number>) example.get(key);
    return l.stream().mapToLong(Number::longValue).toArray();
  }

  private static double num(Map<String, Object> example, String key) {
    return ((Number) example.get(key)).doubleValue();
  }

  @Test
  void tinyExampleMatchesTheExactTailProbability() {
    // ref (6, 3, 1), eval (1, 3, 6): PSI = 2 (0.5 ln 6) = ln 6 = 1.7918 (middle bin equal).
    // Exact P(PSI_sim >= ln 6) = 0.0881 (enumeration with scipy's multinomial pmf).
    Map<String, Object> tiny = Reference.significance("tiny");
    int s = 20_000;
    PsiSignificance r = PsiSignificance.of(counts(tiny, "ref"), counts(tiny, "eval"), s, 1);
    assertThat(r.psi()).isCloseTo(Math.log(6), within(1e-12));
    assertThat(r.psi()).isCloseTo(num(tiny, "psi"), within(1e-12));
    double tail = num(tiny, "tail_probability");
    double se = Math.sqrt(tail * (1 - tail) / s);
    // E[p] = (1 + S tail) / (1 + S); p within 4.5 standard errors of that.
    assertThat(r.pValue()).isCloseTo((1 + s * tail) / (1 + s), within(4.5 * se));
    assertThat(r.reachedFraction()).isCloseTo(tail, within(4.5 * se + 1.0 / s));
    assertThat(r.simulations()).isEqualTo(s);
    // The mean simulated PSI within 4.5 standard errors of the exact mean (exact sd 1.06).
    assertThat(r.nullMean())
        .isCloseTo(num(tiny, "null_mean"), within(4.5 * num(tiny, "null_sd") / Math.sqrt(s)));
  }

  @Test
  void largeExampleMatchesNumpysExactMultinomial() {
    // 1000 rows a side over 5 bins: here the sampler uses its normal approximation.
    Map<String, Object> large = Reference.significance("large");
    int s = 20_000;
    PsiSignificance r = PsiSignificance.of(counts(large, "ref"), counts(large, "eval"), s, 2);
    assertThat(r.psi()).isCloseTo(num(large, "psi"), within(1e-15));
    double tail = num(large, "tail_probability");
    double se = Math.sqrt(tail * (1 - tail) / s) + Math.sqrt(tail * (1 - tail) / 400_000);
    assertThat(r.pValue()).isCloseTo(tail, within(4.5 * se + 1.0 / s));
    double sd = num(large, "null_sd");
    assertThat(r.nullMean()).isCloseTo(num(large, "null_mean"), within(4.5 * sd / Math.sqrt(s)));
    // Noise floor by the usual approximation (K - 1)(1/n_ref + 1/n_eval) = 4 * 0.002 = 0.008.
    assertThat(r.nullMean()).isCloseTo(0.008, within(0.0005));
  }

  @Test
  void anExtremeShiftHasTheSmallestPossiblePValue() {
    // Every reference row in bin 0, every evaluation row in bin 1: PSI = 2 (1 - 1e-4) ln 1e4 is the
    // largest PSI there is, and a simulated pair reaches it only if both samples split the pooled
    // (1/2, 1/2) perfectly apart: probability 2^-200 for 100 rows a side. So p = 1 / (1 + S).
    PsiSignificance r = PsiSignificance.of(new long[] {100, 0}, new long[] {0, 100}, 500, 3);
    assertThat(r.psi()).isCloseTo(2 * (1 - 1e-4) * Math.log(1e4), within(1e-12));
    assertThat(r.pValue()).isEqualTo(1.0 / 501);
    assertThat(r.reachedFraction()).isZero();
  }

  @Test
  void identicalProportionsHavePValueOne() {
    // PSI 0: every simulated PSI (>= 0) reaches it.
    PsiSignificance r =
        PsiSignificance.of(new long[] {10, 20, 30}, new long[] {20, 40, 60}, 200, 4);
    assertThat(r.psi()).isZero();
    assertThat(r.pValue()).isEqualTo(1.0);
    assertThat(r.reachedFraction()).isEqualTo(1.0);
  }

  @Test
  void binsEmptyOnBothSidesStayEmpty() {
    // A bin with no rows anywhere has pooled proportion 0: never drawn, contributes 0 to every
    // PSI, so the result equals the one without it.
    PsiSignificance with =
        PsiSignificance.of(new long[] {30, 0, 20}, new long[] {25, 0, 25}, 300, 5);
    PsiSignificance without = PsiSignificance.of(new long[] {30, 20}, new long[] {25, 25}, 300, 5);
    assertThat(with.psi()).isEqualTo(without.psi());
    assertThat(with.pValue()).isEqualTo(without.pValue());
    assertThat(with.nullMean()).isEqualTo(without.nullMean());
  }

  @Test
  void theSameSeedGivesTheSameResult() {
    long[] a = {40, 35, 25};
    long[] b = {30, 40, 30};
    assertThat(PsiSignificance.of(a, b, 500, 9)).isEqualTo(PsiSignificance.of(a, b, 500, 9));
    assertThat(PsiSignificance.of(a, b, 500, 9).nullMean())
        .isNotEqualTo(PsiSignificance.of(a, b, 500, 10).nullMean());
  }
}
