// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import dev.rime.api.JobProgress;
import dev.rime.api.JobStatus;
import dev.rime.api.result.ContinuousRunResult;
import dev.rime.api.result.TestRunResult;
import dev.rime.server.store.Database;
import dev.rime.server.store.JobRecord;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves jobs through their lives: admits PENDING jobs in the order they came, as long as their CPU
 * and RAM requests fit what the executor has free (the first that does not fit waits, and those
 * behind it wait too, so big jobs are not starved); follows running jobs' progress; and when a
 * job's process ends, stores its result and its status in one transaction.
 *
 * <p>Everything that changes a job happens on one scheduler thread, so the store sees one writer
 * per job. The API thread only cancels PENDING jobs directly (a conditional update) and asks the
 * scheduler to stop RUNNING ones.
 *
 * <p>On start it reconciles jobs the store says are RUNNING: a job whose process still runs is
 * followed again; one that finished while the server was away is completed from what it left; one
 * whose process is gone without a word is queued again, once, then failed with the reason.
 */
public final class JobScheduler implements AutoCloseable {

  /** Attempts a job gets when its process is lost (server stopped or machine restarted). */
  public static final int MAX_ATTEMPTS = 2;

  private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

  private final Database database;
  private final JobExecutor executor;
  private final Clock clock;
  private final ScheduledExecutorService loop;
  private final Map<String, Tracked> tracked = new LinkedHashMap<>();
  private boolean reconciling;

  private record Tracked(JobRecord job, RunningJob run, JobProgress lastProgress) {}

