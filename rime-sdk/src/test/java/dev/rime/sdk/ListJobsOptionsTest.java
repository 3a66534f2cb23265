// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.JobStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListJobsOptionsTest {

  @Test
  void defaults_ask_for_everything() {
    ListJobsOptions d = ListJobsOptions.defaults();

    assertThat(d.statuses()).isEmpty();
    assertThat(d.projectId()).isNull();
    assertThat(d.createdAfter()).isNull();
    assertThat(d.pageSize()).isNull();
    assertThat(d.pageToken()).isNull();
  }

  @Test
  void statuses_keep_their_order_without_repeats() {
    ListJobsOptions o =
        ListJobsOptions.builder()
            .statuses(JobStatus.SUCCEEDED, JobStatus.RUNNING, JobStatus.SUCCEEDED)
            .build();

    assertThat(o.statuses()).containsExactly(JobStatus.SUCCEEDED, JobStatus.RUNNING);
  }

  @Test
  void to_builder_asks_for_the_next_page() {
    ListJobsOptions first =
        ListJobsOptions.builder()
            .statuses(List.of(JobStatus.RUNNING))
            .projectId("p1")
            .createdAfter(Instant.ofEpochSecond(100))
            .pageSize(10)
            .build();

    ListJobsOptions second = first.toBuilder().pageToken("t2").build();

    assertThat(second.pageToken()).isEqualTo("t2");
    assertThat(second.statuses()).containsExactly(JobStatus.RUNNING);
    assertThat(second.projectId()).isEqualTo("p1");
    assertThat(second.pageSize()).isEqualTo(10);
    assertThat(second.toBuilder().pageToken("").build()).isEqualTo(first);
  }

  @Test
  void page_size_must_be_within_the_contracts_bounds() {
    assertThatThrownBy(() -> ListJobsOptions.builder().pageSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must be between 1 and 1000, got 0");
    assertThatThrownBy(() -> ListJobsOptions.builder().pageSize(1001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ListJobsOptions.builder().pageSize(1000).build().pageSize()).isEqualTo(1000);
  }
}
