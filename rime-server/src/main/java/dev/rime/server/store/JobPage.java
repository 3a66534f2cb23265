// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import java.util.List;

/** One page of jobs and the cursor of the next page (null on the last page). */
public record JobPage(List<JobRecord> jobs, JobQuery.Cursor next) {}
