/** Drift tests: PSI between reference and evaluation distributions, judged by model impact. */
package dev.rime.engine.tests.drift;
