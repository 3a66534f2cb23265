// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.List;

/** One page of {@code listJobs}, newest first. {@code nextPageToken} is empty on the last page. */
public record ListJobsResponse(List<Job> jobs, String nextPageToken) {}
