// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import dev.rime.api.Severity;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.Range;
import java.util.List;
import java.util.Locale;

/**
 * RIME's {@code [low, medium, high]} thresholds. Ascending (the usual kind): the severity is the
 * highest level whose threshold the value reaches ({@code value >= threshold}); NONE below low.
 * Descending floors (e.g. {@code absolute_thresholds [0.8, 0.7, 0.6]}): the severity is the highest
 * level whose floor the value falls below ({@code value < floor}).
 */
public record Thresholds(double low, double medium, double high, boolean descending) {

  public Thresholds {
    boolean ordered =
        descending ? low >= medium && medium >= high : low <= medium && medium <= high;
    if (!ordered || !Double.isFinite(low) || !Double.isFinite(medium) || !Double.isFinite(high)) {
      throw new IllegalArgumentException(
          "thresholds must be 3 finite "
              + (descending ? "descending" : "ascending")
              + " numbers [low, medium, high], got "
              + List.of(low, medium, high));
    }
  }

  /** Ascending thresholds. */
  public static Thresholds of(double low, double medium, double high) {
    return new Thresholds(low, medium, high, false);
  }

  /** Descending floors. */
  public static Thresholds floors(double low, double medium, double high) {
    return new Thresholds(low, medium, high, true);
  }

  /** Reads a JSON list of 3 numbers given at dotted key {@code path} (validated already). */
  public static Thresholds fromJson(String path, Object value, boolean descending) {
    return fromJson(path, value, descending, null);
  }

  /**
   * Reads a JSON list of 3 numbers given at dotted key {@code path}, each in {@code range} (null:
   * any finite number).
   *
   * @throws ConfigException naming the key when the value is not 3 ordered numbers in range
   */
  public static Thresholds fromJson(String path, Object value, boolean descending, Range range) {
    String bounds = range == null ? "" : range.bounds();
    String expected =
        "must be a list of 3 "
            + (descending ? "descending" : "ascending")
            + " numbers [low, medium, high]"
            + (bounds.isEmpty() ? "" : ", each " + bounds)
            + ", not ";
    if (!(value instanceof List) || ((List<?>) value).size() != 3) {
      throw new ConfigException(
          path, expected + (value instanceof List ? value : Range.show(value)));
    }
    double[] d = new double[3];
    for (int i = 0; i < 3; i++) {
      Object o = ((List<?>) value).get(i);
      if (!(o instanceof Number)
          || (range != null && !range.contains(((Number) o).doubleValue()))) {
        throw new ConfigException(path, expected + value);
      }
      d[i] = ((Number) o).doubleValue();
    }
    try {
      return new Thresholds(d[0], d[1], d[2], descending);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(path, expected + value);
    }
  }

  /** The severity of a measured value. */
  public Severity severity(double value) {
    if (descending) {
      if (value < high) {
        return Severity.HIGH;
      }
      if (value < medium) {
        return Severity.MEDIUM;
      }
      return value < low ? Severity.LOW : Severity.NONE;
    }
    if (value >= high) {
      return Severity.HIGH;
    }
    if (value >= medium) {
      return Severity.MEDIUM;
    }
    return value >= low ? Severity.LOW : Severity.NONE;
  }

  /** The threshold of a severity level (LOW, MEDIUM or HIGH). */
  public double of(Severity level) {
    switch (level) {
      case LOW:
        return low;
      case MEDIUM:
        return medium;
      case HIGH:
        return high;
      default:
        throw new IllegalArgumentException("no threshold for " + level);
    }
  }

  /** A level as descriptions name its threshold: {@code low}, {@code medium}, {@code high}. */
  public static String levelName(Severity level) {
    return level.name().toLowerCase(Locale.ROOT);
  }

  /**
   * A severity as descriptions state it: {@code None}, {@code Low}, {@code Medium}, {@code High}.
   */
  public static String severityName(Severity severity) {
    String name = severity.name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }

  /** As the JSON list {@code [low, medium, high]}, for test case details. */
  public List<Double> toList() {
    return List.of(low, medium, high);
  }
}
