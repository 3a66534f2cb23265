// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import dev.rime.api.result.DatasetSummary;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves data paths and loads files into DuckDB tables: CSV (also gzip-compressed), Parquet and
 * JSON Lines, chosen by extension. Errors name the config key and the file.
 */
public final class DataLoader {

  private DataLoader() {}

  /**
   * The file a config path points to: a {@code file://} URI or a path, relative ones resolved
   * against {@code baseDir}. Remote URIs (e.g. {@code s3://}) are not supported yet.
   */
  public static Path resolve(String key, String value, Path baseDir) {
    Path p;
    if (value.startsWith("file:")) {
      try {
        p = Path.of(URI.create(value));
      } catch (IllegalArgumentException e) {
        throw new DataException(key, "invalid file URI '" + value + "': " + e.getMessage());
      }
    } else if (value.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
      throw new DataException(
          key,
          "not supported yet: "
              + value
              + " (only local paths and file:// URIs; remote storage comes in a later issue)");
    } else {
      p = Path.of(value);
      if (!p.isAbsolute()) {
        p = (baseDir == null ? Path.of("") : baseDir).resolve(p);
      }
    }
    return p.toAbsolutePath().normalize();
  }

  /** The DuckDB table function reading {@code file}, by its extension. */
  static String reader(String key, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String path = Sql.str(file.toString());
    if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
      return "read_csv(" + path + ", header = true, sample_size = -1)";
    }
    if (name.endsWith(".parquet") || name.endsWith(".pq")) {
      return "read_parquet(" + path + ")";
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".jsonl.gz")) {
      return "read_json(" + path + ", format = 'newline_delimited')";
    }
    throw new DataException(
        key, "unsupported file type: " + file + " (expected .csv, .csv.gz, .parquet or .jsonl)");
  }

  /**
   * Loads {@code file} into table {@code table}, keeping at most {@code nrows} rows.
   *
   * @throws DataException when the file is missing, unreadable or empty
   */
  public static Dataset load(Db db, String table, String key, Path file, Long nrows) {
    if (!Files.exists(file)) {
      throw new DataException(key, "file not found: " + file);
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new DataException(key, "not a readable file: " + file);
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new DataException(key, "cannot read " + file + ": " + e.getMessage(), e);
    }
    if (size == 0) {
      throw new DataException(key, "dataset is empty (the file has 0 bytes): " + file);
    }
    String reader = reader(key, file);
    try {
      db.execute(
          "CREATE OR REPLACE TABLE "
              + Sql.ident(table)
              + " AS SELECT * FROM "
              + reader
              + (nrows == null ? "" : " LIMIT " + nrows));
    } catch (Db.QueryException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new DataException(key, "cannot read " + file + ": " + firstLine(cause.getMessage()), e);
    }
    Map<String, String> columns = new LinkedHashMap<>();
    db.query(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = "
                + Sql.str(table)
                + " ORDER BY ordinal_position",
            rs -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> columns.put(e.getKey(), e.getValue()));
    long rows = db.scalarLong("SELECT count(*) FROM " + Sql.ident(table));
    if (rows == 0) {
      throw new DataException(key, "dataset is empty (no rows): " + file);
    }
    DatasetSummary summary =
        new DatasetSummary(file.toString(), rows, columns.size(), size, sha256(key, file));
    return new Dataset(key, file, table, columns, summary);
  }

  /** Largest distance of a row's probabilities' sum from 1 that is accepted. */
  static final double SUM_TOLERANCE = 1e-3;

  /**
   * Loads a file of class probabilities (multi-class) for {@code data}: one row per data row, one
   * numeric column per class (at least 2), every value in [0, 1], each row summing to 1 (within
   * {@value #SUM_TOLERANCE}).
   *
   * @throws DataException naming the key, the file and the first bad row and column
   */
  public static ClassProbabilities loadProbabilities(
      Db db, String table, String key, Path file, Dataset data, Long nrows) {
    Dataset raw = load(db, table + "_raw", key, file, nrows);
    if (raw.rows() != data.rows()) {
      throw new DataException(
          key,
          file
              + " has "
              + raw.rows()
              + " rows but "
              + data.key()
              + " has "
              + data.rows()
              + ": one row of class probabilities is needed per data row");
    }
    List<String> names = new ArrayList<>(raw.columns().keySet());
    if (names.size() < 2) {
      throw new DataException(
          key,
          file
              + " has "
              + names.size()
              + " column; class probabilities need one column per class (at least 2)");
    }
    List<String> cast = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      String q = Sql.ident(names.get(k));
      List<String> bad =
          db.query(
              "SELECT rowid + 1, CAST("
                  + q
                  + " AS VARCHAR) FROM "
                  + raw.quotedTable()
                  + " WHERE TRY_CAST("
                  + q
                  + " AS DOUBLE) IS NULL OR isnan(TRY_CAST("
                  + q
                  + " AS DOUBLE)) OR TRY_CAST("
                  + q
                  + " AS DOUBLE) NOT BETWEEN 0 AND 1 ORDER BY rowid LIMIT 1",
              rs -> "row " + rs.getLong(1) + " has '" + rs.getString(2) + "'");
      if (!bad.isEmpty()) {
        throw new DataException(
            key,
            "column '"
                + names.get(k)
                + "' (class "
                + k
                + ") of "
                + file
                + " must hold probabilities, numbers in [0, 1]: "
                + bad.get(0).replace("'null'", "nothing"));
      }
      cast.add("CAST(" + q + " AS DOUBLE) AS " + Sql.ident(ClassProbabilities.column(k)));
    }
    db.execute(
        "CREATE OR REPLACE TABLE "
            + Sql.ident(table)
            + " AS SELECT "
            + String.join(", ", cast)
            + " FROM "
            + raw.quotedTable()
            + " ORDER BY rowid");
    db.execute("DROP TABLE " + raw.quotedTable());
    ClassProbabilities probs = new ClassProbabilities(key, file, table, names.size());
    String sum = String.join(" + ", probs.columns());
    List<String> off =
        db.query(
            "SELECT rowid + 1, "
                + sum
                + " FROM "
                + Sql.ident(table)
                + " WHERE abs("
                + sum
                + " - 1) > "
                + SUM_TOLERANCE
                + " ORDER BY rowid LIMIT 1",
            rs -> "row " + rs.getLong(1) + " sums to " + rs.getDouble(2));
    if (!off.isEmpty()) {
      throw new DataException(
          key,
          "the class probabilities of each row of "
              + file
              + " must sum to 1 (within "
              + SUM_TOLERANCE
              + "): "
              + off.get(0));
    }
    return probs;
  }

  /** SHA-256 of the file's bytes, hex-encoded. */
  static String sha256(String key, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new DataException(key, "cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
