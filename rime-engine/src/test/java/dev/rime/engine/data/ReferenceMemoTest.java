// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferenceMemoTest {

  Db db;

  @BeforeEach
  void open() {
    db = Db.open();
    db.execute("CREATE TABLE \"ref\" AS SELECT range AS x FROM range(10)");
    db.execute("CREATE TABLE \"eval\" AS SELECT range AS x FROM range(5)");
    db.memoizeQueriesOn(List.of("\"ref\"", "\"ref_memo_"), List.of("\"eval", "\"rime_"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<Long> xs(String sql) {
    return db.query(sql, rs -> rs.getLong(1));
  }

  @Test
  void aReferenceQueryIsRunOnceAndAnsweredAgainInOrder() {
    String sql = "SELECT x FROM \"ref\" WHERE x % 3 = 0 ORDER BY x DESC";

    assertThat(xs(sql)).containsExactly(9L, 6L, 3L, 0L);
    // the reference does not change in a continuous test; were it changed, the kept answer shows
    db.execute("DELETE FROM \"ref\" WHERE x = 9");
    assertThat(xs(sql)).containsExactly(9L, 6L, 3L, 0L);
    assertThat(db.memoCounts()).containsExactly(1, 1);
  }

  @Test
  void queriesNamingAChangingTableAreAlwaysRun() {
    String both = "SELECT count(*) FROM \"ref\" r JOIN \"eval\" e USING (x)";
    assertThat(xs(both)).containsExactly(5L);
    db.execute("DELETE FROM \"eval\" WHERE x = 0");
    assertThat(xs(both)).containsExactly(4L);

    db.execute("CREATE TEMP TABLE \"rime_t_1\" AS SELECT 1 AS x");
    String temp = "SELECT count(*) FROM \"ref\" WHERE x IN (SELECT x FROM \"rime_t_1\")";
    assertThat(xs(temp)).containsExactly(1L);
    db.execute("INSERT INTO \"rime_t_1\" VALUES (2)");
    assertThat(xs(temp)).containsExactly(2L);
    assertThat(db.memoCounts()).containsExactly(0, 0);
  }

  @Test
  void aResultThatCannotBeStoredIsRunEveryTime() {
    // two columns of one name: no table can hold it
    String sql = "SELECT x AS a, x + 1 AS a FROM \"ref\" WHERE x = 2";

    assertThat(db.query(sql, rs -> rs.getLong(1) + rs.getLong(2))).containsExactly(5L);
    assertThat(db.query(sql, rs -> rs.getLong(1) + rs.getLong(2))).containsExactly(5L);
  }

  @Test
  void aDroppedMemoTableIsMadeAgain() {
    String select = "SELECT x FROM \"ref\" WHERE x < 2";
    String table = db.memoTable(select);
    assertThat(table).startsWith("\"ref_memo_");
    assertThat(db.isMemoTable(table)).isTrue();

    db.execute("DROP TABLE " + table);
    String again = db.memoTable(select);

    assertThat(xs("SELECT x FROM " + again + " ORDER BY x")).containsExactly(0L, 1L);
    // a query over kept tables only is kept too
    assertThat(db.memoTable("SELECT count(*) FROM " + again)).isNotNull();
    assertThat(db.memoTable("SELECT 1")).isNull();
    assertThat(db.memoTable("CREATE TABLE y AS SELECT * FROM \"ref\"")).isNull();
  }
}
