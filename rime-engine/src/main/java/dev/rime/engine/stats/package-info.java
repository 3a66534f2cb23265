/**
 * Statistics computed in Java from SQL aggregates: AUC, PSI, confidence intervals, bin edges,
 * mutual information of contingency tables, Fisher's z, and the samplers of the null simulations.
 */
package dev.rime.engine.stats;
