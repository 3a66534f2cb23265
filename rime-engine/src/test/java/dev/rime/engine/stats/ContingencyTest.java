// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.tests.dependence.DependenceReference;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContingencyTest {

  @Test
  void mutualInformationOfATwoByTwoTableByHand() {
    // [[2, 1], [1, 2]], n = 6, margins 3 / 3 and 3 / 3:
    // MI = 2 (2/6) ln(6 * 2 / 9) + 2 (1/6) ln(6 * 1 / 9) = (2/3) ln(4/3) + (1/3) ln(2/3)
    //    = 0.19178804830118 - 0.13515503603606 = 0.05663301226512;
    // H = ln 2 on both sides, NMI = MI / ln 2 = 0.08170416594551.
    Contingency t = Contingency.of(new long[][] {{2, 1}, {1, 2}});
    double mi = 2.0 / 3 * Math.log(4.0 / 3) + 1.0 / 3 * Math.log(2.0 / 3);
    assertThat(t.mutualInformation()).isCloseTo(mi, within(1e-15));
    assertThat(t.entropyRows()).isCloseTo(Math.log(2), within(1e-15));
    assertThat(t.normalized()).isCloseTo(mi / Math.log(2), within(1e-15));
    assertThat(t.total()).isEqualTo(6);
  }

  @Test
  void uncertaintyCoefficientIsTheShareOfTheRowsEntropyExplained() {
    // Rows a/b (H = ln 2); columns x, y, z: x and y say the row, z (2 of each) says nothing.
    // H(rows | cols) = (4/8) ln 2, so MI = (1/2) ln 2 and U = 1/2; the columns' entropy is
    // H(1/4, 1/4, 1/2) = 1.5 ln 2, so U(cols | rows) = 1/3 (the transposed table).
    Contingency t = Contingency.of(new long[][] {{2, 0, 2}, {0, 2, 2}});
    assertThat(t.uncertaintyOfRows()).isCloseTo(0.5, within(1e-15));
    assertThat(Contingency.uncertaintyOfRows(t.counts(), 2, 3)).isCloseTo(0.5, within(1e-15));
    Contingency transposed = Contingency.of(new long[][] {{2, 0}, {0, 2}, {2, 2}});
    assertThat(transposed.uncertaintyOfRows()).isCloseTo(1.0 / 3, within(1e-15));
    // One row value: nothing to explain.
    Contingency single = Contingency.of(new long[][] {{1, 3}});
    assertThat(single.uncertaintyOfRows()).isNull();
    assertThat(Contingency.uncertaintyOfRows(single.counts(), 1, 2)).isZero();
  }

  @Test
  void matchesScikitLearnAndNormalisesByTheSmallerEntropy() {
    // scikit-learn's mutual_info_score and normalized_mutual_info_score(average_method='min')
    // on the table [[3, 0, 1], [0, 3, 1]] (dependence.py).
    Map<String, Object> e = DependenceReference.section("independence_tiny");
    Contingency t = Contingency.of(new long[][] {{3, 0, 1}, {0, 3, 1}});
    assertThat(t.mutualInformation())
        .isCloseTo(DependenceReference.number(e, "sklearn_mi"), within(1e-15));
    assertThat(t.normalized())
        .isCloseTo(DependenceReference.number(e, "sklearn_nmi"), within(1e-15));
    // min(H_rows = ln 2, H_cols = 1.0397) = ln 2: NMI = 0.75.
    assertThat(t.normalized()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void oneValueOrNoRowsMeansNoInformation() {
    assertThat(Contingency.of(new long[][] {{5, 3}}).normalized()).isZero();
    assertThat(Contingency.of(new long[][] {{5}, {3}}).mutualInformation()).isZero();
    assertThat(Contingency.of(new long[][] {{7}}).normalized()).isZero();
    assertThat(Contingency.empty(3, 2).normalized()).isZero();
    assertThat(Contingency.empty(3, 2).total()).isZero();
    // Independent variables: MI exactly 0 (the cells are the products of the margins).
    assertThat(Contingency.of(new long[][] {{2, 4}, {3, 6}}).mutualInformation())
        .isCloseTo(0, within(1e-16));
    // One variable determines the other: NMI 1, with any codes.
    assertThat(Contingency.of(new long[][] {{0, 4, 0}, {5, 0, 0}, {0, 0, 1}}).normalized())
        .isCloseTo(1.0, within(1e-15));
  }

  @Test
  void rejectsCountsThatDoNotFitTheShape() {
    assertThatThrownBy(() -> new Contingency(2, 2, new long[3]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Contingency.of(new long[][] {{1, 2}}))
        .isEqualTo(new Contingency(1, 2, new long[] {1, 2}));
  }
}
