// SPDX-License-Identifier: Apache-2.0
/**
 * Bias and Fairness tests: how the data and the model treat the groups of each protected feature
 * ({@code data_info.protected_features}); {@link ProtectedGroups} defines the groups (ADR 0010).
 */
package dev.rime.engine.tests.fairness;
