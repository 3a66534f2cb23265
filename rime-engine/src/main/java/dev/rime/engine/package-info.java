/**
 * RIME engine: runs a stress test on reference and evaluation data without a server. Entry points:
 * {@link dev.rime.engine.Engine#run} (returns the result), {@link dev.rime.engine.ResultWriter}
 * (writes it to a folder, for the CLI) and {@link dev.rime.engine.JobMain} (the job process of the
 * server's local executor).
 */
package dev.rime.engine;
