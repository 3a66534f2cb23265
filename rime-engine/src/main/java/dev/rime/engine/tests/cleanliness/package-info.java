/** Data Cleanliness tests: duplicate rows, label imbalance. */
package dev.rime.engine.tests.cleanliness;
