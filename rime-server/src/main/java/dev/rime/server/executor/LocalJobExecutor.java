// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import dev.rime.api.JobProgress;
import dev.rime.api.JobType;
import dev.rime.api.Json;
import dev.rime.api.result.ContinuousRunResult;
import dev.rime.api.result.TestRunResult;
import dev.rime.engine.JobFolder;
import dev.rime.server.store.JobRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each job in a child JVM on this machine, so a crash or runaway memory in a job never takes
 * the server down.
 *
 * <p>Job folder {@code <jobs>/<job id>/} ({@link JobFolder}): the server writes {@code config.json}
 * ({@code test_run_config}, {@code base_dir}, and {@code python} for a job in a managed image); the
 * child writes {@code progress.json} as it goes, then {@code result.json} and last {@code
 * exit.json} ({@code {"status":"SUCCEEDED"}} or {@code {"status":"FAILED","error":...}}); stdout
 * and stderr go to {@code job.log}. Because everything a job leaves is in files, a restarted server
 * can pick up a job that finished, or is still running, while it was away.
 *
 * <p>Limits: the job may use twice what it requested. Memory is held by the child's heap limit
 * (half the limit), DuckDB's memory limit (three tenths), a watchdog that stops the job when its
 * process tree's resident memory passes the limit, and by cgroup v2 where it is writable. CPU is
 * held by the JVM's and DuckDB's thread counts, and by cgroup v2's {@code cpu.max} where available.
 */
