// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.stats.MiSignificance.Alternative;
import dev.rime.engine.tests.dependence.DependenceReference;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulated p-values against exact tail probabilities found by enumerating every multinomial
 * outcome with scipy ({@code dependence.py}).
 */
class MiSignificanceTest {

  private static final int S = 20_000;

  private static final Contingency REF = Contingency.of(new long[][] {{3, 0}, {0, 3}});
  private static final Contingency EVAL = Contingency.of(new long[][] {{2, 1}, {1, 2}});

  /** Within 4.5 standard errors of {@code E[p] = (1 + S tail) / (1 + S)}. */
  private static void assertPValue(double p, double tail) {
    double se = Math.sqrt(tail * (1 - tail) / S);
    assertThat(p).isCloseTo((1 + S * tail) / (1 + S), within(4.5 * se));
  }

  @Test
  void changeMatchesTheExactTwoSidedTail() {
    // NMI 1 against 0.0817: |change| 0.918; exact P(|change_sim| >= 0.918) = 0.1211.
    Map<String, Object> e = DependenceReference.section("change_tiny");
    MiSignificance r = MiSignificance.change(REF, EVAL, Alternative.TWO_SIDED, 0, S, 1);
    assertThat(r.observed())
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
    MiSignificance r = MiSignificance.change(REF, EVAL, Alternative.DECREASE, 0, S, 2);
    assertPValue(r.pValue(), DependenceReference.number(e, "decrease_tail"));
    assertThat(r.nullMean()).isCloseTo(0, within(4.5 * 0.6 / Math.sqrt(S)));
    // A rise is no decrease: every simulated change reaches a negative observed one.
    MiSignificance rise = MiSignificance.change(EVAL, REF, Alternative.DECREASE, 0, 200, 3);
    assertThat(rise.observed()).isNegative();
    assertThat(rise.pValue()).isGreaterThan(0.5);
  }

  @Test
  void aMarginAsksHowOftenNoiseExceedsTheChangeBeyondIt() {
    // Margin 0.5: the change 0.918 exceeds it by 0.418. Exact P(|d| >= 0.418) = 0.566 and
    // P(d >= 0.418) = 0.283 when nothing changed.
    Map<String, Object> e = DependenceReference.section("change_tiny");
    MiSignificance two = MiSignificance.change(REF, EVAL, Alternative.TWO_SIDED, 0.5, S, 7);
    assertPValue(two.pValue(), DependenceReference.number(e, "two_sided_tail_margin_0.5"));
    MiSignificance fall = MiSignificance.change(REF, EVAL, Alternative.DECREASE, 0.5, S, 8);
    assertPValue(fall.pValue(), DependenceReference.number(e, "decrease_tail_margin_0.5"));
    // The observed change is reported as it is, whatever the margin.
    assertThat(two.observed())
        .isEqualTo(MiSignificance.change(REF, EVAL, Alternative.TWO_SIDED, 0, 10, 7).observed());
    // A change within the margin: every draw reaches it, p = 1.
    assertThat(MiSignificance.change(REF, EVAL, Alternative.TWO_SIDED, 0.95, 100, 7).pValue())
        .isEqualTo(1.0);
  }

  @Test
  void independenceMatchesTheExactPermutationTail() {
    // [[3, 0, 1], [0, 3, 1]]: NMI 0.75; over all 8! shuffles of the column values against the
    // row values, P(NMI >= 0.75) = 0.0571 and the mean NMI is 0.267 (sd 0.248).
    Map<String, Object> e = DependenceReference.section("independence_tiny");
    Contingency t = Contingency.of(new long[][] {{3, 0, 1}, {0, 3, 1}});
    MiSignificance r = MiSignificance.independence(t, S, 4);
    assertThat(r.observed()).isCloseTo(0.75, within(1e-12));
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
    MiSignificance r = MiSignificance.independence(t, S, 5);
    assertThat(r.observed()).isCloseTo(DependenceReference.number(e, "nmi"), within(1e-12));
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
    MiSignificance r =
        MiSignificance.change(dependent, independent, Alternative.TWO_SIDED, 0, 500, 9);
    assertThat(r.pValue()).isEqualTo(1.0 / 501);
    assertThat(MiSignificance.independence(dependent, 500, 9).pValue()).isEqualTo(1.0 / 501);
    MiSignificance again = MiSignificance.change(REF, EVAL, Alternative.TWO_SIDED, 0, 300, 5);
    assertThat(MiSignificance.change(REF, EVAL, Alternative.TWO_SIDED, 0, 300, 5)).isEqualTo(again);
    assertThat(MiSignificance.change(REF, EVAL, Alternative.TWO_SIDED, 0, 300, 6).pValue())
        .isNotEqualTo(again.pValue());
  }

  @Test
  void rejectsTablesOfDifferentShapesAndNoSimulations() {
    assertThatThrownBy(
            () ->
                MiSignificance.change(
                    REF, Contingency.empty(2, 3), Alternative.TWO_SIDED, 0, 10, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MiSignificance.independence(REF, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
