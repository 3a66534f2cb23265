// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object of the config at a dotted path, with typed readers whose errors name the key.
 * Readers return null for an absent key or an explicit JSON null.
 */
public final class ConfigNode {

  private final String path;
  private final Map<String, Object> map;

  public ConfigNode(String path, Map<String, Object> map) {
    this.path = path;
    this.map = map == null ? Map.of() : map;
  }

  /** The node of a required or optional object value; an absent or null value reads as empty. */
  public static ConfigNode of(String path, Object value) {
    if (value == null) {
      return new ConfigNode(path, Map.of());
    }
    if (!(value instanceof Map)) {
      throw new ConfigException(path, "expected an object, got " + describe(value));
    }
    return new ConfigNode(path, asStringMap(path, (Map<?, ?>) value));
  }

  /** The dotted key of a child. */
  public String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public String path() {
    return path;
  }

  public Map<String, Object> map() {
    return map;
  }

  public boolean has(String name) {
    return map.get(name) != null;
  }

  public boolean containsKey(String name) {
    return map.containsKey(name);
  }

  /**
   * Rejects keys outside {@code known}, suggesting the closest; keys in {@code unsupported} are
   * rejected as "not supported yet" with the reason given (when their value is not null).
   */
  public void checkKeys(Collection<String> known, Map<String, String> unsupported) {
    List<String> all = new ArrayList<>(known);
    all.addAll(new java.util.TreeSet<>(unsupported.keySet()));
    for (Map.Entry<String, Object> e : map.entrySet()) {
      String k = e.getKey();
      if (unsupported.containsKey(k)) {
        if (e.getValue() != null) {
          throw new ConfigException(key(k), "not supported yet: " + unsupported.get(k));
        }
      } else if (!known.contains(k)) {
        throw new ConfigException(key(k), Suggest.unknown("key", k, all));
      }
    }
  }

  public String requireString(String name) {
    String s = string(name);
    if (s == null) {
      throw new ConfigException(key(name), "required key is missing");
    }
    if (s.isBlank()) {
      throw new ConfigException(key(name), "must not be empty");
    }
    return s;
  }

  public String string(String name) {
    Object v = map.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String)) {
      throw new ConfigException(key(name), "expected a string, got " + describe(v));
    }
    return (String) v;
  }

  public Boolean bool(String name) {
    Object v = map.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean)) {
      throw new ConfigException(key(name), "expected true or false, got " + describe(v));
    }
    return (Boolean) v;
  }

  /**
   * A whole number in {@code range} (within long range), or null when absent.
   *
   * @throws ConfigException naming the key and the range otherwise
   */
  public Long integer(String name, Range range) {
    Object v = map.get(name);
    return v == null ? null : range.checkLong(key(name), v);
  }

  /**
   * A finite number in {@code range}, or null when absent.
   *
   * @throws ConfigException naming the key and the range otherwise
   */
  public Double number(String name, Range range) {
    Object v = map.get(name);
    return v == null ? null : range.checkNumber(key(name), v);
  }

  public List<String> strings(String name) {
    Object v = map.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List)) {
      throw new ConfigException(key(name), "expected a list of strings, got " + describe(v));
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      if (!(o instanceof String)) {
        throw new ConfigException(
            key(name), "expected a list of strings, but an element is " + describe(o));
      }
      out.add((String) o);
    }
    return List.copyOf(out);
  }

  public ConfigNode object(String name) {
    return of(key(name), map.get(name));
  }

  /** How a value reads in an error message: its JSON type and, for scalars, the value. */
  public static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return "string \"" + v + "\"";
    }
    if (v instanceof Boolean) {
      return "boolean " + v;
    }
    if (v instanceof Number) {
      return "number " + v;
    }
    if (v instanceof List) {
      return "a list";
    }
    if (v instanceof Map) {
      return "an object";
    }
    return v.getClass().getSimpleName();
  }

  static Map<String, Object> asStringMap(String path, Map<?, ?> raw) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      if (!(e.getKey() instanceof String)) {
        throw new ConfigException(path, "keys must be strings, got " + e.getKey());
      }
      out.put((String) e.getKey(), e.getValue());
    }
    return out;
  }
}
