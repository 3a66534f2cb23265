// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultRowTest {

  /** One row: s="a", i=3, l=9000000000L, d=2.5, w=4.0, b=true, list=[1,"x"], n=null, big. */
  private static ResultRow row() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("s", "a");
    record.put("i", 3);
    record.put("l", 9_000_000_000L);
    record.put("d", 2.5);
    record.put("w", 4.0);
    record.put("b", true);
    record.put("list", Arrays.asList(1, "x"));
    record.put("n", null);
    record.put("big", new BigInteger("123456789012345678901234567890"));
    return new ResultTable("1.0.0", ResultTable.flattenAll(List.of(record))).row(0);
  }

  @Test
  void get_returns_the_cell() {
    assertThat(row().get("s")).isEqualTo("a");
    assertThat(row().get("n")).isNull();
  }

  @Test
  void an_unknown_column_names_the_columns() {
    assertThatThrownBy(() -> row().get("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no column 'nope'; the columns are [s, i, l, d, w, b, list, n, big]");
  }

  @Test
  void get_string_gives_text_of_any_cell() {
    assertThat(row().getString("s")).isEqualTo("a");
    assertThat(row().getString("i")).isEqualTo("3");
    assertThat(row().getString("d")).isEqualTo("2.5");
    assertThat(row().getString("b")).isEqualTo("true");
    assertThat(row().getString("list")).isEqualTo("[1,\"x\"]");
    assertThat(row().getString("n")).isNull();
  }

  @Test
  void get_double_reads_numbers() {
    assertThat(row().getDouble("d")).isEqualTo(2.5);
    assertThat(row().getDouble("i")).isEqualTo(3.0);
    assertThat(row().getDouble("n")).isNull();
    assertThatThrownBy(() -> row().getDouble("s"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("column 's' holds String a, not a number");
  }

  @Test
  void get_long_reads_whole_numbers() {
    assertThat(row().getLong("i")).isEqualTo(3L);
    assertThat(row().getLong("l")).isEqualTo(9_000_000_000L);
    assertThat(row().getLong("w")).isEqualTo(4L);
    assertThat(row().getLong("n")).isNull();
    assertThatThrownBy(() -> row().getLong("d"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("column 'd' holds Double 2.5, not a whole number that fits a long");
    assertThatThrownBy(() -> row().getLong("big")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> row().getLong("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("column 'b' holds Boolean true, not a number");
  }

  @Test
  void get_list_reads_lists() {
    assertThat(row().getList("list")).containsExactly(1, "x");
    assertThat(row().getList("n")).isNull();
    assertThatThrownBy(() -> row().getList("s"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("column 's' holds String a, not a list");
  }

  @Test
  void to_map_keeps_the_column_order() {
    assertThat(row().toMap().keySet())
        .containsExactly("s", "i", "l", "d", "w", "b", "list", "n", "big");
    assertThat(row()).isEqualTo(row()).hasSameHashCodeAs(row());
  }
}
