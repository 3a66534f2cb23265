// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An in-process DuckDB database holding one run's tables. Extensions are never installed or loaded
 * at run time; threads and memory come from the system properties {@code rime.duckdb.threads} and
 * {@code rime.duckdb.memory_limit_mb} when set; spills go to a folder under {@code java.io.tmpdir}
 * that is removed on close. Every query uses its own Statement (DuckDB closes a statement after a
 * failed query).
 */
public final class Db implements AutoCloseable {

  /** Reads one row of a result. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** A query that failed, with the SQL in the message. */
  public static final class QueryException extends RuntimeException {
    QueryException(String sql, SQLException cause) {
      super(cause.getMessage() + " [sql: " + abbreviate(sql) + "]", cause);
    }

    private static String abbreviate(String sql) {
      return sql.length() > 300 ? sql.substring(0, 300) + "…" : sql;
    }
  }

  private final Connection connection;
  private final Path tempDir;
  private ReferenceMemo memo;
  private final java.util.Map<String, Object> keptValues = new java.util.HashMap<>();

  private Db(Connection connection, Path tempDir) {
    this.connection = connection;
    this.tempDir = tempDir;
  }

  /** Opens a fresh in-memory database with the engine's settings. */
  public static Db open() {
    Path temp = Path.of(System.getProperty("java.io.tmpdir"), "rime-duckdb-" + UUID.randomUUID());
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      Connection c = DriverManager.getConnection("jdbc:duckdb:");
      Db db = new Db(c, temp);
      db.execute("SET autoinstall_known_extensions=false");
      db.execute("SET autoload_known_extensions=false");
      db.execute("SET temp_directory=" + Sql.str(temp.toString()));
      String threads = System.getProperty("rime.duckdb.threads");
      if (threads != null && !threads.isBlank()) {
        db.execute("SET threads=" + Integer.parseInt(threads.trim()));
      }
      String memory = System.getProperty("rime.duckdb.memory_limit_mb");
      if (memory != null && !memory.isBlank()) {
        db.execute("SET memory_limit=" + Sql.str(Long.parseLong(memory.trim()) + "MB"));
      }
      return db;
    } catch (SQLException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot open DuckDB: " + e.getMessage(), e);
    }
  }

  /** Runs a statement that returns no rows. */
  public void execute(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new QueryException(sql, e);
    }
  }

  /**
   * From now on, keeps the result of every query that reads only the reference tables and gives it
   * back on the next identical query ({@link ReferenceMemo}): a continuous test runs the same tests
   * against the same reference for every time bin, and the reference side is computed once.
   *
   * @param readOnly quoted names of the tables that no longer change (the reference's)
   * @param changing prefixes of table names (as they appear in SQL) that do change, e.g. the
   *     evaluation bin's; a query mentioning one is never kept
   */
  public void memoizeQueriesOn(List<String> readOnly, List<String> changing) {
    memo = new ReferenceMemo(readOnly, changing);
  }

  /**
   * For a SELECT that {@link #memoizeQueriesOn} covers, the quoted name of a table holding its
   * result (made the first time); null when it is not covered (the caller runs it itself).
   */
  public String memoTable(String select) {
    if (memo == null || !memo.covers(select)) {
      return null;
    }
    String table = memo.table(select);
    if (table != null && tableExists(table)) {
      memo.hit();
      return table;
    }
    table = Sql.ident("ref_memo_" + memo.next());
    try {
      execute("CREATE TEMP TABLE " + table + " AS " + select);
    } catch (QueryException e) {
      memo.refuse(select);
      return null;
    }
    memo.put(select, table);
    return table;
  }

  /** Whether {@code quoted} is a table holding a result kept by {@link #memoizeQueriesOn}. */
  public boolean isMemoTable(String quoted) {
    return memo != null && memo.holds(quoted);
  }

  /**
   * A value computed from tables {@link #memoizeQueriesOn} keeps (e.g. counts read into Java from
   * one), kept with them for the life of this database under {@code key}.
   */
  @SuppressWarnings("unchecked")
  public <T> T kept(String key, java.util.function.Supplier<T> make) {
    return (T) keptValues.computeIfAbsent(key, k -> make.get());
  }

  /** Counts of queries answered from {@link #memoizeQueriesOn}'s tables and of those run. */
  public long[] memoCounts() {
    return memo == null ? new long[] {0, 0} : new long[] {memo.hits(), memo.misses()};
  }

  private boolean tableExists(String quoted) {
    String name = quoted.substring(1, quoted.length() - 1);
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM duckdb_tables() WHERE table_name = " + Sql.str(name))) {
      return rs.next() && rs.getLong(1) > 0;
    } catch (SQLException e) {
      return false;
    }
  }

  /** The query to run for {@code sql}: itself, or a read of its memoised result. */
  private String memoized(String sql) {
    if (memo == null) {
      return sql;
    }
    String table = memoTable(sql);
    return table == null ? sql : "SELECT * FROM " + table;
  }

  /** Runs a query and maps every row. */
  public <T> List<T> query(String sql, RowMapper<T> mapper) {
    sql = memoized(sql);
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new QueryException(sql, e);
    }
  }

  /** Reads one row of a result, keeping nothing. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Runs a query and hands every row to {@code consumer}, without collecting them. */
  public void forEach(String sql, RowConsumer consumer) {
    sql = memoized(sql);
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        consumer.accept(rs);
      }
    } catch (SQLException e) {
      throw new QueryException(sql, e);
    }
  }

  /** A cell of a table of doubles. */
  @FunctionalInterface
  public interface DoubleCell {
    double get(int row, int column);
  }

  /**
   * Appends {@code rows} rows of {@code width} DOUBLE values to {@code table} (an existing table of
   * the main schema with those columns) through DuckDB's appender, row by row in order.
   */
  public void appendDoubles(String table, int rows, int width, DoubleCell value) {
    try (org.duckdb.DuckDBAppender a =
        connection.unwrap(org.duckdb.DuckDBConnection.class).createAppender("main", table)) {
      for (int r = 0; r < rows; r++) {
        a.beginRow();
        for (int k = 0; k < width; k++) {
          a.append(value.get(r, k));
        }
        a.endRow();
      }
    } catch (SQLException e) {
      throw new QueryException("APPEND INTO " + table, e);
    }
  }

  /** Runs a query expected to return exactly one row. */
  public <T> T queryOne(String sql, RowMapper<T> mapper) {
    List<T> rows = query(sql, mapper);
    if (rows.size() != 1) {
      throw new IllegalStateException("expected one row, got " + rows.size() + " from " + sql);
    }
    return rows.get(0);
  }

  /** The single long value of a query. */
  public long scalarLong(String sql) {
    return queryOne(sql, rs -> rs.getLong(1));
  }

  /** A nullable DOUBLE column of a result row. */
  public static Double getDouble(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  /** A nullable DOUBLE column of a result row, by name. */
  public static Double getDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  /** DuckDB's version string, e.g. {@code v1.4.0}. */
  public String version() {
    return queryOne("SELECT version()", rs -> rs.getString(1));
  }

  /** Whether a DuckDB type name is a number type. */
  public static boolean isNumericType(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    return t.matches(
        "(U?TINYINT|U?SMALLINT|U?INTEGER|U?BIGINT|U?HUGEINT|FLOAT|DOUBLE|REAL|DECIMAL.*|VARINT|BIGNUM)");
  }

  /** Whether a DuckDB type name is a floating-point type (which can hold NaN). */
  public static boolean isFloatType(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    return t.equals("FLOAT") || t.equals("DOUBLE") || t.equals("REAL");
  }

  /** Whether a DuckDB type name is a date, time or timestamp type. */
  public static boolean isTemporalType(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    return t.startsWith("TIMESTAMP") || t.equals("DATE") || t.startsWith("TIME");
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing an in-memory database: nothing to recover
    }
    deleteTree(tempDir);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover spill folder in tmp is harmless
    }
  }
}
