// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

/** Quoting for DuckDB SQL: every identifier and literal built by the engine goes through here. */
public final class Sql {

  private Sql() {}

  /** A quoted identifier: {@code "name"} with inner quotes doubled. */
  public static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A string literal: {@code 'text'} with inner quotes doubled. */
  public static String str(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** An exact DOUBLE literal (round-trips every double, infinities included). */
  public static String dbl(double v) {
    if (Double.isNaN(v)) {
      return "CAST('NaN' AS DOUBLE)";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "CAST('Infinity' AS DOUBLE)" : "CAST('-Infinity' AS DOUBLE)";
    }
    return "CAST('" + Double.toString(v) + "' AS DOUBLE)";
  }
}
