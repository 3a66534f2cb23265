// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ColumnTest {

  private Db db;

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Column column(boolean numericValues) {
    return new Column("v", FeatureType.CATEGORICAL, "inferred", "", "X", "X", true, numericValues);
  }

  /** The categories {@code catExpr} gives each value of a one-column table of {@code type}. */
  private List<String> categories(Column c, String type, String... values) {
    db.execute("CREATE OR REPLACE TABLE t (i INTEGER, v " + type + ")");
    for (int i = 0; i < values.length; i++) {
      db.execute("INSERT INTO t VALUES (" + i + ", " + values[i] + ")");
    }
    return db.query("SELECT " + c.catExpr() + " FROM t ORDER BY i", rs -> rs.getString(1));
  }

  @Test
  void numbersCompareByValueWhateverTheirType() {
    Column c = column(true);
    // Whole numbers read as DOUBLE, BIGINT, DECIMAL or text are all written as integers.
    assertThat(categories(c, "DOUBLE", "1.0", "2.0", "-0.0", "'NaN'", "NULL", "0.5", "'inf'"))
        .isEqualTo(Arrays.asList("1", "2", "0", null, null, "0.5", "inf"));
    assertThat(categories(c, "BIGINT", "1", "2", "NULL")).isEqualTo(Arrays.asList("1", "2", null));
    assertThat(categories(c, "DECIMAL(6,2)", "1.00", "1.50")).isEqualTo(Arrays.asList("1", "1.5"));
    assertThat(categories(c, "VARCHAR", "'1.0'", "'007'", "'abc'"))
        .isEqualTo(Arrays.asList("1", "7", "abc"));
    // Integers beyond 2^53 stay exact (9007199254740993 has no DOUBLE of its own).
    assertThat(categories(c, "BIGINT", "9007199254740993", "9007199254740992"))
        .containsExactly("9007199254740993", "9007199254740992");
  }

  @Test
  void textColumnsCompareAsText() {
    assertThat(categories(column(false), "VARCHAR", "'1.0'", "'1'", "'007'", "NULL"))
        .isEqualTo(Arrays.asList("1.0", "1", "007", null));
  }
}
