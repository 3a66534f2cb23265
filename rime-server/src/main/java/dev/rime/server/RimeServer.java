// SPDX-License-Identifier: Apache-2.0
package dev.rime.server;

import dev.rime.engine.EngineVersion;
import dev.rime.server.executor.JobScheduler;
import dev.rime.server.executor.LocalJobExecutor;
import dev.rime.server.http.HttpApi;
import dev.rime.server.images.ImageBuilds;
import dev.rime.server.images.PythonInterpreters;
import dev.rime.server.images.RunnerEnvironment;
import dev.rime.server.service.ApiKeyService;
import dev.rime.server.service.ContinuousTestService;
import dev.rime.server.service.JobService;
import dev.rime.server.service.ManagedImageService;
import dev.rime.server.service.ProjectService;
import dev.rime.server.service.ResultService;
import dev.rime.server.service.StressTestService;
import dev.rime.server.store.Database;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running RIME server. {@link #start} opens (and migrates) the store, makes the default project
 * and, on the first start, the admin key; restarts unfinished managed-image builds and rebuilds
 * outdated images; reconciles jobs left running; starts the scheduler and the HTTP API. {@link
 * #close} stops them in reverse order; job processes still running are left to finish and are
 * picked up by the next start.
 */
public final class RimeServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RimeServer.class);

  /** How many managed images build side by side, and how long one build may take. */
  private static final int IMAGE_BUILDS_AT_ONCE = 2;

  private static final java.time.Duration IMAGE_BUILD_TIMEOUT = java.time.Duration.ofHours(1);

  private final ServerConfig config;
  private final Database database;
  private final LocalJobExecutor executor;
  private final JobScheduler scheduler;
  private final ImageBuilds imageBuilds;
  private final Javalin app;
  private final Optional<Path> newAdminKeyFile;

  private RimeServer(
      ServerConfig config,
      Database database,
      LocalJobExecutor executor,
      JobScheduler scheduler,
      ImageBuilds imageBuilds,
      Javalin app,
      Optional<Path> newAdminKeyFile) {
    this.config = config;
    this.database = database;
    this.executor = executor;
    this.scheduler = scheduler;
    this.imageBuilds = imageBuilds;
    this.app = app;
    this.newAdminKeyFile = newAdminKeyFile;
  }

  /** Starts a server; it serves once this returns. */
  public static RimeServer start(ServerConfig config) throws IOException {
    Path dataDir = config.dataDir().toAbsolutePath();
    Database database =
        config.dbUrl() == null
            ? Database.sqlite(dataDir)
            : Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
    LocalJobExecutor executor = null;
    JobScheduler scheduler = null;
    ImageBuilds imageBuilds = null;
    try {
      ProjectService projects = new ProjectService(database.projects(), config.clock());
      projects.ensureDefault();
      ApiKeyService apiKeys = new ApiKeyService(database.apiKeys(), config.clock());
      Optional<Path> keyFile = apiKeys.bootstrapAdminKey(dataDir);
      keyFile.ifPresent(
          f ->
              LOG.info(
                  "Created the first admin API key and wrote it to {} (mode 0600). The server"
                      + " keeps only its hash.",
                  f));

      executor =
          new LocalJobExecutor(
              config
                  .executorSettings()
                  .apply(
                      LocalJobExecutor.Settings.defaults(
                          dataDir.resolve("jobs"), config.capacity())));
      imageBuilds =
          new ImageBuilds(
              database.managedImages(),
              dataDir.resolve("images"),
              RunnerEnvironment.fromEngine(),
              new PythonInterpreters(),
              config.clock(),
              IMAGE_BUILDS_AT_ONCE,
              IMAGE_BUILD_TIMEOUT);
      ManagedImageService images =
          new ManagedImageService(
              database.managedImages(), database.jobs(), imageBuilds, config.clock());
      executor.useManagedImages(images::python);
      imageBuilds.resume();
      scheduler = new JobScheduler(database, executor, config.clock());
      scheduler.start();

      StressTestService stressTests =
          new StressTestService(
              database.jobs(),
              projects,
              config.configValidator(),
              executor,
              scheduler,
              images,
              config.baseDir(),
              config.clock());
      HttpApi.Services services =
          new HttpApi.Services(
              projects,
              stressTests,
              new JobService(database.jobs(), database.ct(), executor, scheduler, config.clock()),
              new ResultService(database.testRuns()),
              apiKeys,
              images,
              EngineVersion.get(),
              new ContinuousTestService(
                  database.ct(),
                  database.testRuns(),
                  database.jobs(),
                  projects,
                  stressTests,
                  config.clock()));
      Javalin app = HttpApi.create(services, config.host(), config.port());
      app.start();
      LOG.info(
          "RIME server {} listening on http://{}:{} (data in {}, store {}, capacity {} millicores"
              + " / {} MB)",
          EngineVersion.get(),
          config.host(),
          app.port(),
          dataDir,
          database.kind(),
          config.capacity().cpuMillicores(),
          config.capacity().ramMegabytes());
      return new RimeServer(config, database, executor, scheduler, imageBuilds, app, keyFile);
    } catch (IOException | RuntimeException e) {
      if (scheduler != null) {
        scheduler.close();
      }
      if (imageBuilds != null) {
        imageBuilds.close();
      }
      if (executor != null) {
        executor.close();
      }
      database.close();
      throw e;
    }
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** Base URL of the API, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return "http://" + host + ":" + port();
  }

  public Path dataDir() {
    return config.dataDir().toAbsolutePath();
  }

  /** The admin key file, if this start created it. */
  public Optional<Path> newAdminKeyFile() {
    return newAdminKeyFile;
  }

  /** The file the first admin key was written to (whether or not this start wrote it). */
  public Path adminKeyFile() {
    return dataDir().resolve(ApiKeyService.ADMIN_KEY_FILE);
  }

  /** The store, for tests and tools in this JVM. */
  public Database database() {
    return database;
  }

  /** The scheduler, for tests and a deliberate full shutdown. */
  public JobScheduler scheduler() {
    return scheduler;
  }

  /** Stops serving. Running job processes are left to finish; the next start picks them up. */
  @Override
  public void close() {
    app.stop();
    scheduler.close();
    imageBuilds.close();
    executor.close();
    database.close();
    LOG.info("RIME server stopped");
  }
}
