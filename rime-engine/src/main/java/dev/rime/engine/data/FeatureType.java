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
  TIMESTAMP,
  LABEL,
  PREDICTION;

  /** Lower-case name, as in {@code FeatureSummary.type}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
