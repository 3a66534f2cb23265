// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import java.util.Map;

/**
 * What a transformation writes into one feature of every sampled row.
 *
 * @param expr SQL over the sample's columns (unqualified; {@code rime_i} is the row's index in the
 *     sample) giving the new value
 * @param keepsType true when the new value is cast to the column's own type (the perturbed rows of
 *     several features then go to the model in one call); false when the column takes the type of
 *     {@code expr} instead (a feature type change: one call for the feature)
 * @param what the value, for descriptions, e.g. {@code null} or {@code values above the reference
 *     range}
 * @param details test-specific details (substituted values, thresholds)
 */
public record Substitution(
    String expr, boolean keepsType, String what, Map<String, Object> details) {

  /** A value cast to the column's own type. */
  public static Substitution of(String expr, String what, Map<String, Object> details) {
    return new Substitution(expr, true, what, details);
  }

  /** A value of another type than the column's: the column takes the value's type. */
  public static Substitution typeChange(String expr, String what, Map<String, Object> details) {
    return new Substitution(expr, false, what, details);
  }
}
