// SPDX-License-Identifier: Apache-2.0
package dev.rime.server;

import dev.rime.server.executor.Capacity;
import dev.rime.server.executor.LocalJobExecutor;
import dev.rime.server.service.ConfigValidator;
import dev.rime.server.service.EngineConfigValidator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * How to run a server.
 *
 * @param dataDir where the SQLite store, the job folders and the admin key file live
 * @param dbUrl a {@code jdbc:postgresql:} URL, or null for SQLite in {@code dataDir}
 * @param dbUser database user (PostgreSQL), or null
 * @param dbPassword database password (PostgreSQL), or null
 * @param host address to listen on
 * @param port port to listen on; 0 picks a free one
 * @param capacity what jobs may request at one time in total
 * @param baseDir where relative data paths of configs point from
 * @param executorSettings adjusts how job processes are started (tests swap the main class)
 * @param configValidator checks configs when jobs are submitted
 * @param clock time source
 */
public record ServerConfig(
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String host,
    int port,
    Capacity capacity,
    Path baseDir,
    UnaryOperator<LocalJobExecutor.Settings> executorSettings,
    ConfigValidator configValidator,
    Clock clock) {

  /** Defaults: SQLite in {@code dataDir}, localhost:8080, this machine's capacity. */
  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(
        dataDir,
        null,
        null,
        null,
        "127.0.0.1",
        8080,
        Capacity.ofThisMachine(),
        Path.of("").toAbsolutePath(),
        UnaryOperator.identity(),
        new EngineConfigValidator(),
        Clock.systemUTC());
  }

  /** The default data directory: {@code $RIME_HOME}, else {@code ~/.rime}. */
  public static Path defaultDataDir() {
    String home = System.getenv("RIME_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    return Path.of(System.getProperty("user.home"), ".rime");
  }

  public ServerConfig withPort(int port) {
    return toBuilder().port(port).build();
  }

  public ServerConfig withHost(String host) {
    return toBuilder().host(host).build();
  }

  public ServerConfig withDatabase(String dbUrl, String dbUser, String dbPassword) {
    return toBuilder().database(dbUrl, dbUser, dbPassword).build();
  }

  public ServerConfig withCapacity(Capacity capacity) {
    return toBuilder().capacity(capacity).build();
  }

  public ServerConfig withExecutorSettings(UnaryOperator<LocalJobExecutor.Settings> adjust) {
    return toBuilder().executorSettings(adjust).build();
  }

  public ServerConfig withConfigValidator(ConfigValidator validator) {
    return toBuilder().configValidator(validator).build();
  }

  private Builder toBuilder() {
    return new Builder(this);
  }

  /** Copies a config with some fields changed. */
  private static final class Builder {
    private Path dataDir;
    private String dbUrl;
    private String dbUser;
    private String dbPassword;
    private String host;
    private int port;
    private Capacity capacity;
    private Path baseDir;
    private UnaryOperator<LocalJobExecutor.Settings> executorSettings;
    private ConfigValidator configValidator;
    private Clock clock;

    Builder(ServerConfig c) {
      dataDir = c.dataDir;
      dbUrl = c.dbUrl;
      dbUser = c.dbUser;
      dbPassword = c.dbPassword;
      host = c.host;
      port = c.port;
      capacity = c.capacity;
      baseDir = c.baseDir;
      executorSettings = c.executorSettings;
      configValidator = c.configValidator;
      clock = c.clock;
    }

    Builder port(int port) {
      this.port = port;
      return this;
    }

    Builder host(String host) {
      this.host = host;
      return this;
    }

    Builder database(String url, String user, String password) {
      this.dbUrl = url;
      this.dbUser = user;
      this.dbPassword = password;
      return this;
    }

    Builder capacity(Capacity capacity) {
      this.capacity = capacity;
      return this;
    }

    Builder executorSettings(UnaryOperator<LocalJobExecutor.Settings> adjust) {
      this.executorSettings = adjust;
      return this;
    }

    Builder configValidator(ConfigValidator validator) {
      this.configValidator = validator;
      return this;
    }

    ServerConfig build() {
      return new ServerConfig(
          dataDir,
          dbUrl,
          dbUser,
          dbPassword,
          host,
          port,
          capacity,
          baseDir,
          executorSettings,
          configValidator,
          clock);
    }
  }
}