  public JobScheduler(Database database, JobExecutor executor, Clock clock) {
    this.database = database;
    this.executor = executor;
    this.clock = clock;
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rime-scheduler");
              t.setDaemon(true);
              return t;
            });
  }

  /** Reconciles jobs left RUNNING, then starts admitting and following jobs. */
  public void start() {
    runOnLoop(this::reconcile);
    loop.scheduleWithFixedDelay(this::tick, 0, 500, TimeUnit.MILLISECONDS);
  }

  /** Asks for an admission round now (a job was queued or capacity freed). */
  public void wake() {
    loop.execute(this::tick);
  }

  /**
   * Cancels a job: a PENDING one at once, a RUNNING one by stopping its process (it then ends
   * CANCELLED). An ended job is left as it is.
   */
  public void cancel(String jobId) {
    if (database.jobs().cancelPending(jobId, clock.millis())) {
      return;
    }
    if (database.jobs().requestCancellation(jobId)) {
      loop.execute(
          () -> {
            Tracked t = tracked.get(jobId);
            if (t != null) {
              t.run().stop();
            }
          });
    }
  }

  /** Stops scheduling. Running job processes are left running; a restarted server finds them. */
  @Override
  public void close() {
    loop.shutdownNow();
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops every running job's process (tests and a deliberate full shutdown). */
  public void stopRunningJobs() {
    runOnLoop(() -> tracked.values().forEach(t -> t.run().stop()));
  }

  private void reconcile() {
    // admit nothing until every survivor is followed again and counted against capacity
    reconciling = true;
    try {
      reconcileRunningJobs();
    } finally {
      reconciling = false;
    }
  }

  private void reconcileRunningJobs() {
    for (JobRecord job : database.jobs().listByStatus(JobStatus.RUNNING)) {
      Optional<RunningJob> run = executor.reattach(job);
      if (run.isPresent()) {
        LOG.info(
            "job {} is still running (pid {}); following it again", job.jobId(), run.get().pid());
        follow(job, run.get());
        if (job.cancellationRequested()) {
          run.get().stop();
        }
      } else if (executor.finished(job.jobId())) {
        LOG.info("job {} finished while the server was away; completing it", job.jobId());
        complete(job.jobId(), null);
      } else if (job.cancellationRequested()) {
        database.jobs().markCancelled(job.jobId(), clock.millis());
      } else if (job.attempts() < MAX_ATTEMPTS) {
        String reason =
            "re-queued: its process (attempt "
                + job.attempts()
                + ") was lost when the server stopped";
        LOG.warn("job {} {}", job.jobId(), reason);
        database.jobs().requeue(job.jobId(), reason);
      } else {
        database
            .jobs()
            .markFailed(
                job.jobId(),
                "the job's process was lost when the server stopped, "
                    + job.attempts()
                    + " times; not trying again",
                clock.millis());
      }
    }
  }

  private void tick() {
    try {
      followProgress();
      admit();
    } catch (RuntimeException e) {
      LOG.error("scheduler round failed; trying again shortly", e);
    }
  }

  private void admit() {
    Capacity free = free();
    for (JobRecord job : database.jobs().listByStatus(JobStatus.PENDING)) {
      Optional<JobExecutor.Refusal> refusal = executor.refuse(job);
      if (refusal.isPresent()) {
        database.jobs().markFailed(job.jobId(), refusal.get().message(), clock.millis());
        continue;
      }
      if (!free.fits(job.cpuRequestMillicores(), job.ramRequestMb())) {
        return; // first come, first served: later jobs wait behind this one
      }
      if (!database.jobs().markRunning(job.jobId(), clock.millis())) {
        continue; // cancelled meanwhile
      }
      JobRecord running = database.jobs().get(job.jobId()).orElseThrow();
      try {
        RunningJob run = executor.launch(running);
        database.jobs().setProcess(job.jobId(), run.pid(), run.startMillis());
        LOG.info(
            "job {} started (pid {}, {} MB, {} millicores requested)",
            job.jobId(),
            run.pid(),
            job.ramRequestMb(),
            job.cpuRequestMillicores());
        follow(running, run);
        free = free.minus(job.cpuRequestMillicores(), job.ramRequestMb());
      } catch (Exception e) {
        LOG.error("job {} could not start", job.jobId(), e);
        database
            .jobs()
            .markFailed(job.jobId(), "could not start the job's process: " + e, clock.millis());
      }
    }
  }

  private void follow(JobRecord job, RunningJob run) {
    tracked.put(job.jobId(), new Tracked(job, run, null));
    run.exited().whenComplete((v, e) -> loop.execute(() -> complete(job.jobId(), run)));
  }

  private void followProgress() {
    for (Map.Entry<String, Tracked> e : tracked.entrySet()) {
      Tracked t = e.getValue();
      Optional<JobProgress> p = executor.progress(e.getKey());
      if (p.isPresent() && !p.get().equals(t.lastProgress())) {
        database.jobs().updateProgress(e.getKey(), p.get().testsCompleted(), p.get().testsTotal());
        e.setValue(new Tracked(t.job(), t.run(), p.get()));
      }
    }
  }

  /** Records how a job ended. {@code run} is null when the process ended while we were away. */
  private void complete(String jobId, RunningJob run) {
    tracked.remove(jobId);
    try {
      JobRecord job = database.jobs().get(jobId).orElseThrow();
      long now = clock.millis();
      if (job.status() != JobStatus.RUNNING) {
        return;
      }
      if (job.cancellationRequested() && !executor.finished(jobId)) {
        // a job that wrote its final word before the stop took effect keeps its outcome
        database.jobs().markCancelled(jobId, now);
        LOG.info("job {} cancelled", jobId);
        return;
      }
      Optional<String> stopped = run == null ? Optional.empty() : run.stoppedBecause();
      if (stopped.isPresent()) {
        database.jobs().markFailed(jobId, stopped.get(), now);
        return;
      }
      executor
          .progress(jobId)
          .ifPresent(
              p -> database.jobs().updateProgress(jobId, p.testsCompleted(), p.testsTotal()));
      JobOutcome outcome = executor.outcome(jobId);
      if (outcome instanceof JobOutcome.Succeeded s) {
        storeResult(job, s.result(), now);
      } else if (outcome instanceof JobOutcome.ContinuousSucceeded c) {
        storeContinuousResult(job, c.result(), now);
      } else if (outcome instanceof JobOutcome.Failed f) {
        database.jobs().markFailed(jobId, f.message(), now);
        LOG.info("job {} failed: {}", jobId, firstLine(f.message()));
      }
    } catch (RuntimeException e) {
      LOG.error("could not complete job {}", jobId, e);
      database
          .jobs()
          .markFailed(jobId, "the server could not record the job's end: " + e, clock.millis());
    } finally {
      if (!reconciling) {
        tick(); // capacity was freed
      }
    }
  }

  private void storeResult(JobRecord job, TestRunResult result, long now) {
    String testRunId = UUID.randomUUID().toString();
    try {
      database
          .db()
          .inTransaction(
              () -> {
                database
                    .testRuns()
                    .insert(
                        result.summary().withIds(testRunId, job.jobId(), job.projectId()),
                        result.testCases(),
                        now);
                if (!database.jobs().markSucceeded(job.jobId(), testRunId, now)) {
                  throw new IllegalStateException("job " + job.jobId() + " is no longer running");
                }
              });
      LOG.info("job {} succeeded: test run {}", job.jobId(), testRunId);
    } catch (RuntimeException e) {
      LOG.error("could not store the result of job {}", job.jobId(), e);
      database
          .jobs()
          .markFailed(job.jobId(), "the server could not store the job's result: " + e, now);
    }
  }

  private void storeContinuousResult(JobRecord job, ContinuousRunResult result, long now) {
    try {
      long t0 = System.nanoTime();
      new ContinuousResults(database).store(job, result, now);
      LOG.info(
          "continuous test job {} succeeded: {} bins stored in {} ms",
          job.jobId(),
          result.bins().size(),
          (System.nanoTime() - t0) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.error("could not store the result of continuous test job {}", job.jobId(), e);
      database
          .jobs()
          .markFailed(job.jobId(), "the server could not store the job's result: " + e, now);
    }
  }

  private Capacity free() {
    Capacity free = executor.capacity();
    for (Tracked t : tracked.values()) {
      free = free.minus(t.job().cpuRequestMillicores(), t.job().ramRequestMb());
    }
    return free;
  }

  private void runOnLoop(Runnable r) {
    callOnLoop(
        () -> {
          r.run();
          return null;
        });
  }

  private <T> T callOnLoop(java.util.concurrent.Callable<T> c) {
    try {
      return loop.submit(c).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
