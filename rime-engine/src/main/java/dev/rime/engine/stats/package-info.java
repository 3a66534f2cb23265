/** Statistics computed in Java from SQL aggregates: AUC, PSI, confidence intervals, bin edges. */
package dev.rime.engine.stats;
