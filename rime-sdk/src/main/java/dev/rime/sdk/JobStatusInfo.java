// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.api.JobType;

/**
 * The status of a job as {@link StressTestJob#getStatus(boolean, boolean, double)} returns it: the
 * seed's dictionary {@code {name, type, status, start_time_secs, running_time_secs}}. For every
 * field of the job, see {@link StressTestJob#job()}.
 *
 * @param name the job's name
 * @param type the job's type
 * @param status the job's status
 * @param startTimeSecs when the job started, seconds since the epoch; null while it is pending
 * @param runningTimeSecs seconds from the start until now, or until the end once the job has ended
 */
public record JobStatusInfo(
    String name, JobType type, JobStatus status, Long startTimeSecs, double runningTimeSecs) {

  static JobStatusInfo of(Job job) {
    return new JobStatusInfo(
        job.name(), job.type(), job.status(), job.startTimeSecs(), job.runningTimeSecs());
  }
}
