// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.CustomImage;
import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class JobStoreTest extends StoreTestBase {

  JobStore jobs;

  @BeforeEach
  void setUp() {
    jobs = database.jobs();
    project("p1");
    project("p2");
  }

  @Test
  void storesEveryField() {
    JobRecord j =
        JobRecord.pending(
            "j1",
            "p1",
            "Titanic",
            "{\"run_name\":\"Titanic\"}",
            "/data",
            8000,
            2000,
            null,
            new CustomImage("company/engine:1", new CustomImage.PullSecret("regcred")),
            1_000);
    jobs.insert(j);
    assertThat(jobs.get("j1")).contains(j);
  }

  @Test
  void keepsNamesAsLongAsTheServicesAllow() {
    // SQLite ignores VARCHAR lengths, PostgreSQL enforces them: both must take the longest name
    JobRecord j = JobRecord.pending("long", "p1", "n".repeat(500), "{}", "/b", 1, 1, null, null, 5);
    jobs.insert(j);
    assertThat(jobs.get("long").orElseThrow().name()).hasSize(500);
    database.projects().insert(new dev.rime.api.Project("lp", "p".repeat(200), "", 1, false), 1);
    assertThat(database.projects().get("lp").orElseThrow().name()).hasSize(200);
  }

  @Test
  void walksStatusesWithGuards() {
    pendingJob("j1", "p1", 1_000);
    assertThat(jobs.markSucceeded("j1", "r1", 5)).as("not running yet").isFalse();
    assertThat(jobs.markRunning("j1", 2_000)).isTrue();
    assertThat(jobs.markRunning("j1", 2_500)).as("already running").isFalse();
    jobs.setProcess("j1", 4242, 1_999L);
    jobs.updateProgress("j1", 3, 11);
    JobRecord running = jobs.get("j1").orElseThrow();
    assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.attempts()).isEqualTo(1);
    assertThat(running.processId()).isEqualTo(4242L);
    assertThat(running.testsCompleted()).isEqualTo(3);
    assertThat(running.testsTotal()).isEqualTo(11);

    assertThat(jobs.markSucceeded("j1", "run-1", 9_000)).isTrue();
    assertThat(jobs.markFailed("j1", "late", 9_500)).as("ended jobs stay ended").isFalse();
    assertThat(jobs.markCancelled("j1", 9_600)).isFalse();
    JobRecord done = jobs.get("j1").orElseThrow();
    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.testRunId()).isEqualTo("run-1");
    assertThat(done.testsCompleted()).isEqualTo(11);
    Job api = done.toApi(50_000);
    assertThat(api.runningTimeSecs()).isEqualTo(7.0);
    assertThat(api.startTimeSecs()).isEqualTo(2L);
    assertThat(api.endTimeSecs()).isEqualTo(9L);
  }

  @Test
  void failsAndCancelsOnlyOpenJobs() {
    pendingJob("a", "p1", 1);
    pendingJob("b", "p1", 2);
    assertThat(jobs.markFailed("a", "engine crashed: boom", 10)).isTrue();
    assertThat(jobs.get("a").orElseThrow().errorMessage()).isEqualTo("engine crashed: boom");
    assertThat(jobs.requestCancellation("b")).as("only RUNNING jobs are flagged").isFalse();
    assertThat(jobs.markCancelled("b", 11))
        .as("a PENDING job is cancelled with cancelPending")
        .isFalse();
    assertThat(jobs.cancelPending("b", 11)).isTrue();
    assertThat(jobs.get("b").orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(jobs.cancelPending("b", 12)).isFalse();
    pendingJob("c", "p1", 3);
    jobs.markRunning("c", 20);
    assertThat(jobs.cancelPending("c", 21)).as("a RUNNING job needs its process stopped").isFalse();
    assertThat(jobs.requestCancellation("c")).isTrue();
    assertThat(jobs.get("c").orElseThrow().cancellationRequested()).isTrue();
    assertThat(jobs.markCancelled("c", 22)).isTrue();
  }

  @Test
  void requeuesALostRunningJob() {
    pendingJob("j", "p1", 1);
    jobs.markRunning("j", 5);
    jobs.setProcess("j", 77, null);
    assertThat(jobs.requeue("j", "process lost")).isTrue();
    JobRecord j = jobs.get("j").orElseThrow();
    assertThat(j.status()).isEqualTo(JobStatus.PENDING);
    assertThat(j.processId()).isNull();
    assertThat(j.startedAtMillis()).isNull();
    assertThat(j.attempts()).isEqualTo(1);
    assertThat(j.errorMessage()).isEqualTo("process lost");
  }

  @Test
  void listsNewestFirstInPagesWithFilters() {
    for (int i = 0; i < 7; i++) {
      pendingJob("j" + i, i % 2 == 0 ? "p1" : "p2", 1_000 + i);
    }
    // two jobs created in the same millisecond are ordered by id
    pendingJob("k1", "p1", 1_006);
    jobs.markRunning("j6", 2_000);
    jobs.markRunning("j2", 2_000);
    jobs.markFailed("j2", "x", 3_000);

    List<String> all = collectIds(new JobQuery(Set.of(), null, null, 3, null));
    assertThat(all).containsExactly("k1", "j6", "j5", "j4", "j3", "j2", "j1", "j0");

    assertThat(collectIds(new JobQuery(Set.of(), "p2", null, 2, null)))
        .containsExactly("j5", "j3", "j1");
    assertThat(
            collectIds(
                new JobQuery(Set.of(JobStatus.RUNNING, JobStatus.FAILING), null, null, 10, null)))
        .containsExactly("j6", "j2");
    assertThat(collectIds(new JobQuery(Set.of(), "p1", 1_004L, 10, null)))
        .containsExactly("k1", "j6");
  }

  @Test
  void listsTheQueueOldestFirst() {
    pendingJob("late", "p1", 20);
    pendingJob("early", "p1", 10);
    pendingJob("other", "p1", 15);
    jobs.markRunning("other", 30);
    assertThat(jobs.listByStatus(JobStatus.PENDING))
        .extracting(JobRecord::jobId)
        .containsExactly("early", "late");
    assertThat(jobs.listByStatus(JobStatus.PENDING, JobStatus.RUNNING))
        .extracting(JobRecord::jobId)
        .containsExactly("early", "other", "late");
  }

  private List<String> collectIds(JobQuery first) {
    List<String> ids = new ArrayList<>();
    JobQuery q = first;
    while (true) {
      JobPage page = jobs.list(q);
      assertThat(page.jobs().size()).isLessThanOrEqualTo(q.pageSize());
      page.jobs().forEach(j -> ids.add(j.jobId()));
      if (page.next() == null) {
        return ids;
      }
      q =
          new JobQuery(
              q.statuses(), q.projectId(), q.createdAfterMillis(), q.pageSize(), page.next());
    }
  }
}
