// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Job;
import java.util.List;

/**
 * One page of {@link RimeClient#listJobs(ListJobsOptions)}, newest job first.
 *
 * @param jobs the jobs of this page, every field as the server reports it
 * @param nextPageToken the token of the next page; empty on the last page
 */
public record JobPage(List<Job> jobs, String nextPageToken) {

  /** Copies {@code jobs}; a null token becomes empty. */
  public JobPage {
    jobs = jobs == null ? List.of() : List.copyOf(jobs);
    nextPageToken = nextPageToken == null ? "" : nextPageToken;
  }

  /** Whether there is a page after this one. */
  public boolean hasNextPage() {
    return !nextPageToken.isEmpty();
  }
}
