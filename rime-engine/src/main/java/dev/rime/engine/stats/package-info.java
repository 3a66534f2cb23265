/**
 * Statistics computed in Java from SQL aggregates: AUC, PSI and its null simulation, the
 * Kolmogorov-Smirnov p-value, Jensen-Shannon distance, chi-squared, the two-proportion z-test,
 * confidence intervals, bin edges, mutual information of contingency tables, Fisher's z, and the
 * samplers of the null simulations.
 */
package dev.rime.engine.stats;
