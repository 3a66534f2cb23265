// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens a JSON object into one row the way pandas {@code json_normalize(sep=".")} does: nested
 * objects become {@code a.b.c} keys (an empty object yields no key), arrays stay whole as one cell,
 * and keys keep their order. Cells are copied into unmodifiable lists and maps.
 */
final class JsonNormalizer {

  private JsonNormalizer() {}

  static Map<String, Object> flatten(Map<String, ?> record) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten("", record, out);
    return out;
  }

  private static void flatten(String prefix, Map<?, ?> object, Map<String, Object> out) {
    for (Map.Entry<?, ?> e : object.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof Map) {
        flatten(key + ".", (Map<?, ?>) e.getValue(), out);
      } else {
        out.put(key, frozen(e.getValue()));
      }
    }
  }

  /** A deep, unmodifiable copy of a JSON value (lists and maps may hold nulls). */
  static Object frozen(Object value) {
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object v : (List<?>) value) {
        copy.add(frozen(v));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        copy.put(String.valueOf(e.getKey()), frozen(e.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    return value;
  }
}
