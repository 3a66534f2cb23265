// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The metadata database: a connection pool, the Flyway migrations applied, and the stores. SQLite
 * (a file in the data directory) by default; PostgreSQL for production. Both run the same
 * migrations and the same SQL.
 */
public final class Database implements AutoCloseable {

  /** Which database is behind the pool. */
  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  private final HikariDataSource dataSource;
  private final Kind kind;
  private final Db db;
  private final ProjectStore projects;
  private final JobStore jobs;
  private final TestRunStore testRuns;
  private final ApiKeyStore apiKeys;
  private final ManagedImageStore managedImages;
  private final CtStore ct;

  private Database(HikariDataSource dataSource, Kind kind) {
    this.dataSource = dataSource;
    this.kind = kind;
    Jdbi jdbi = Jdbi.create(dataSource);
    this.db = new Db(jdbi);
    this.projects = new JdbiProjectStore(db);
    this.jobs = new JdbiJobStore(db);
    this.testRuns = new JdbiTestRunStore(db);
    this.apiKeys = new JdbiApiKeyStore(db);
    this.managedImages = new JdbiManagedImageStore(db);
    this.ct = new JdbiCtStore(db);
  }

  /** The SQLite file {@code rime.db} in {@code dataDir}, created when missing. */
  public static Database sqlite(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create data directory " + dataDir + ": " + e, e);
    }
    return open("jdbc:sqlite:" + dataDir.resolve("rime.db").toAbsolutePath(), null, null);
  }

  /**
   * Opens the database at a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}) and
   * migrates it to the current schema.
   *
   * @throws IllegalArgumentException for any other kind of URL
   */
  public static Database open(String jdbcUrl, String user, String password) {
    Kind kind;
    HikariConfig config = new HikariConfig();
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      kind = Kind.SQLITE;
      // WAL lets readers run beside the writer; IMMEDIATE transactions take the write lock up
      // front so two writers wait (busy_timeout) instead of failing on a lock upgrade.
      String sep = jdbcUrl.contains("?") ? "&" : "?";
      config.setJdbcUrl(
          jdbcUrl
              + sep
              + "journal_mode=WAL&busy_timeout=30000&foreign_keys=true"
              + "&transaction_mode=IMMEDIATE&synchronous=NORMAL");
      config.setMaximumPoolSize(4);
    } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      kind = Kind.POSTGRESQL;
      config.setJdbcUrl(jdbcUrl);
      config.setMaximumPoolSize(10);
    } else {
      throw new IllegalArgumentException(
          "--db: unsupported database URL '"
              + jdbcUrl
              + "'; use jdbc:sqlite:<file> or jdbc:postgresql://host:port/database");
    }
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setPoolName("rime-store");
    config.setInitializationFailTimeout(10_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot connect to the database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw new IllegalStateException(
          "cannot migrate the database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
    }
    return new Database(dataSource, kind);
  }

  public Kind kind() {
    return kind;
  }

  /** Runs work in one transaction across stores. */
  public Db db() {
    return db;
  }

  public ProjectStore projects() {
    return projects;
  }

  public JobStore jobs() {
    return jobs;
  }

  public TestRunStore testRuns() {
    return testRuns;
  }

  public ApiKeyStore apiKeys() {
    return apiKeys;
  }

  public ManagedImageStore managedImages() {
    return managedImages;
  }

  /** CT instances, their bins and time series. */
  public CtStore ct() {
    return ct;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
