/**
 * The test framework: {@link dev.rime.engine.tests.StressTest}, the lazy shared {@link
 * dev.rime.engine.tests.TestContext}, parameters and thresholds, and the one {@link
 * dev.rime.engine.tests.TestCatalogue}. Each test lives in the subpackage of its category.
 */
package dev.rime.engine.tests;
