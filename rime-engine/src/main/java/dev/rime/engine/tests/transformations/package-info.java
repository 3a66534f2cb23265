// SPDX-License-Identifier: Apache-2.0
/**
 * Transformations: tests that substitute an abnormal value (null, an unseen category, a value out
 * of range, a value of the wrong type, …) into one feature of sampled evaluation rows, call the
 * model on them and judge the simulated performance change ({@link
 * dev.rime.engine.tests.transformations.Transformations}). They need a model.
 */
package dev.rime.engine.tests.transformations;
