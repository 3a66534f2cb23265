/** Abnormal Inputs tests: evaluation rows with values the reference data never had. */
package dev.rime.engine.tests.abnormal;
