// SPDX-License-Identifier: Apache-2.0
/**
 * Attacks: how far the model's prediction moves when one feature, or a few, of an evaluation row
 * change — to any reference value (Single- and Multi-Feature Changes) or within a fraction of the
 * feature's reference range (the Bounded ones). Every test calls the model.
 */
package dev.rime.engine.tests.attacks;
