// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.JobStatus;
import java.util.Set;

/**
 * A page request for {@link JobStore#list}: jobs with any of {@code statuses} (all when empty), of
 * one project (all when null), created after a time (none when null), newest first, starting after
 * the cursor (from the start when null).
 */
public record JobQuery(
    Set<JobStatus> statuses,
    String projectId,
    Long createdAfterMillis,
    int pageSize,
    Cursor after) {

  /** Position in the newest-first order: the last job of the previous page. */
  public record Cursor(long createdAtMillis, String jobId) {}
}
