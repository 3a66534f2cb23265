// SPDX-License-Identifier: Apache-2.0
/**
 * Writing a model for RIME on the JVM: implement {@link dev.rime.api.model.Model} (rows in as a
 * {@link dev.rime.api.model.ModelBatch}, one row of outputs per row out), put it in a jar, and name
 * the jar and the class in {@code model_info}.
 */
package dev.rime.api.model;
