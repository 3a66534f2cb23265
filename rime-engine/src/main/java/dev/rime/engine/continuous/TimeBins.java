// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.continuous;

import dev.rime.engine.data.ClassProbabilities;
import dev.rime.engine.data.DataException;
import dev.rime.engine.data.Dataset;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation rows cut into time bins of {@code binSizeSeconds} aligned in UTC, in one pass:
 * table {@value #TABLE} holds every row with a timestamp, its bin's start (seconds since the epoch)
 * in column {@value #BIN}, sorted by bin, so reading one bin touches only its own row groups.
 *
 * <p>The timestamp column may be a DuckDB DATE or TIMESTAMP (a timestamp without zone is read as
 * UTC), or text: {@code YYYY-MM-DD}, {@code YYYY-MM-DD HH:MM[:SS[.fff]]}, ISO-8601 with {@code T}
 * and a zone ({@code Z}, {@code +02:00}); text without a zone is read as UTC. A missing or
 * unparseable timestamp puts the row in no bin; such rows are counted and the first five distinct
 * raw values kept as examples (a missing one first, then in text order).
 *
 * @param timestampCol the evaluation column
 * @param binSizeSeconds 3600 or 86400
 * @param rows evaluation rows read
 * @param unparseable rows without a usable timestamp
 * @param unparseableExamples up to five of their distinct raw values, as text (null for a missing
 *     one)
 * @param bins the bins present, oldest first
 */
public record TimeBins(
    String timestampCol,
    long binSizeSeconds,
    long rows,
    long unparseable,
    List<String> unparseableExamples,
    List<Bin> bins) {

  /** The binned evaluation table (unquoted). */
  public static final String TABLE = "eval_binned";

  /** Its column holding the bin's start, seconds since the epoch (unquoted). */
  public static final String BIN = "__rime_bin";

  /** One bin: {@code [start, start + size)} seconds since the epoch, and its rows. */
  public record Bin(long start, long end, long rows) {}

  /**
   * Cuts {@code eval} into bins (and, for a multi-class model, its class probabilities beside each
   * row: the binned table then holds the probability columns too).
   *
   * @param key the config key naming the timestamp column, for errors
   * @throws DataException when the column is missing, of a type that holds no time, or no row has a
   *     usable timestamp
   */
  public static TimeBins cut(
      Db db,
      Dataset eval,
      ClassProbabilities probs,
      String timestampCol,
      long binSizeSeconds,
      String key) {
    String type = eval.columns().get(timestampCol);
    if (type == null) {
      throw new DataException(
          key,
          "'"
              + timestampCol
              + "' is not a column of the evaluation data "
              + eval.file()
              + "; its columns are "
              + eval.columns().keySet());
    }
    String time = timeExpr(key, timestampCol, type);
    String bin =
        "CASE WHEN isfinite(__t) THEN CAST(floor(epoch(__t) / "
            + binSizeSeconds
            + ") AS BIGINT) * "
            + binSizeSeconds
            + " END";
    String source =
        probs == null
            ? eval.quotedTable()
            : "(SELECT * FROM "
                + eval.quotedTable()
                + " POSITIONAL JOIN "
                + Sql.ident(probs.table())
                + ")";
    db.execute(
        "CREATE OR REPLACE TABLE "
            + Sql.ident(TABLE)
            + " AS SELECT * EXCLUDE (__t) FROM (SELECT *, "
            + bin
            + " AS "
            + Sql.ident(BIN)
            + " FROM (SELECT *, "
            + time
            + " AS __t FROM "
            + source
            + ")) ORDER BY "
            + Sql.ident(BIN)
            + " NULLS LAST");
    List<Bin> bins =
        db.query(
            "SELECT "
                + Sql.ident(BIN)
                + ", count(*) FROM "
                + Sql.ident(TABLE)
                + " WHERE "
                + Sql.ident(BIN)
                + " IS NOT NULL GROUP BY 1 ORDER BY 1",
            rs -> new Bin(rs.getLong(1), rs.getLong(1) + binSizeSeconds, rs.getLong(2)));
    long unparseable =
        db.scalarLong(
            "SELECT count(*) FROM " + Sql.ident(TABLE) + " WHERE " + Sql.ident(BIN) + " IS NULL");
    List<String> examples = new ArrayList<>();
    if (unparseable > 0) {
      db.forEach(
          "SELECT DISTINCT CAST("
              + Sql.ident(timestampCol)
              + " AS VARCHAR) AS v FROM "
              + Sql.ident(TABLE)
              + " WHERE "
              + Sql.ident(BIN)
              + " IS NULL ORDER BY v NULLS FIRST LIMIT 5",
          rs -> examples.add(rs.getString(1)));
    }
    if (bins.isEmpty()) {
      throw new DataException(
          key,
          String.format(
              Locale.ROOT,
              "no evaluation row has a usable timestamp in '%s' (%d rows; examples: %s);"
                  + " expected YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or ISO-8601 with a zone",
              timestampCol,
              unparseable,
              examples));
    }
    return new TimeBins(
        timestampCol,
        binSizeSeconds,
        eval.rows(),
        unparseable,
        java.util.Collections.unmodifiableList(examples),
        List.copyOf(bins));
  }

  /** The column as TIMESTAMPTZ (null when missing or unparseable). */
  private static String timeExpr(String key, String column, String type) {
    String c = Sql.ident(column);
    String t = type.toUpperCase(Locale.ROOT);
    if (t.equals("VARCHAR") || t.startsWith("VARCHAR(")) {
      // TIMESTAMPTZ accepts an ISO-8601 zone; a value without one is read in the session's zone,
      // which the continuous engine sets to UTC.
      return "try_cast(trim(" + c + ") AS TIMESTAMPTZ)";
    }
    if (t.equals("DATE") || t.startsWith("TIMESTAMP")) {
      return "CAST(" + c + " AS TIMESTAMPTZ)";
    }
    throw new DataException(
        key,
        "'"
            + column
            + "' is "
            + type
            + ", not a time: expected a DATE or TIMESTAMP column, or text as YYYY-MM-DD,"
            + " YYYY-MM-DD HH:MM:SS or ISO-8601 with a zone");
  }
}
