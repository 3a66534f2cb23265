// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonNormalizerTest {

  private static Map<String, Object> flatten(String json) {
    return JsonNormalizer.flatten(Json.lenient().readValue(json, Json.MAP));
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
}
