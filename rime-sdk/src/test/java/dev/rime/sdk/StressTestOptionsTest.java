// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.CustomImage;
import org.junit.jupiter.api.Test;

class StressTestOptionsTest {

  @Test
  void defaults_leave_everything_to_the_server() {
    StressTestOptions d = StressTestOptions.defaults();

    assertThat(d.projectId()).isNull();
    assertThat(d.rimeManagedImage()).isNull();
    assertThat(d.customImage()).isNull();
    assertThat(d.ramRequestMegabytes()).isNull();
    assertThat(d.cpuRequestMillicores()).isNull();
    assertThat(d).isEqualTo(StressTestOptions.builder().build());
  }

  @Test
  void holds_what_was_set() {
    StressTestOptions o =
        StressTestOptions.builder()
            .projectId("p1")
            .rimeManagedImage("xgboost102")
            .ramRequestMegabytes(8000)
            .cpuRequestMillicores(2000)
            .build();

    assertThat(o.projectId()).isEqualTo("p1");
    assertThat(o.rimeManagedImage()).isEqualTo("xgboost102");
    assertThat(o.ramRequestMegabytes()).isEqualTo(8000);
    assertThat(o.cpuRequestMillicores()).isEqualTo(2000);
    assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
    assertThat(o.toBuilder().projectId("p2").build()).isNotEqualTo(o);
    assertThat(o.toString()).contains("projectId=p1", "ramRequestMegabytes=8000");
  }

  @Test
  void both_images_are_refused_at_build_time() {
    StressTestOptions.Builder b =
        StressTestOptions.builder()
            .rimeManagedImage("tensorflow115")
            .customImage(CustomImage.of("company/engine:1"));

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot specify both custom_image and rime_managed_image");
  }

  @Test
  void resources_must_be_positive() {
    assertThatThrownBy(() -> StressTestOptions.builder().ramRequestMegabytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ramRequestMegabytes must be positive, got 0");
    assertThatThrownBy(() -> StressTestOptions.builder().cpuRequestMillicores(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cpuRequestMillicores must be positive, got -5");
  }
}
