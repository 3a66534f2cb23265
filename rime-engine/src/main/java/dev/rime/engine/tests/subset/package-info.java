/** Subset Performance tests: subsets of the evaluation data where the model does worse. */
package dev.rime.engine.tests.subset;
