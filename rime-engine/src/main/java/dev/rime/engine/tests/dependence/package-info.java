/**
 * What the correlation and mutual information tests share: every pairwise Pearson correlation
 * ({@link dev.rime.engine.tests.dependence.PearsonMatrix}), the features as codes for mutual
 * information ({@link dev.rime.engine.tests.dependence.Discretised}), the choice of pairs under
 * {@code max_pairwise_tests} ({@link dev.rime.engine.tests.dependence.Pairs}) and the judging of a
 * change of either ({@link dev.rime.engine.tests.dependence.CorrelationChange}, {@link
 * dev.rime.engine.tests.dependence.MiChange}). The tests themselves live in the packages of their
 * categories (drift, cleanliness). ADR 0008 records the definitions.
 */
package dev.rime.engine.tests.dependence;
