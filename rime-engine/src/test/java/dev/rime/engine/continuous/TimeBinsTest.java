// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.result.DatasetSummary;
import dev.rime.engine.data.DataException;
import dev.rime.engine.data.Dataset;
import dev.rime.engine.data.Db;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bin starts are seconds since the epoch worked out by hand: 2021-03-01 00:00 UTC is day 18,687
 * since 1970-01-01, so 18,687 × 86,400 = 1,614,556,800; the next days add 86,400, hours 3,600.
 */
class TimeBinsTest {

  static final long MAR_1 = 1_614_556_800L;
  static final long DAY = 86_400L;
  static final long HOUR = 3_600L;

  Db db;

  @BeforeEach
  void open() {
    db = Db.open();
    db.execute("SET TimeZone = 'UTC'");
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Table {@code eval} of one column {@code ts} made by {@code select}. */
  private Dataset eval(String select) {
    db.execute("CREATE OR REPLACE TABLE eval AS " + select);
    Map<String, String> columns = new LinkedHashMap<>();
    db.query(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = 'eval' ORDER BY ordinal_position",
            rs -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> columns.put(e.getKey(), e.getValue()));
    long rows = db.scalarLong("SELECT count(*) FROM eval");
    return new Dataset(
        "data_info.eval_path",
        Path.of("eval.csv"),
        "eval",
        columns,
        new DatasetSummary("eval.csv", rows, columns.size(), 1, "x"));
  }

  private static String text(String... values) {
    StringBuilder b = new StringBuilder("SELECT * FROM (VALUES ");
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : ", ")
          .append(values[i] == null ? "(NULL::VARCHAR)" : "('" + values[i] + "')");
    }
    return b.append(") t(ts)").toString();
  }

  private TimeBins cut(Dataset eval, long size) {
    return TimeBins.cut(db, eval, null, "ts", size, "continuous_info.timestamp_col");
  }

  @Test
  void textInTheThreeFormatsIsBinnedInUtc() {
    TimeBins bins =
        cut(
            eval(
                text(
                    "2021-03-01",
                    "2021-03-01 08:00:00",
                    "2021-03-01T23:30:00-02:00", // 2021-03-02 01:30 UTC
                    "2021-03-02T10:00:00Z",
                    "2021-03-03T01:00:00+02:00", // 2021-03-02 23:00 UTC
                    "2021-03-03 23:59:59")),
            DAY);

    assertThat(bins.bins())
        .containsExactly(
            new TimeBins.Bin(MAR_1, MAR_1 + DAY, 2),
            new TimeBins.Bin(MAR_1 + DAY, MAR_1 + 2 * DAY, 3),
            new TimeBins.Bin(MAR_1 + 2 * DAY, MAR_1 + 3 * DAY, 1));
    assertThat(bins.rows()).isEqualTo(6);
    assertThat(bins.unparseable()).isZero();
    assertThat(bins.unparseableExamples()).isEmpty();
  }

  @Test
  void hourlyBinsStartOnTheHour() {
    TimeBins bins =
        cut(
            eval(text("2021-03-01 00:00:00", "2021-03-01 00:59:59", "2021-03-01T03:10:00+01:00")),
            HOUR);

    // 03:10+01:00 is 02:10 UTC
    assertThat(bins.bins())
        .containsExactly(
            new TimeBins.Bin(MAR_1, MAR_1 + HOUR, 2),
            new TimeBins.Bin(MAR_1 + 2 * HOUR, MAR_1 + 3 * HOUR, 1));
  }

  @Test
  void missingAndUnparseableTimestampsAreCountedWithExamples() {
    TimeBins bins =
        cut(
            eval(
                text(
                    "2021-03-01",
                    null,
                    "yesterday",
                    "2021-02-30",
                    "yesterday",
                    "01/03/2021",
                    "20210301",
                    "2021-03-01 25:00:00",
                    null)),
            DAY);

    assertThat(bins.bins()).containsExactly(new TimeBins.Bin(MAR_1, MAR_1 + DAY, 1));
    assertThat(bins.rows()).isEqualTo(9);
    assertThat(bins.unparseable()).isEqualTo(8);
    // distinct values, a missing one first, then in text order; at most five
    assertThat(bins.unparseableExamples())
        .isEqualTo(
            Arrays.asList(null, "01/03/2021", "2021-02-30", "2021-03-01 25:00:00", "20210301"));
    assertThat(db.scalarLong("SELECT count(*) FROM eval_binned")).isEqualTo(9);
  }

  @Test
  void nativeTimestampDateAndZonedColumns() {
    TimeBins timestamps =
        cut(
            eval(
                "SELECT * FROM (VALUES (TIMESTAMP '2021-03-01 23:59:59'),"
                    + " (TIMESTAMP '2021-03-02 00:00:00'), (NULL::TIMESTAMP)) t(ts)"),
            DAY);
    assertThat(timestamps.bins())
        .containsExactly(
            new TimeBins.Bin(MAR_1, MAR_1 + DAY, 1),
            new TimeBins.Bin(MAR_1 + DAY, MAR_1 + 2 * DAY, 1));
    assertThat(timestamps.unparseable()).isEqualTo(1);
    assertThat(timestamps.unparseableExamples()).isEqualTo(Arrays.asList((String) null));

    TimeBins dates =
        cut(eval("SELECT * FROM (VALUES (DATE '2021-03-03'), (DATE '2021-03-01')) t(ts)"), DAY);
    assertThat(dates.bins())
        .containsExactly(
            new TimeBins.Bin(MAR_1, MAR_1 + DAY, 1),
            new TimeBins.Bin(MAR_1 + 2 * DAY, MAR_1 + 3 * DAY, 1));

    TimeBins zoned =
        cut(eval("SELECT * FROM (VALUES (TIMESTAMPTZ '2021-03-02 01:00:00+05:00')) t(ts)"), DAY);
    // 01:00+05:00 is 2021-03-01 20:00 UTC
    assertThat(zoned.bins()).containsExactly(new TimeBins.Bin(MAR_1, MAR_1 + DAY, 1));
  }

  @Test
  void aNumericColumnIsAnErrorNamingTheKey() {
    Dataset eval = eval("SELECT * FROM (VALUES (1614556800)) t(ts)");

    assertThatThrownBy(() -> cut(eval, DAY))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "continuous_info.timestamp_col: 'ts' is INTEGER, not a time: expected a DATE or"
                + " TIMESTAMP column, or text as YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or ISO-8601 with"
                + " a zone");
  }

  @Test
  void aMissingColumnIsAnErrorNamingTheKeyAndTheColumns() {
    Dataset eval = eval(text("2021-03-01"));

    assertThatThrownBy(
            () -> TimeBins.cut(db, eval, null, "time", DAY, "continuous_info.timestamp_col"))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "continuous_info.timestamp_col: 'time' is not a column of the evaluation data"
                + " eval.csv; its columns are [ts]");
  }

  @Test
  void noUsableTimestampAtAllIsAnError() {
    Dataset eval = eval(text("soon", null));

    assertThatThrownBy(() -> cut(eval, DAY))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "continuous_info.timestamp_col: no evaluation row has a usable timestamp in 'ts' (2"
                + " rows; examples: [null, soon]); expected YYYY-MM-DD, YYYY-MM-DD HH:MM:SS or"
                + " ISO-8601 with a zone");
  }

  @Test
  void theBinnedTableIsSortedByBin() {
    cut(eval(text("2021-03-03", "2021-03-01", "2021-03-02", "2021-03-01")), DAY);

    List<Long> order = db.query("SELECT __rime_bin FROM eval_binned", rs -> rs.getLong(1));
    assertThat(order).containsExactly(MAR_1, MAR_1, MAR_1 + DAY, MAR_1 + 2 * DAY);
  }
}
