// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.Severity;
import dev.rime.engine.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

  @Test
  void ascendingSeverityIsTheHighestThresholdReached() {
    Thresholds t = Thresholds.of(0.01, 0.05, 0.1);
    assertThat(t.severity(0.0)).isEqualTo(Severity.NONE);
    assertThat(t.severity(0.00999)).isEqualTo(Severity.NONE);
    assertThat(t.severity(0.01)).isEqualTo(Severity.LOW);
    assertThat(t.severity(0.05)).isEqualTo(Severity.MEDIUM);
    assertThat(t.severity(0.0999)).isEqualTo(Severity.MEDIUM);
    assertThat(t.severity(0.1)).isEqualTo(Severity.HIGH);
    assertThat(t.severity(7)).isEqualTo(Severity.HIGH);
  }

  @Test
  void rimeWorkedExamples() {
    // RIME docs: PSI thresholds (0.1, 0.2, 0.3), PSI 0.201 -> medium.
    assertThat(Thresholds.of(0.1, 0.2, 0.3).severity(0.201)).isEqualTo(Severity.MEDIUM);
    // Subset accuracy (0.001, 0.02, 0.1), worst diff 0.0399 -> medium.
    assertThat(Thresholds.of(0.001, 0.02, 0.1).severity(0.0399)).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void descendingFloorsJudgeValuesBelow() {
    Thresholds f = Thresholds.floors(0.8, 0.7, 0.6);
    assertThat(f.severity(0.85)).isEqualTo(Severity.NONE);
    assertThat(f.severity(0.8)).isEqualTo(Severity.NONE);
    assertThat(f.severity(0.79)).isEqualTo(Severity.LOW);
    assertThat(f.severity(0.65)).isEqualTo(Severity.MEDIUM);
    assertThat(f.severity(0.5)).isEqualTo(Severity.HIGH);
  }

  @Test
  void fromJsonRejectsBadLists() {
    assertThat(Thresholds.fromJson("k", List.of(1, 2, 3), false).toList())
        .containsExactly(1.0, 2.0, 3.0);
    assertThatThrownBy(() -> Thresholds.fromJson("k", List.of(1, 2), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("k: must be a list of 3 ascending numbers");
    assertThatThrownBy(() -> Thresholds.fromJson("k", List.of(3, 2, 1), false))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> Thresholds.fromJson("k", List.of(1, "x", 3), false))
        .isInstanceOf(ConfigException.class);
  }
}
