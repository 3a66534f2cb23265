// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The values a numeric config setting accepts: an interval, each end open or closed (an infinite
 * end means no bound), and for integers whole numbers only. {@link #checkInteger}, {@link
 * #checkLong} and {@link #checkNumber} read a JSON value and throw a {@link ConfigException} naming
 * the key and the accepted range, e.g. {@code tests_config.continuous_drift.num_bins: must be an
 * integer from 2 to 10000, not -3}.
 *
 * @param min lower end ({@code -inf}: none)
 * @param minOpen whether {@code min} itself is excluded
 * @param max upper end ({@code inf}: none)
 * @param maxOpen whether {@code max} itself is excluded
 */
public record Range(double min, boolean minOpen, double max, boolean maxOpen) {

  /** Numbers from 0 to 1, both included. */
  public static final Range UNIT = closed(0, 1);

  /** Numbers from 0 up. */
  public static final Range NON_NEGATIVE = new Range(0, false, Double.POSITIVE_INFINITY, true);

  /** Numbers above 0. */
  public static final Range POSITIVE = new Range(0, true, Double.POSITIVE_INFINITY, true);

  /** Every long. */
  public static final Range LONGS = closed(Long.MIN_VALUE, Long.MAX_VALUE);

  /** {@code [min, max]}. */
  public static Range closed(double min, double max) {
    return new Range(min, false, max, false);
  }

  /** Integers from {@code min} to the largest int. */
  public static Range intsFrom(int min) {
    return closed(min, Integer.MAX_VALUE);
  }

  /** Whether a number lies in the range. */
  public boolean contains(double v) {
    if (Double.isNaN(v)) {
      return false;
    }
    boolean aboveMin = Double.isInfinite(min) || (minOpen ? v > min : v >= min);
    boolean belowMax = Double.isInfinite(max) || (maxOpen ? v < max : v <= max);
    return aboveMin && belowMax && Double.isFinite(v);
  }

  /**
   * The value as an int, when it is a whole number in this range (whose ends must lie within int
   * range).
   *
   * @throws ConfigException naming {@code key} otherwise
   */
  public int checkInteger(String key, Object value) {
    return Math.toIntExact(checkLong(key, value));
  }

  /**
   * The value as a long, when it is a whole number in this range and within long range.
   *
   * @throws ConfigException naming {@code key} otherwise
   */
  public long checkLong(String key, Object value) {
    BigDecimal d = exact(value);
    boolean ok =
        d != null
            && (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0)
            && containsExact(d)
            && d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
            && d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    if (!ok) {
      throw new ConfigException(key, "must be " + describe(true) + ", not " + show(value));
    }
    return d.longValueExact();
  }

  /**
   * The value as a double, when it is a finite number in this range.
   *
   * @throws ConfigException naming {@code key} otherwise
   */
  public double checkNumber(String key, Object value) {
    if (!(value instanceof Number) || !contains(((Number) value).doubleValue())) {
      throw new ConfigException(key, "must be " + describe(false) + ", not " + show(value));
    }
    return ((Number) value).doubleValue();
  }

  /** E.g. {@code an integer from 2 to 10000}, {@code a number greater than 0}. */
  public String describe(boolean integer) {
    String b = bounds();
    return (integer ? "an integer" : "a number") + (b.isEmpty() ? "" : " " + b);
  }

  /** E.g. {@code from 2 to 10000}, {@code greater than 0 and at most 1}; empty when unbounded. */
  public String bounds() {
    boolean lo = Double.isFinite(min);
    boolean hi = Double.isFinite(max);
    if (lo && hi && !minOpen && !maxOpen) {
      return "from " + fmt(min) + " to " + fmt(max);
    }
    String low = lo ? (minOpen ? "greater than " : "at least ") + fmt(min) : null;
    String high = hi ? (maxOpen ? "less than " : "at most ") + fmt(max) : null;
    if (low != null && high != null) {
      return low + " and " + high;
    }
    return low != null ? low : high != null ? high : "";
  }

  /** How a JSON value reads in a message: a number as written, anything else by its type. */
  public static String show(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
    if (value instanceof Number) {
      return value.toString();
    }
    return ConfigNode.describe(value);
  }

  private boolean containsExact(BigDecimal d) {
    if (Double.isFinite(min)) {
      int c = d.compareTo(new BigDecimal(min));
      if (minOpen ? c <= 0 : c < 0) {
        return false;
      }
    }
    if (Double.isFinite(max)) {
      int c = d.compareTo(new BigDecimal(max));
      if (maxOpen ? c >= 0 : c > 0) {
        return false;
      }
    }
    return true;
  }

  /** A JSON number exactly, or null for anything else (and for non-finite doubles). */
  private static BigDecimal exact(Object value) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger) {
      return new BigDecimal((BigInteger) value);
    }
    if (value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(d) : null;
    }
    return null;
  }

  /** A bound as written: whole numbers without a decimal point (long range saturates exactly). */
  private static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) <= 0x1p63) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
