// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.Reference;
import dev.rime.engine.tests.dependence.DependenceReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulated p-values against values computed without the engine's code: for PSI ({@code
 * drift_significance.py}) the exact tail probability of a tiny example, found by enumerating every
 * pair of multinomial outcomes, and numpy's multinomial sampler on a larger example; for changes of
 * normalised mutual information, with and without a margin, and for independence by permutation
 * ({@code dependence.py}) exact enumerations and numpy's permutations.
 */
class NullSimulationTest {

  private static NullSimulation psi(long[] ref, long[] eval, int s, long seed) {
    return NullSimulation.of(ref, eval, s, seed, Psi::ofCounts);
  }

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
    NullSimulation r = psi(counts(tiny, "ref"), counts(tiny, "eval"), s, 1);
    assertThat(r.statistic()).isCloseTo(Math.log(6), within(1e-12));
    assertThat(r.statistic()).isCloseTo(num(tiny, "psi"), within(1e-12));
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
    NullSimulation r = psi(counts(large, "ref"), counts(large, "eval"), s, 2);
    assertThat(r.statistic()).isCloseTo(num(large, "psi"), within(1e-15));
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
    NullSimulation r = psi(new long[] {100, 0}, new long[] {0, 100}, 500, 3);
    assertThat(r.statistic()).isCloseTo(2 * (1 - 1e-4) * Math.log(1e4), within(1e-12));
    assertThat(r.pValue()).isEqualTo(1.0 / 501);
    assertThat(r.reachedFraction()).isZero();
  }

  @Test
  void identicalProportionsHavePValueOne() {
    // PSI 0: every simulated PSI (>= 0) reaches it.
    NullSimulation r = psi(new long[] {10, 20, 30}, new long[] {20, 40, 60}, 200, 4);
    assertThat(r.statistic()).isZero();
    assertThat(r.pValue()).isEqualTo(1.0);
    assertThat(r.reachedFraction()).isEqualTo(1.0);
  }

  @Test
  void binsEmptyOnBothSidesStayEmpty() {
    // A bin with no rows anywhere has pooled proportion 0: never drawn, contributes 0 to every
    // PSI, so the result equals the one without it.
    NullSimulation with = psi(new long[] {30, 0, 20}, new long[] {25, 0, 25}, 300, 5);
    NullSimulation without = psi(new long[] {30, 20}, new long[] {25, 25}, 300, 5);
    assertThat(with.statistic()).isEqualTo(without.statistic());
    assertThat(with.pValue()).isEqualTo(without.pValue());
    assertThat(with.nullMean()).isEqualTo(without.nullMean());
  }

  @Test
  void theSameSeedGivesTheSameResult() {
    long[] a = {40, 35, 25};
    long[] b = {30, 40, 30};
    assertThat(psi(a, b, 500, 9)).isEqualTo(psi(a, b, 500, 9));
    assertThat(psi(a, b, 500, 9).nullMean()).isNotEqualTo(psi(a, b, 500, 10).nullMean());
  }

  private static final int S = 20_000;

  private static final Contingency REF_TABLE = Contingency.of(new long[][] {{3, 0}, {0, 3}});
  private static final Contingency EVAL_TABLE = Contingency.of(new long[][] {{2, 1}, {1, 2}});

  /** {@code |NMI_a − NMI_b|} (two-sided) or {@code NMI_a − NMI_b} of two 2 × 2 tables. */
  private static double nmiChange(long[] a, long[] b, boolean twoSided) {
    double d = Contingency.normalized(a, 2, 2) - Contingency.normalized(b, 2, 2);
    return twoSided ? Math.abs(d) : d;
  }

  private static NullSimulation change(
      Contingency ref, Contingency eval, boolean twoSided, double margin, int s, long seed) {
    return NullSimulation.of(
        ref.counts(), eval.counts(), s, seed, (a, b) -> nmiChange(a, b, twoSided), margin);
  }

  private static NullSimulation independence(Contingency t, int s, long seed) {
    return NullSimulation.permutation(
        t.counts(),
        t.rows(),
        t.cols(),
        s,
        seed,
        c -> Contingency.normalized(c, t.rows(), t.cols()));
  }

  /** Within 4.5 standard errors of {@code E[p] = (1 + S tail) / (1 + S)}. */
  private static void assertPValue(double p, double tail) {
    double se = Math.sqrt(tail * (1 - tail) / S);
    assertThat(p).isCloseTo((1 + S * tail) / (1 + S), within(4.5 * se));
  }

  @Test
  void changeMatchesTheExactTwoSidedTail() {
    // NMI 1 against 0.0817: |change| 0.918; exact P(|change_sim| >= 0.918) = 0.1211.
    Map<String, Object> e = DependenceReference.section("change_tiny");
    NullSimulation r = change(REF_TABLE, EVAL_TABLE, true, 0, S, 1);
    assertThat(r.statistic())
        .isCloseTo(
            DependenceReference.number(e, "nmi_ref") - DependenceReference.number(e, "nmi_eval"),
            within(1e-12));
    assertPValue(r.pValue(), DependenceReference.number(e, "two_sided_tail"));
    // The mean |change| from noise alone: exact 0.390 (its sd is below 0.5).
    assertThat(r.nullMean())
        .isCloseTo(
            DependenceReference.number(e, "two_sided_null_mean"), within(4.5 * 0.5 / Math.sqrt(S)));
    assertThat(r.simulations()).isEqualTo(S);
  }

  @Test
  void decreaseMatchesTheExactOneSidedTail() {
    // Exact P(NMI_ref_sim - NMI_eval_sim >= 0.918) = 0.0606; the mean change is 0 by symmetry.
    Map<String, Object> e = DependenceReference.section("change_tiny");
    NullSimulation r = change(REF_TABLE, EVAL_TABLE, false, 0, S, 2);
    assertPValue(r.pValue(), DependenceReference.number(e, "decrease_tail"));
    assertThat(r.nullMean()).isCloseTo(0, within(4.5 * 0.6 / Math.sqrt(S)));
    // A rise is no decrease: every simulated change reaches a negative observed one.
    NullSimulation rise = change(EVAL_TABLE, REF_TABLE, false, 0, 200, 3);
    assertThat(rise.statistic()).isNegative();
    assertThat(rise.pValue()).isGreaterThan(0.5);
  }

  @Test
  void aMarginAsksHowOftenNoiseExceedsTheChangeBeyondIt() {
    // Margin 0.5: the change 0.918 exceeds it by 0.418. Exact P(|d| >= 0.418) = 0.566 and
    // P(d >= 0.418) = 0.283 when nothing changed.
    Map<String, Object> e = DependenceReference.section("change_tiny");
    NullSimulation two = change(REF_TABLE, EVAL_TABLE, true, 0.5, S, 7);
    assertPValue(two.pValue(), DependenceReference.number(e, "two_sided_tail_margin_0.5"));
    NullSimulation fall = change(REF_TABLE, EVAL_TABLE, false, 0.5, S, 8);
    assertPValue(fall.pValue(), DependenceReference.number(e, "decrease_tail_margin_0.5"));
    // The observed change is reported as it is, whatever the margin.
    assertThat(two.statistic())
        .isEqualTo(change(REF_TABLE, EVAL_TABLE, true, 0, 10, 7).statistic());
    // A change within the margin: every draw reaches it, p = 1.
    assertThat(change(REF_TABLE, EVAL_TABLE, true, 0.95, 100, 7).pValue()).isEqualTo(1.0);
  }

  @Test
  void independenceMatchesTheExactPermutationTail() {
    // [[3, 0, 1], [0, 3, 1]]: NMI 0.75; over all 8! shuffles of the column values against the
    // row values, P(NMI >= 0.75) = 0.0571 and the mean NMI is 0.267 (sd 0.248).
    Map<String, Object> e = DependenceReference.section("independence_tiny");
    Contingency t = Contingency.of(new long[][] {{3, 0, 1}, {0, 3, 1}});
    NullSimulation r = independence(t, S, 4);
    assertThat(r.statistic()).isCloseTo(0.75, within(1e-12));
    assertPValue(r.pValue(), DependenceReference.number(e, "tail"));
    assertThat(r.nullMean())
        .isCloseTo(
            DependenceReference.number(e, "null_mean"),
            within(4.5 * DependenceReference.number(e, "null_sd") / Math.sqrt(S)));
  }

  @Test
  void independenceOnHundredsOfRowsMatchesNumpysPermutations() {
    // 600 rows, where the sampler draws by its normal approximation too: the tail from 200000
    // numpy permutations is 0.158.
    Map<String, Object> e = DependenceReference.section("independence_large");
    Contingency t = Contingency.of(new long[][] {{110, 90}, {95, 105}, {92, 108}});
    NullSimulation r = independence(t, S, 5);
    assertThat(r.statistic()).isCloseTo(DependenceReference.number(e, "nmi"), within(1e-12));
    double tail = DependenceReference.number(e, "tail");
    double se = Math.sqrt(tail * (1 - tail) / S) + Math.sqrt(tail * (1 - tail) / 200_000);
    assertThat(r.pValue()).isCloseTo(tail, within(4.5 * se + 1.0 / S));
    assertThat(r.nullMean())
        .isCloseTo(
            DependenceReference.number(e, "null_mean"),
            within(4.5 * DependenceReference.number(e, "null_sd") / Math.sqrt(S)));
  }

  @Test
  void aClearChangeHasTheSmallestPValueAndTheSeedReproducesIt() {
    // 500 rows a side: perfectly dependent, then independent.
    Contingency dependent = Contingency.of(new long[][] {{250, 0}, {0, 250}});
    Contingency independent = Contingency.of(new long[][] {{125, 125}, {125, 125}});
    NullSimulation r = change(dependent, independent, true, 0, 500, 9);
    assertThat(r.pValue()).isEqualTo(1.0 / 501);
    assertThat(independence(dependent, 500, 9).pValue()).isEqualTo(1.0 / 501);
    NullSimulation again = change(REF_TABLE, EVAL_TABLE, true, 0, 300, 5);
    assertThat(change(REF_TABLE, EVAL_TABLE, true, 0, 300, 5)).isEqualTo(again);
    assertThat(change(REF_TABLE, EVAL_TABLE, true, 0, 300, 6).pValue())
        .isNotEqualTo(again.pValue());
  }

  @Test
  void rejectsCountsOfDifferentLengthsAndNoSimulations() {
    assertThatThrownBy(() -> psi(new long[] {1, 2}, new long[] {1, 2, 3}, 10, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> psi(new long[] {1, 2}, new long[] {2, 1}, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> independence(REF_TABLE, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NullSimulation.permutation(new long[] {1, 2, 3}, 2, 2, 10, 1, c -> 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
