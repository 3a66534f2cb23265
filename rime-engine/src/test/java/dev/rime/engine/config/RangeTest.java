// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RangeTest {

  @Test
  void describesEachKindOfRange() {
    assertThat(Range.closed(2, 10000).describe(true)).isEqualTo("an integer from 2 to 10000");
    assertThat(Range.POSITIVE.describe(false)).isEqualTo("a number greater than 0");
    assertThat(Range.NON_NEGATIVE.bounds()).isEqualTo("at least 0");
    assertThat(new Range(0, true, 1, false).describe(false))
        .isEqualTo("a number greater than 0 and at most 1");
    assertThat(new Range(0, true, 1, true).bounds()).isEqualTo("greater than 0 and less than 1");
    assertThat(Range.LONGS.describe(true))
        .isEqualTo("an integer from -9223372036854775808 to 9223372036854775807");
  }

  @Test
  void integersMustBeWholeAndInRange() {
    Range r = Range.closed(2, 10000);
    assertThat(r.checkInteger("k", 2)).isEqualTo(2);
    assertThat(r.checkInteger("k", 10000.0)).isEqualTo(10000);
    assertThatThrownBy(() -> r.checkInteger("k", 1))
        .isInstanceOf(ConfigException.class)
        .hasMessage("k: must be an integer from 2 to 10000, not 1");
    assertThatThrownBy(() -> r.checkInteger("k", 10001L))
        .hasMessage("k: must be an integer from 2 to 10000, not 10001");
    assertThatThrownBy(() -> r.checkInteger("k", 2.5))
        .hasMessage("k: must be an integer from 2 to 10000, not 2.5");
    assertThatThrownBy(() -> r.checkInteger("k", Double.NaN)).hasMessageEndingWith("not NaN");
    assertThatThrownBy(() -> r.checkInteger("k", true)).hasMessageEndingWith("not boolean true");
    // Whole but beyond long: rejected, not wrapped.
    assertThatThrownBy(() -> Range.LONGS.checkLong("k", new BigInteger("9223372036854775808")))
        .hasMessageEndingWith("not 9223372036854775808");
    assertThat(Range.LONGS.checkLong("k", Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void numbersMustBeFiniteAndInRange() {
    Range r = new Range(0, true, 1, false);
    assertThat(r.checkNumber("k", 1)).isEqualTo(1.0);
    assertThat(r.checkNumber("k", 1e-9)).isEqualTo(1e-9);
    assertThatThrownBy(() -> r.checkNumber("k", 0))
        .hasMessage("k: must be a number greater than 0 and at most 1, not 0");
    assertThatThrownBy(() -> Range.POSITIVE.checkNumber("k", Double.POSITIVE_INFINITY))
        .hasMessageEndingWith("not Infinity");
    assertThatThrownBy(() -> Range.POSITIVE.checkNumber("k", "1"))
        .hasMessageEndingWith("not string \"1\"");
  }
}