public final class LocalJobExecutor implements JobExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(LocalJobExecutor.class);

  /** util-linux's setsid where there is one (it execs in place, so the pid stays the job's). */
  private static final String SETSID =
      java.util.stream.Stream.of("/usr/bin/setsid", "/bin/setsid")
          .filter(p -> Files.isExecutable(Path.of(p)))
          .findFirst()
          .orElse(null);

  /** How the child JVM is started. */
  public record Settings(
      Path jobsDir,
      Capacity capacity,
      String javaCommand,
      String classpath,
      String mainClass,
      List<String> extraJvmArgs,
      Duration watchInterval,
      boolean useCgroups) {

    /** Children run the engine's job main on this JVM's own java and class path. */
    public static Settings defaults(Path jobsDir, Capacity capacity) {
      return new Settings(
          jobsDir,
          capacity,
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          absoluteClassPath(System.getProperty("java.class.path")),
          "dev.rime.engine.JobMain",
          List.of(),
          Duration.ofMillis(500),
          true);
    }

    /**
     * The class path with every entry made absolute: children start in their job folder, where a
     * relative entry (as in {@code java -jar rime.jar}) would point nowhere.
     */
    static String absoluteClassPath(String classPath) {
      return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
          .filter(e -> !e.isEmpty())
          .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
          .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    public Settings withMainClass(String mainClass) {
      return new Settings(
          jobsDir,
          capacity,
          javaCommand,
          classpath,
          mainClass,
          extraJvmArgs,
          watchInterval,
          useCgroups);
    }

    public Settings withExtraJvmArgs(List<String> args) {
      return new Settings(
          jobsDir,
          capacity,
          javaCommand,
          classpath,
          mainClass,
          List.copyOf(args),
          watchInterval,
          useCgroups);
    }
  }

  private final Settings settings;
  private final Optional<CgroupV2> cgroups;
  private final ScheduledExecutorService watchdog;
  private final Map<String, LocalRunningJob> running = new ConcurrentHashMap<>();
  private volatile java.util.function.Function<String, Path> managedImagePythons =
      name -> {
        throw new IllegalStateException(
            "this executor has no managed images; cannot run in '" + name + "'");
      };

  /**
   * @throws IllegalArgumentException when the java command to start jobs with is not executable
   */
  public LocalJobExecutor(Settings settings) {
    if (!Files.isExecutable(Path.of(settings.javaCommand()))) {
      throw new IllegalArgumentException(
          "cannot start jobs: the java command " + settings.javaCommand() + " is not executable");
    }
    this.settings = settings;
    this.cgroups =
        settings.useCgroups()
            ? CgroupV2.detect(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"))
            : Optional.empty();
    if (cgroups.isEmpty()) {
      LOG.info(
          "cgroup v2 limits not available here; job memory is held by heap limits and an RSS"
              + " watchdog");
    }
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rime-job-watchdog");
              t.setDaemon(true);
              return t;
            });
    long ms = settings.watchInterval().toMillis();
    watchdog.scheduleWithFixedDelay(this::watchMemory, ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public String name() {
    return "local";
  }

  /**
   * How a job's managed image becomes the python its Python models run with: image name to the
   * python of its environment, or an {@link IllegalStateException} saying why it cannot run jobs.
   */
  public void useManagedImages(java.util.function.Function<String, Path> pythonOfImage) {
    this.managedImagePythons = java.util.Objects.requireNonNull(pythonOfImage);
  }

  @Override
  public Capacity capacity() {
    return settings.capacity();
  }

  @Override
  public Optional<Refusal> refuse(JobRecord job) {
    if (job.customImageName() != null) {
      return Optional.of(
          new Refusal(
              "the local executor runs jobs as processes on this machine and cannot run the"
                  + " container image '"
                  + job.customImageName()
                  + "'; custom images need the Kubernetes executor",
              "custom_image"));
    }
    Capacity c = settings.capacity();
    if (job.cpuRequestMillicores() > c.cpuMillicores()) {
      return Optional.of(
          new Refusal(
              "the job requests "
                  + job.cpuRequestMillicores()
                  + " millicores but this executor has "
                  + c.cpuMillicores()
                  + " in all; it could never start",
              "cpu_request_millicores"));
    }
    if (job.ramRequestMb() > c.ramMegabytes()) {
      return Optional.of(
          new Refusal(
              "the job requests "
                  + job.ramRequestMb()
                  + " MB of RAM but this executor has "
                  + c.ramMegabytes()
                  + " MB in all; it could never start",
              "ram_request_megabytes"));
    }
    return Optional.empty();
  }

  @Override
  public RunningJob launch(JobRecord job) throws IOException {
    Path dir = jobDir(job.jobId());
    Files.createDirectories(dir.resolve("tmp"));
    // a retried job starts clean: outputs of an earlier attempt must not be read as this one's
    for (String name : List.of(JobFolder.PROGRESS, JobFolder.RESULT, JobFolder.EXIT)) {
      Files.deleteIfExists(dir.resolve(name));
    }
    Map<String, Object> config = new LinkedHashMap<>();
    if (job.type() == JobType.FIREWALL_BATCH_TEST) {
      config.putAll(ContinuousJobConfig.parse(job.configJson()).engineSections());
    } else {
      config.put("test_run_config", Json.lenient().readValue(job.configJson(), Json.MAP));
    }
    config.put("base_dir", job.baseDir());
    if (job.managedImage() != null) {
      config.put("python", managedImagePythons.apply(job.managedImage()).toString());
    }
    JobFolder.writeAtomically(
        dir.resolve(JobFolder.CONFIG), Json.lenient().writeValueAsString(config));

    int limitMb = 2 * job.ramRequestMb();
    int limitMillicores = 2 * job.cpuRequestMillicores();
    int cores =
        Math.max(
            1,
            Math.min(
                Runtime.getRuntime().availableProcessors(),
                (int) Math.ceil(limitMillicores / 1000.0)));
    List<String> cmd = new ArrayList<>();
    if (SETSID != null) {
      // its own session: a Ctrl-C at the server's terminal must not reach running jobs, which a
      // restarted server follows again
      cmd.add(SETSID);
    }
    cmd.add(settings.javaCommand());
    cmd.add("-Xmx" + Math.max(128, limitMb / 2) + "m");
    cmd.add("-XX:MaxDirectMemorySize=" + Math.max(64, limitMb / 10) + "m");
    cmd.add("-XX:ActiveProcessorCount=" + cores);
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-Djava.io.tmpdir=" + dir.resolve("tmp"));
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add("-Drime.duckdb.threads=" + cores);
    cmd.add("-Drime.duckdb.memory_limit_mb=" + Math.max(128, limitMb * 3 / 10));
    cmd.add("-Drime.job.id=" + job.jobId());
    cmd.addAll(settings.extraJvmArgs());
    // the class path goes in CLASSPATH, not -cp: ONNX Runtime 1.29.0 crashes (SIGSEGV) creating
    // its environment in a process whose command line is longer than about 4 KB (ADR 0015)
    cmd.add(settings.mainClass());
    cmd.add(dir.toString());

    Path log = dir.resolve(JobFolder.LOG);
    Files.writeString(
        log,
        "[rime] attempt "
            + job.attempts()
            + " of job "
            + job.jobId()
            + " starting at "
            + Instant.now()
            + " (limits: "
            + limitMb
            + " MB, "
            + limitMillicores
            + " millicores)\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("RIME_JOB_ID", job.jobId());
    pb.environment().put("CLASSPATH", settings.classpath());
    Process process = pb.start();
    Optional<Path> group =
        cgroups.flatMap(c -> c.confine(job.jobId(), process.pid(), limitMb, limitMillicores));
    LocalRunningJob r =
        new LocalRunningJob(job.jobId(), process.toHandle(), process, limitMb, group, this::forget);
    running.put(job.jobId(), r);
    return r;
  }

  @Override
  public Optional<RunningJob> reattach(JobRecord job) {
    if (job.processId() == null) {
      return Optional.empty();
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(job.processId());
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return Optional.empty();
    }
    Long recorded = job.processStartMillis();
    Long actual = startMillis(handle.get());
    if (recorded != null && actual != null && Math.abs(recorded - actual) > 2_000) {
      return Optional.empty(); // the id now belongs to another process
    }
    LocalRunningJob r =
        new LocalRunningJob(
            job.jobId(),
            handle.get(),
            null,
            2 * job.ramRequestMb(),
            Optional.empty(),
            this::forget);
    running.put(job.jobId(), r);
    return Optional.of(r);
  }

  @Override
  public JobOutcome outcome(String jobId) {
    Path dir = jobDir(jobId);
    Path exit = dir.resolve(JobFolder.EXIT);
    if (!Files.isRegularFile(exit)) {
      Integer code = exitCodes.remove(jobId);
      String tail = logs(jobId, 20);
      String why =
          tail.contains("OutOfMemoryError")
              ? "the job ran out of memory (its JVM may use half of its limit of twice the RAM"
                  + " requested); request more RAM with ram_request_megabytes. "
              : "";
      return new JobOutcome.Failed(
          why
              + "the job's process ended"
              + (code == null ? "" : " with exit code " + code)
              + " without writing a result; last log lines:\n"
              + tail);
    }
    exitCodes.remove(jobId);
    try {
      Map<String, Object> status = Json.lenient().readValue(exit.toFile(), Json.MAP);
      if ("SUCCEEDED".equals(status.get("status"))) {
        if (isContinuous(dir)) {
          return new JobOutcome.ContinuousSucceeded(
              Json.lenient()
                  .readValue(dir.resolve(JobFolder.RESULT).toFile(), ContinuousRunResult.class));
        }
        TestRunResult result =
            Json.lenient().readValue(dir.resolve(JobFolder.RESULT).toFile(), TestRunResult.class);
        return new JobOutcome.Succeeded(result);
      }
      Object error = status.get("error");
      return new JobOutcome.Failed(
          error == null ? "the engine failed without a message" : error.toString());
    } catch (RuntimeException e) {
      return new JobOutcome.Failed(
          "the engine's output in " + dir + " is unreadable: " + e.getMessage());
    }
  }

  /** Whether the job in {@code dir} is a continuous test (its config has a continuous section). */
  private static boolean isContinuous(Path dir) {
    Map<String, Object> config =
        Json.lenient().readValue(dir.resolve(JobFolder.CONFIG).toFile(), Json.MAP);
    return config.get("continuous") != null;
  }

  @Override
  public boolean finished(String jobId) {
    return Files.isRegularFile(jobDir(jobId).resolve(JobFolder.EXIT));
  }

  @Override
  public Optional<JobProgress> progress(String jobId) {
    Path p = jobDir(jobId).resolve(JobFolder.PROGRESS);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.lenient().readValue(p.toFile(), JobProgress.class));
    } catch (RuntimeException e) {
      return Optional.empty(); // being replaced right now; read it next time
    }
  }

  @Override
  public String logs(String jobId, Integer tailLines) {
    Path log = jobDir(jobId).resolve(JobFolder.LOG);
    if (!Files.isRegularFile(log)) {
      return "";
    }
    try {
      if (tailLines == null) {
        return Files.readString(log, StandardCharsets.UTF_8);
      }
      return tail(log, tailLines);
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** The folder of one job. */
  public Path jobDir(String jobId) {
    return settings.jobsDir().resolve(jobId);
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  private final Map<String, Integer> exitCodes = new ConcurrentHashMap<>();

  private void forget(LocalRunningJob r) {
    if (r.process != null) {
      exitCodes.put(r.jobId, r.process.exitValue());
    }
    running.remove(r.jobId, r);
    r.cgroup.ifPresent(g -> cgroups.ifPresent(c -> c.release(g)));
  }

  private void watchMemory() {
    if (!ProcessMemory.available()) {
      return;
    }
    for (LocalRunningJob r : running.values()) {
      try {
        OptionalLong rss = ProcessMemory.treeRssMb(r.handle);
        if (rss.isPresent() && rss.getAsLong() > r.limitMb) {
          r.kill(
              "the job used "
                  + rss.getAsLong()
                  + " MB of memory, over its limit of "
                  + r.limitMb
                  + " MB (twice the "
                  + r.limitMb / 2
                  + " MB requested); request more RAM with ram_request_megabytes");
        }
      } catch (RuntimeException e) {
        LOG.warn("memory watchdog: {}", e.toString());
      }
    }
  }

  static Long startMillis(ProcessHandle h) {
    return h.info().startInstant().map(Instant::toEpochMilli).orElse(null);
  }

  static String tail(Path file, int lines) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long pos = f.length();
      int found = 0;
      long start = 0;
      byte[] buf = new byte[8192];
      outer:
      while (pos > 0) {
        int n = (int) Math.min(buf.length, pos);
        pos -= n;
        f.seek(pos);
        f.readFully(buf, 0, n);
        for (int i = n - 1; i >= 0; i--) {
          if (buf[i] == '\n' && pos + i != f.length() - 1) {
            if (++found == lines) {
              start = pos + i + 1;
              break outer;
            }
          }
        }
      }
      f.seek(start);
      byte[] out = new byte[(int) (f.length() - start)];
      f.readFully(out);
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  private static final class LocalRunningJob implements RunningJob {
    final String jobId;
    final ProcessHandle handle;
    final Process process;
    final long limitMb;
    final Optional<Path> cgroup;
    final CompletableFuture<Void> exited;
    volatile String stoppedBecause;

    LocalRunningJob(
        String jobId,
        ProcessHandle handle,
        Process process,
        long limitMb,
        Optional<Path> cgroup,
        java.util.function.Consumer<LocalRunningJob> onExit) {
      this.jobId = jobId;
      this.handle = handle;
      this.process = process;
      this.limitMb = limitMb;
      this.cgroup = cgroup;
      // the executor's own bookkeeping (exit code, cgroup) runs before anyone waiting on exited()
      CompletableFuture<?> base = process != null ? process.onExit() : handle.onExit();
      this.exited =
          base.thenApply(
              p -> {
                onExit.accept(this);
                return (Void) null;
              });
    }

    @Override
    public String jobId() {
      return jobId;
    }

    @Override
    public long pid() {
      return handle.pid();
    }

    @Override
    public Long startMillis() {
      return LocalJobExecutor.startMillis(handle);
    }

    @Override
    public CompletableFuture<Void> exited() {
      return exited;
    }

    @Override
    public void stop() {
      handle.descendants().forEach(ProcessHandle::destroy);
      handle.destroy();
      exited
          .copy() // a timeout must not complete the shared future while the process lives
          .orTimeout(5, TimeUnit.SECONDS)
          .exceptionally(
              e -> {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
                return null;
              });
    }

    void kill(String reason) {
      if (stoppedBecause == null) {
        stoppedBecause = reason;
        LOG.warn("stopping job {}: {}", jobId, reason);
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
      }
    }

    @Override
    public Optional<String> stoppedBecause() {
      return Optional.ofNullable(stoppedBecause);
    }
  }
}
