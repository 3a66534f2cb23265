// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import java.util.Locale;

/** The type (or role) the engine gives a column; its {@link #wireName()} is what results show. */
public enum FeatureType {
  NUMERIC,
  CATEGORICAL,
  BOOLEAN,
  TEXT,
  IDENTIFIER,
  /** E-mail addresses (see {@link TextKinds}). */
  EMAIL,
  /** URLs with a scheme and a host (see {@link TextKinds}). */
  URL,
  /** Domain names (see {@link TextKinds}). */
  DOMAIN,
  TIMESTAMP,
  LABEL,
  PREDICTION;

  /** Lower-case name, as in {@code FeatureSummary.type}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
