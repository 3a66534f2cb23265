// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TabularTest {

  private static Map<String, Object> flatten(String json) {
    return Tabular.flatten(Json.lenient().readValue(json, Json.MAP));
  }

  @Test
  void nested_objects_become_dotted_keys_in_order() {
    Map<String, Object> row =
        flatten("{\"a\": 1, \"b\": {\"c\": {\"d\": \"x\"}, \"e\": 2.5}, \"f\": true}");

    assertThat(row)
        .containsExactly(
            Map.entry("a", 1),
            Map.entry("b.c.d", "x"),
            Map.entry("b.e", 2.5),
            Map.entry("f", true));
  }

  @Test
  void arrays_stay_whole_even_when_they_hold_objects() {
    Map<String, Object> row = flatten("{\"l\": [1, {\"x\": null}, [2]], \"n\": null}");

    assertThat(row.keySet()).containsExactly("l", "n");
    List<?> l = (List<?>) row.get("l");
    assertThat(l).hasSize(3);
    assertThat(l.get(0)).isEqualTo(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) l.get(1);
    assertThat(object.keySet()).containsExactly("x");
    assertThat(object.get("x")).isNull();
    assertThat(l.get(2)).isEqualTo(List.of(2));
    assertThat(row.get("n")).isNull();
  }

  @Test
  void an_empty_object_yields_no_key() {
    assertThat(flatten("{\"a\": {}, \"b\": 1}")).containsExactly(Map.entry("b", 1));
  }

  @Test
  void cells_are_unmodifiable_copies() {
    Map<String, Object> row = flatten("{\"l\": [{\"x\": 1}]}");

    List<?> list = (List<?>) row.get("l");
    assertThatThrownBy(() -> list.add(null)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<?, ?>) list.get(0)).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "plain | plain",
        "a,b | '\"a,b\"'",
        "say \"hi\" | '\"say \"\"hi\"\"\"'",
        "'' | ''",
        "' lead' | ' lead'",
      })
  void quotes_only_when_needed(String text, String expected) {
    assertThat(Tabular.quote(text)).isEqualTo(expected);
  }

  @Test
  void quotes_line_breaks() {
    assertThat(Tabular.quote("a\nb")).isEqualTo("\"a\nb\"");
    assertThat(Tabular.quote("a\rb")).isEqualTo("\"a\rb\"");
  }

  @Test
  void writes_cells_of_every_kind_with_crlf() throws Exception {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", "v");
    map.put("n", null);
    StringWriter out = new StringWriter();

    Tabular.writeCsvRecord(
        out, Arrays.asList("s", null, 3, 4L, 0.25, 1234.0, true, List.of("x", 1), map, ""));

    assertThat(out.toString())
        .isEqualTo(
            "s,,3,4,0.25,1234.0,true,\"[\"\"x\"\",1]\",\"{\"\"k\"\":\"\"v\"\",\"\"n\"\":null}\",\r\n");
  }

  @Test
  void text_keeps_null_and_strings() {
    assertThat(Tabular.cellText(null)).isNull();
    assertThat(Tabular.cellText("a,b")).isEqualTo("a,b");
    assertThat(Tabular.cellText(List.of())).isEqualTo("[]");
  }

  @Test
  void columns_are_the_union_in_order_of_first_appearance() {
    assertThat(
            Tabular.columns(
                List.of(Map.of("a", 1), new LinkedHashMap<>(Map.of("b", 2)), Map.of("a", 3))))
        .containsExactly("a", "b");
  }

  @Test
  void writes_a_header_and_leaves_missing_cells_empty() throws Exception {
    StringWriter out = new StringWriter();
    Tabular.writeCsv(out, List.of("a", "b"), List.of(Map.of("a", 1), Map.of("b", "x,y")));
    assertThat(out.toString()).isEqualTo("a,b\r\n1,\r\n,\"x,y\"\r\n");
  }
}
