/** Data Poisoning Detection: evaluation rows that contradict the reference data's labels. */
package dev.rime.engine.tests.poisoning;
