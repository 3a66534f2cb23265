// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.TestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PearsonMatrixTest {

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void everyPairMatchesNumpyOnTheRowsWhereBothAreFinite() {
    // x has 15 missing values and one inf in the reference; k is text with 'n/a' in the
    // evaluation (an integer column read as text there).
    TestContext ctx = Fixtures.context(db, DependenceReference.config(), DependenceReference.dir());
    PearsonMatrix m = PearsonMatrix.of(ctx);
    assertThat(m.names()).containsExactly("x", "y", "z", "k", "label");
    Map<String, Object> expected = DependenceReference.section("pearson");
    assertThat(expected).hasSize(10);
    for (String key : expected.keySet()) {
      String[] ab = key.split("\\|");
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) expected.get(key);
      for (boolean eval : new boolean[] {false, true}) {
        String side = eval ? "eval" : "ref";
        PearsonMatrix.Value v = m.value(eval, ab[0], ab[1]);
        assertThat(v.r())
            .as(key + " " + side)
            .isCloseTo(DependenceReference.number(e, side + ".r"), within(1e-12));
        assertThat(v.rows()).isEqualTo((long) DependenceReference.number(e, side + ".n"));
        assertThat(m.value(eval, ab[1], ab[0])).isEqualTo(v);
      }
    }
    assertThat(m.present(false, "x")).isEqualTo(584);
    assertThat(m.present(true, "k")).isEqualTo(496);
    assertThat(PearsonMatrix.of(ctx)).isSameAs(m);
  }

  @Test
  void constantAllNullNanAndInfinityLeaveTheCorrelationUndefined() {
    // With categorical_features given, numbers are numeric whatever their distinct count.
    Fixtures.csv(dir, "ref.csv", "a,b,k", "1,2,5", "2,4,5", "3,NaN,5", "inf,7,5", "4,8,5");
    // b has no value at all in the evaluation data.
    Fixtures.csv(dir, "eval.csv", "a,b,k", "1,,5", "2,,6", "3,,7");
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    Fixtures.dataInfo(config).put("categorical_features", List.of());
    TestContext ctx = Fixtures.context(db, config, dir);
    PearsonMatrix m = PearsonMatrix.of(ctx);
    assertThat(m.names()).containsExactly("a", "b", "k");
    // a, b on rows (1, 2), (2, 4), (4, 8): exactly linear, r = 1 (NaN and inf left out).
    assertThat(m.value(false, "a", "b").rows()).isEqualTo(3);
    assertThat(m.value(false, "a", "b").r()).isCloseTo(1.0, within(1e-12));
    assertThat(m.present(false, "a")).isEqualTo(4);
    // k is constant in the reference: undefined there; on the evaluation rows r = 1.
    assertThat(m.value(false, "a", "k").r()).isNull();
    assertThat(m.value(false, "a", "k").rows()).isEqualTo(4);
    assertThat(m.constant(false, "k")).isTrue();
    assertThat(m.constant(true, "k")).isFalse();
    assertThat(m.value(true, "a", "k").r()).isCloseTo(1.0, within(1e-12));
    // b is all missing in the evaluation data.
    assertThat(m.present(true, "b")).isZero();
    assertThat(m.constant(true, "b")).isTrue();
    assertThat(m.value(true, "a", "b").r()).isNull();
    assertThat(m.value(true, "a", "b").rows()).isZero();
  }
}
