// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.Json;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {

  /** Two records: the second lacks "b.c" and adds "b.d" and "e". */
  private static ResultTable twoRows() {
    List<Map<String, Object>> records =
        List.of(
            Json.lenient().readValue("{\"a\": \"x,y\", \"b\": {\"c\": 1}}", Json.MAP),
            Json.lenient()
                .readValue("{\"b\": {\"d\": [1, 2]}, \"a\": \"q\\\"r\", \"e\": null}", Json.MAP));
    return new ResultTable("1.0.0", ResultTable.flattenAll(records));
  }

  @Test
  void columns_are_the_union_in_order_of_first_appearance() {
    ResultTable t = twoRows();

    assertThat(t.columns()).containsExactly("a", "b.c", "b.d", "e");
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.schemaVersion()).isEqualTo("1.0.0");
  }

  @Test
  void a_row_without_a_column_holds_null() {
    ResultTable t = twoRows();

    assertThat(t.row(0).get("b.d")).isNull();
    assertThat(t.row(1).get("b.c")).isNull();
    assertThat(t.column("b.c")).containsExactly(1, null);
  }

  @Test
  void streams_rows() {
    assertThat(twoRows().stream().map(r -> r.getString("a"))).containsExactly("x,y", "q\"r");
  }

  @Test
  void an_unknown_column_is_refused() {
    assertThatThrownBy(() -> twoRows().column("z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no column 'z'; the columns are [a, b.c, b.d, e]");
  }

  @Test
  void rows_and_columns_are_unmodifiable() {
    ResultTable t = twoRows();

    assertThatThrownBy(() -> t.rows().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> t.columns().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> t.column("a").clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void writes_rfc_4180_csv() throws Exception {
    StringWriter out = new StringWriter();

    twoRows().writeCsv(out);

    assertThat(out.toString())
        .isEqualTo("a,b.c,b.d,e\r\n" + "\"x,y\",1,,\r\n" + "\"q\"\"r\",,\"[1,2]\",\r\n");
  }

  @Test
  void writes_a_csv_file_in_utf_8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.csv");
    ResultTable t =
        new ResultTable("1.0.0", ResultTable.flattenAll(List.of(Map.of("name", "Zoë"))));

    t.writeCsv(file);

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("name\r\nZoë\r\n");
  }

  @Test
  void an_empty_table_has_no_columns() throws Exception {
    ResultTable t = new ResultTable("1.0.0", List.of());
    StringWriter out = new StringWriter();

    t.writeCsv(out);

    assertThat(t.columns()).isEmpty();
    assertThat(t.size()).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void concatenates_tables_of_one_version() {
    ResultTable first = new ResultTable("1.0.0", ResultTable.flattenAll(List.of(Map.of("a", 1))));
    ResultTable second = new ResultTable("1.0.0", ResultTable.flattenAll(List.of(Map.of("b", 2))));

    ResultTable both = ResultTable.concat(List.of(first, second));

    assertThat(both.columns()).containsExactly("a", "b");
    assertThat(both.column("a")).containsExactly(1, null);
    assertThat(both.column("b")).containsExactly(null, 2);
    assertThat(both.schemaVersion()).isEqualTo("1.0.0");
  }

  @Test
  void tables_of_different_versions_do_not_concatenate() {
    ResultTable old = new ResultTable("0.14.0", List.of());
    ResultTable latest = new ResultTable("1.0.0", List.of());

    assertThatThrownBy(() -> ResultTable.concat(List.of(old, latest)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema versions 0.14.0 and 1.0.0");
  }
}
