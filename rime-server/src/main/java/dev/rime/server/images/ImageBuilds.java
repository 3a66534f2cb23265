// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.images;

import dev.rime.api.ManagedImageStatus;
import dev.rime.server.store.ManagedImageRecord;
import dev.rime.server.store.ManagedImageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds managed images, a few side by side, each build in a folder of its own ({@code
 * <images>/<name>/<build id>/}: {@code venv/}, {@code build.log}). A build's outcome is stored only
 * while it is still the image's current build, so a deleted, replaced or restarted build changes
 * nothing; an image is READY only once its whole build (install, {@code pip list}, import check)
 * succeeded.
 *
 * <p>On start ({@link #resume}): builds the last server left unfinished start again in new folders
 * (never trusted half-way); READY images built for another runner version become OUTDATED and are
 * rebuilt (REBUILDING), each as its turn comes.
 */
public final class ImageBuilds implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ImageBuilds.class);

  /** How a build is started: an image's current build, and the python to make it from. */
  private record Task(String name, String buildId, boolean rebuild) {}

  private final ManagedImageStore store;
  private final Path imagesDir;
  private final RunnerEnvironment runner;
  private final PythonInterpreters pythons;
  private final Clock clock;
  private final Duration timeout;
  private final ExecutorService pool;
  private final Map<String, VenvBuild> running = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param parallel how many builds run at once
   * @param timeout how long one build may take
   */
  public ImageBuilds(
      ManagedImageStore store,
      Path imagesDir,
      RunnerEnvironment runner,
      PythonInterpreters pythons,
      Clock clock,
      int parallel,
      Duration timeout) {
    this.store = store;
    this.imagesDir = imagesDir.toAbsolutePath();
    this.runner = runner;
    this.pythons = pythons;
    this.clock = clock;
    this.timeout = timeout;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            parallel,
            r -> {
              Thread t = new Thread(r, "rime-image-build-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  public RunnerEnvironment runner() {
    return runner;
  }

  public PythonInterpreters pythons() {
    return pythons;
  }

  /** A new build id. */
  public static String newBuildId() {
    return UUID.randomUUID().toString();
  }

  /** Queues the first build of a newly stored image (its current build id). */
  public void buildNew(ManagedImageRecord image) {
    submit(new Task(image.name(), image.buildId(), false));
  }

  /**
   * Restarts unfinished builds and rebuilds images built for another runner version; call once at
   * start, before serving.
   */
  public void resume() {
    long now = clock.millis();
    for (ManagedImageRecord image : store.all()) {
      if (image.status().isBuilding()) {
        String buildId = newBuildId();
        if (store.restartBuild(image.name(), image.buildId(), image.status(), buildId, now)) {
          LOG.info("managed image {}: its build was interrupted; building it again", image.name());
          note(
              image.name(),
              buildId,
              "the previous build ("
                  + image.buildId()
                  + ") was interrupted by a server stop; building again from the start");
          deleteQuietly(buildDir(image.name(), image.buildId()));
          submit(new Task(image.name(), buildId, false));
        }
      } else if (image.status() == ManagedImageStatus.STATUS_READY
          && !runner.version().equals(image.runnerVersion())) {
        if (store.markOutdated(image.name(), runner.version(), now)) {
          LOG.info(
              "managed image {} was built for runner {}, this server's is {}: rebuilding it",
              image.name(),
              image.runnerVersion(),
              runner.version());
          submit(new Task(image.name(), image.buildId(), true));
        }
      } else if (image.status() == ManagedImageStatus.STATUS_OUTDATED) {
        submit(new Task(image.name(), image.buildId(), true));
      }
    }
  }

  /** Stops the image's build, if one runs (the image is being deleted). */
  public void cancel(String name) {
    VenvBuild b = running.remove(name);
    if (b != null) {
      b.cancel();
    }
  }

  /** Removes every file of the image. */
  public void deleteFiles(String name) {
    deleteQuietly(imagesDir.resolve(name));
  }

  /** The folder of a build. */
  public Path buildDir(String name, String buildId) {
    return imagesDir.resolve(name).resolve(buildId);
  }

  /** The log of the image's build {@code buildId}, or empty when it has not started writing. */
  public Optional<Path> log(String name, String buildId) {
    Path log = buildDir(name, buildId).resolve(VenvBuild.LOG);
    return Files.exists(log) ? Optional.of(log) : Optional.empty();
  }

  private void submit(Task task) {
    if (!closed) {
      pool.execute(() -> run(task));
    }
  }

  private void run(Task task) {
    if (closed) {
      return;
    }
    String name = task.name();
    String buildId = task.buildId();
    ManagedImageRecord image = store.get(name).orElse(null);
    if (image == null || !image.buildId().equals(buildId)) {
      return; // deleted or superseded while queued
    }
    if (task.rebuild()) {
      buildId = newBuildId();
      if (!store.restartBuild(
          name, task.buildId(), ManagedImageStatus.STATUS_REBUILDING, buildId, clock.millis())) {
        return;
      }
    }
    Path dir = buildDir(name, buildId);
    VenvBuild build = null;
    try {
      Files.createDirectories(dir);
      PythonInterpreters.Interpreter python;
      try {
        python = pythons.find(image.pythonVersion());
      } catch (IllegalArgumentException e) {
        fail(name, buildId, dir, e.getMessage());
        return;
      }
      build = new VenvBuild(dir, python.executable(), image.requirements(), runner, timeout);
      running.put(name, build);
      if (task.rebuild()) {
        build.note(
            "rebuilding for model runner "
                + runner.version()
                + " (was "
                + image.runnerVersion()
                + ")");
      }
      VenvBuild.Result result = build.run();
      if (store.markReady(
          name,
          buildId,
          result.python().toString(),
          runner.version(),
          result.libraries(),
          clock.millis())) {
        LOG.info("managed image {} is ready ({} libraries)", name, result.libraries().size());
        deleteOtherBuilds(name, buildId);
      } else {
        deleteQuietly(dir);
      }
    } catch (VenvBuild.BuildFailed e) {
      fail(name, buildId, dir, e.getMessage());
    } catch (VenvBuild.Cancelled e) {
      LOG.info("managed image {}: build {} stopped", name, buildId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.error("managed image {}: build {} crashed", name, buildId, e);
      fail(name, buildId, dir, "the build crashed: " + e);
    } finally {
      if (build != null) {
        running.remove(name, build);
      }
    }
  }

  private void fail(String name, String buildId, Path dir, String message) {
    LOG.info("managed image {} failed to build: {}", name, message);
    note(name, buildId, "build failed: " + message);
    if (store.markFailed(name, buildId, message, clock.millis())) {
      deleteQuietly(dir.resolve("venv")); // the log stays for getManagedImageLogs
    } else {
      deleteQuietly(dir);
    }
  }

  private void note(String name, String buildId, String line) {
    try {
      Path dir = buildDir(name, buildId);
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(VenvBuild.LOG),
          "[rime] " + line + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.warn("cannot write the build log of managed image {}: {}", name, e.toString());
    }
  }

  private void deleteOtherBuilds(String name, String keep) {
    try (Stream<Path> builds = Files.list(imagesDir.resolve(name))) {
      builds
          .filter(p -> !p.getFileName().toString().equals(keep))
          .forEach(ImageBuilds::deleteQuietly);
    } catch (IOException e) {
      LOG.warn("cannot remove old builds of managed image {}: {}", name, e.toString());
    }
  }

  static void deleteQuietly(Path path) {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      List<Path> paths = all.sorted(Comparator.reverseOrder()).toList();
      for (Path p : paths) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot delete {}: {}", path, e.toString());
    }
  }

  /** Stops running builds (their images stay building; the next start builds them again). */
  @Override
  public void close() {
    closed = true;
    pool.shutdownNow();
    running.values().forEach(VenvBuild::cancel);
    running.clear();
  }
}
