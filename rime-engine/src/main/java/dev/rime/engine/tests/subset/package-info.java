// SPDX-License-Identifier: Apache-2.0
/**
 * Subset Performance (one test per metric: subsets of a feature where the model does worse than
 * overall), Subset Performance Degradation (subsets where it got worse from the reference to the
 * evaluation data) and the Weak Segments search (segments of one feature or a pair of features
 * worse than the rest of the data, with false discovery control). See docs/adr/0013.
 */
package dev.rime.engine.tests.subset;
