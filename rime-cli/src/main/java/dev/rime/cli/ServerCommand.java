// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.server.RimeServer;
import dev.rime.server.ServerConfig;
import dev.rime.server.executor.Capacity;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rime server}: runs the server until stopped. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Run the RIME server (REST API, store, local job executor) until stopped.")
final class ServerCommand implements Callable<Integer> {

  @Option(
      names = "--data-dir",
      description =
          "Data directory: store, job folders, admin key (env RIME_HOME; default ~/.rime).")
  Path dataDir;

  @Option(
      names = "--db",
      description =
          "JDBC URL of a PostgreSQL store (jdbc:postgresql://host:port/db); default SQLite in the data directory.")
  String db;

  @Option(names = "--db-user", description = "Database user (env RIME_DB_USER).")
  String dbUser;

  @Option(
      names = "--db-password",
      description = "Database password (env RIME_DB_PASSWORD; prefer the variable).")
  String dbPassword;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--capacity-cpu-millicores",
      description = "CPU that running jobs may request in total (default: every core).")
  Integer capacityCpu;

  @Option(
      names = "--capacity-ram-megabytes",
      description =
          "RAM that running jobs may request in total (default: physical memory less 1 GB).")
  Integer capacityRam;

  @Override
  public Integer call() throws Exception {
    ServerConfig config = config();
    RimeServer server = RimeServer.start(config);
    System.out.println("RIME server listening on " + server.url());
    System.out.println("Data directory: " + server.dataDir());
    server
        .newAdminKeyFile()
        .ifPresent(
            f ->
                System.out.println(
                    "First start: an admin API key was written to "
                        + f
                        + " (mode 0600). Keep it safe; the server keeps only its hash."));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  ServerConfig config() {
    ServerConfig c =
        ServerConfig.defaults(dataDir != null ? dataDir : ServerConfig.defaultDataDir())
            .withHost(host)
            .withPort(port);
    if (db != null) {
      c =
          c.withDatabase(
              db,
              dbUser != null ? dbUser : System.getenv("RIME_DB_USER"),
              dbPassword != null ? dbPassword : System.getenv("RIME_DB_PASSWORD"));
    }
    if (capacityCpu != null || capacityRam != null) {
      Capacity machine = Capacity.ofThisMachine();
      c =
          c.withCapacity(
              new Capacity(
                  capacityCpu != null ? capacityCpu : machine.cpuMillicores(),
                  capacityRam != null ? capacityRam : machine.ramMegabytes()));
    }
    return c;
  }
}
