// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import java.util.List;
import java.util.Locale;

/**
 * The type every value of a feature has in the reference data: what the Must be Int / Float /
 * String / Boolean / URL / Domain / Email tests hold the evaluation values to. A column has none
 * (null) when its values have no such type: timestamps, empty columns, the label and prediction.
 */
public enum ValueType {
  /** Whole numbers: an integer type, or numbers (or number strings) that are all whole. */
  INT,
  /** Numbers with a fraction or an infinity among them. */
  FLOAT,
  /** BOOLEAN values. */
  BOOL,
  /** Text that is not all numbers. */
  STRING,
  /** E-mail addresses. */
  EMAIL,
  /** URLs. */
  URL,
  /** Domain names. */
  DOMAIN;

  /** The texts a boolean value may have, lower case and trimmed (what Must be Boolean accepts). */
  public static final List<String> BOOLEAN_TEXTS =
      List.of("true", "false", "t", "f", "yes", "no", "y", "n", "1", "0");

  /** Lower-case name, e.g. {@code int}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What features of this value type are called in messages, e.g. {@code integer}. */
  public String noun() {
    switch (this) {
      case INT:
        return "integer";
      case BOOL:
        return "boolean";
      case EMAIL:
        return "e-mail";
      case URL:
        return "URL";
      default:
        return wireName();
    }
  }
}
