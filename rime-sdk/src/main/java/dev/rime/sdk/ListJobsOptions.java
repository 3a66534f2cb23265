// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.JobStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Which page of jobs {@link RimeClient#listJobs(ListJobsOptions)} asks for: filters (statuses,
 * project, created after) and paging (page size, page token). Every option is optional; the
 * defaults are all jobs, the first page, the server's page size (100).
 *
 * <pre>{@code
 * ListJobsOptions options = ListJobsOptions.builder()
 *     .statuses(JobStatus.RUNNING, JobStatus.PENDING)
 *     .pageSize(20)
 *     .build();
 * JobPage page = client.listJobs(options);
 * while (page.hasNextPage()) {
 *   page = client.listJobs(options.toBuilder().pageToken(page.nextPageToken()).build());
 * }
 * }</pre>
 */
public final class ListJobsOptions {

  /** Largest page the contract allows. */
  public static final int MAX_PAGE_SIZE = 1000;

  private static final ListJobsOptions DEFAULTS = builder().build();

  private final List<JobStatus> statuses;
  private final String projectId;
  private final Instant createdAfter;
  private final Integer pageSize;
  private final String pageToken;

  private ListJobsOptions(Builder b) {
    this.statuses = List.copyOf(b.statuses);
    this.projectId = b.projectId;
    this.createdAfter = b.createdAfter;
    this.pageSize = b.pageSize;
    this.pageToken = b.pageToken;
  }

  /** A builder with every option unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** All jobs, first page, the server's page size. */
  public static ListJobsOptions defaults() {
    return DEFAULTS;
  }

  /** A builder holding these options, e.g. to ask for the next page. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.statuses.addAll(statuses);
    b.projectId = projectId;
    b.createdAfter = createdAfter;
    b.pageSize = pageSize;
    b.pageToken = pageToken;
    return b;
  }

  /** Keep jobs with any of these statuses; empty keeps all. */
  public List<JobStatus> statuses() {
    return statuses;
  }

  /** Keep jobs of this project; null keeps all. */
  public String projectId() {
    return projectId;
  }

  /** Keep jobs created after this instant (second precision); null keeps all. */
  public Instant createdAfter() {
    return createdAfter;
  }

  /** Jobs per page, or null for the server's default. */
  public Integer pageSize() {
    return pageSize;
  }

  /** The token of the page to get (from {@link JobPage#nextPageToken()}); null for the first. */
  public String pageToken() {
    return pageToken;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ListJobsOptions)) {
      return false;
    }
    ListJobsOptions other = (ListJobsOptions) o;
    return statuses.equals(other.statuses)
        && Objects.equals(projectId, other.projectId)
        && Objects.equals(createdAfter, other.createdAfter)
        && Objects.equals(pageSize, other.pageSize)
        && Objects.equals(pageToken, other.pageToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statuses, projectId, createdAfter, pageSize, pageToken);
  }

  @Override
  public String toString() {
    return "ListJobsOptions[statuses="
        + statuses
        + ", projectId="
        + projectId
        + ", createdAfter="
        + createdAfter
        + ", pageSize="
        + pageSize
        + ", pageToken="
        + pageToken
        + "]";
  }

  /** Builds {@link ListJobsOptions}. */
  public static final class Builder {
    private final LinkedHashSet<JobStatus> statuses = new LinkedHashSet<>();
    private String projectId;
    private Instant createdAfter;
    private Integer pageSize;
    private String pageToken;

    private Builder() {}

    /** Keep jobs with any of these statuses (replaces earlier ones; none keeps all). */
    public Builder statuses(JobStatus... statuses) {
      return statuses(Arrays.asList(statuses));
    }

    /** Keep jobs with any of these statuses (replaces earlier ones; empty keeps all). */
    public Builder statuses(Collection<JobStatus> statuses) {
      this.statuses.clear();
      for (JobStatus s : statuses) {
        this.statuses.add(Objects.requireNonNull(s, "statuses must not contain null"));
      }
      return this;
    }

    /** Keep jobs of this project (null: all projects). */
    public Builder projectId(String projectId) {
      this.projectId = projectId;
      return this;
    }

    /** Keep jobs created after this instant (null: no bound). */
    public Builder createdAfter(Instant createdAfter) {
      this.createdAfter = createdAfter;
      return this;
    }

    /**
     * Jobs per page.
     *
     * @throws IllegalArgumentException outside 1..{@value ListJobsOptions#MAX_PAGE_SIZE}
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException(
            "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** The page to get: a {@link JobPage#nextPageToken()} (null or empty: the first page). */
    public Builder pageToken(String pageToken) {
      this.pageToken = pageToken == null || pageToken.isEmpty() ? null : pageToken;
      return this;
    }

    /** The options. */
    public ListJobsOptions build() {
      return new ListJobsOptions(this);
    }
  }
}
