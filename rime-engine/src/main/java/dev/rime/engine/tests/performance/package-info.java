/** Model Performance tests: a metric on reference and evaluation data, its degradation. */
package dev.rime.engine.tests.performance;
