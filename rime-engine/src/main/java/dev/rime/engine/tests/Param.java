// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.ConfigNode;
import dev.rime.engine.config.Range;
import dev.rime.engine.config.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configurable parameter of a test: its config key, kind, valid range and RIME's default. The
 * kind and range drive validation of a {@code tests_config} override, so a wrong type, a value out
 * of range (e.g. a negative sample size, a fractional or overflowing integer) or an unknown nested
 * key is an error naming the dotted key and what is accepted. An explicit JSON {@code null} means
 * the default, for every parameter (nested ones too): {@link
 * dev.rime.engine.config.TestsConfig#paramsFor} puts the default in its place.
 *
 * @param key the config key, e.g. {@code distance_threshold}
 * @param kind what values are accepted
 * @param defaultValue the default (JSON-shaped: Number, Boolean, List, Map or null)
 * @param children the nested parameters of an {@link Kind#OBJECT}; for a {@link Kind#COLUMN_MAP}
 *     the one parameter each column's value is
 * @param note for {@link Kind#UNSUPPORTED}: why the engine does not honour it yet
 * @param range for numbers and integers the values accepted, for thresholds and floors the values
 *     each of the three may take (integer ranges lie within int range); null for other kinds
 * @param options for {@link Kind#CHOICE} the names accepted, in the order messages list them; empty
 *     for other kinds
 */
public record Param(
    String key,
    Kind kind,
    Object defaultValue,
    List<Param> children,
    String note,
    Range range,
    List<String> options) {

  /** Accepted values of a parameter. */
  public enum Kind {
    NUMBER,
    INTEGER,
    BOOLEAN,
    /** null or {@code [low, medium, high]}, ascending. */
    THRESHOLDS,
    /** null or {@code [low, medium, high]} floors, descending. */
    FLOORS,
    OBJECT,
    /** One of a few names, e.g. a drift statistic. */
    CHOICE,
    /**
     * A list of non-empty strings (e.g. column names), no duplicates; null by default for {@link
     * Param#optionalStrings} (meaning "not given").
     */
    STRINGS,
    /** An object from column names to values of one kind (e.g. {@code column_specific_params}). */
    COLUMN_MAP,
    /** A parameter RIME has that this engine does not honour yet: giving it is an error. */
    UNSUPPORTED
  }

  /** A parameter of any kind but {@link Kind#CHOICE} (no options). */
  public Param(
      String key, Kind kind, Object defaultValue, List<Param> children, String note, Range range) {
    this(key, kind, defaultValue, children, note, range, List.of());
  }

  /** A finite number in {@code range}. */
  public static Param number(String key, double defaultValue, Range range) {
    return new Param(key, Kind.NUMBER, defaultValue, List.of(), null, range);
  }

  /**
   * A finite number in {@code range}, or null; null by default (the test then picks a value, e.g. a
   * drift statistic's own default threshold).
   */
  public static Param optionalNumber(String key, Range range) {
    return new Param(key, Kind.NUMBER, null, List.of(), null, range);
  }

  /** A whole number in {@code range} (which lies within int range). */
  public static Param integer(String key, int defaultValue, Range range) {
    if (range.min() < Integer.MIN_VALUE || range.max() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + ": integer range beyond int: " + range);
    }
    return new Param(key, Kind.INTEGER, defaultValue, List.of(), null, range);
  }

  public static Param bool(String key, boolean defaultValue) {
    return new Param(key, Kind.BOOLEAN, defaultValue, List.of(), null, null);
  }

  /** Ascending thresholds, each in {@code range}; {@code defaults} null means "null by default". */
  public static Param thresholds(String key, Range range, double... defaults) {
    return new Param(
        key, Kind.THRESHOLDS, defaults == null ? null : list(defaults), List.of(), null, range);
  }

  /** Descending floors, each in {@code range}, null by default. */
  public static Param floors(String key, Range range) {
    return new Param(key, Kind.FLOORS, null, List.of(), null, range);
  }

  public static Param object(String key, Param... children) {
    Map<String, Object> d = new LinkedHashMap<>();
    for (Param c : children) {
      d.put(c.key(), c.defaultValue());
    }
    return new Param(key, Kind.OBJECT, d, List.of(children), null, null);
  }

  /** One of {@code options} (exact spelling), {@code defaultValue} by default. */
  public static Param choice(String key, String defaultValue, List<String> options) {
    if (!options.contains(defaultValue)) {
      throw new IllegalArgumentException(key + ": default " + defaultValue + " not in " + options);
    }
    return new Param(key, Kind.CHOICE, defaultValue, List.of(), null, null, List.copyOf(options));
  }

  /** A list of non-empty strings, no duplicates; empty by default. */
  public static Param strings(String key) {
    return new Param(key, Kind.STRINGS, List.of(), List.of(), null, null);
  }

  /** null by default (meaning "not given"), or a list of non-empty strings, no duplicates. */
  public static Param optionalStrings(String key) {
    return new Param(key, Kind.STRINGS, null, List.of(), null, null);
  }

  /**
   * An object keyed by column name whose every value {@code value} validates (its key is ignored);
   * empty by default.
   */
  public static Param columnMap(String key, Param value) {
    return new Param(key, Kind.COLUMN_MAP, Map.of(), List.of(value), null, null);
  }

  public static Param unsupported(String key, String note) {
    return new Param(key, Kind.UNSUPPORTED, null, List.of(), note, null);
  }

  /** RIME's {@code performance_change_config} of the abnormal-input tests. */
  public static Param performanceChangeConfig() {
    return object(
        "performance_change_config",
        thresholds("severity_thresholds", Range.NON_NEGATIVE, (double[]) null),
        integer("min_num_samples", 1, Range.intsFrom(1)));
  }

  /**
   * Checks {@code value} given at dotted {@code path} for this parameter. Null is accepted for
   * every parameter: it means the default.
   *
   * @throws ConfigException naming the key when the value does not fit
   */
  public void validate(String path, Object value) {
    if (value == null) {
      return;
    }
    switch (kind) {
      case UNSUPPORTED:
        throw new ConfigException(path, "not supported yet: " + note);
      case NUMBER:
        range.checkNumber(path, value);
        return;
      case INTEGER:
        range.checkInteger(path, value);
        return;
      case BOOLEAN:
        if (!(value instanceof Boolean)) {
          throw new ConfigException(
              path, "expected true or false, got " + ConfigNode.describe(value));
        }
        return;
      case CHOICE:
        if (!(value instanceof String) || !options.contains(value)) {
          String given = value instanceof String ? "'" + value + "'" : ConfigNode.describe(value);
          String hint = value instanceof String ? Suggest.closest((String) value, options) : null;
          throw new ConfigException(
              path,
              given
                  + " is not one of "
                  + String.join(", ", options)
                  + (hint == null ? "" : " (did you mean " + hint + "?)"));
        }
        return;
      case THRESHOLDS:
      case FLOORS:
        Thresholds.fromJson(path, value, kind == Kind.FLOORS, range);
        return;
      case STRINGS:
        List<String> strings =
            new ConfigNode("", java.util.Collections.singletonMap(path, value)).strings(path);
        for (String s : strings) {
          if (s.isEmpty()) {
            throw new ConfigException(path, "expected non-empty strings, but one is empty");
          }
          if (strings.indexOf(s) != strings.lastIndexOf(s)) {
            throw new ConfigException(path, "'" + s + "' is listed twice");
          }
        }
        return;
      case COLUMN_MAP:
        ConfigNode columns = ConfigNode.of(path, value);
        for (Map.Entry<String, Object> e : columns.map().entrySet()) {
          children.get(0).validate(columns.key(e.getKey()), e.getValue());
        }
        return;
      case OBJECT:
        ConfigNode node = ConfigNode.of(path, value);
        List<String> names = new ArrayList<>();
        children.forEach(c -> names.add(c.key()));
        for (Map.Entry<String, Object> e : node.map().entrySet()) {
          Param child =
              children.stream()
                  .filter(c -> c.key().equals(e.getKey()))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new ConfigException(
                              node.key(e.getKey()),
                              Suggest.unknown("parameter", e.getKey(), names)));
          child.validate(node.key(e.getKey()), e.getValue());
        }
        return;
      default:
        throw new IllegalStateException(kind.name());
    }
  }

  private static List<Double> list(double... values) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add(v);
    }
    return List.copyOf(out);
  }
}
