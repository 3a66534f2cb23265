// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

/** The config's {@code model_task}, by RIME's display names. */
public enum ModelTask {
  BINARY_CLASSIFICATION("Binary Classification"),
  MULTI_CLASS_CLASSIFICATION("Multi-class Classification"),
  REGRESSION("Regression"),
  RANKING("Ranking");

  private final String displayName;

  ModelTask(String displayName) {
    this.displayName = displayName;
  }

  /** As written in the config, e.g. {@code Binary Classification}. */
  public String displayName() {
    return displayName;
  }

  /** Whether labels are classes (binary or multi-class). */
  public boolean isClassification() {
    return this == BINARY_CLASSIFICATION || this == MULTI_CLASS_CLASSIFICATION;
  }
}
