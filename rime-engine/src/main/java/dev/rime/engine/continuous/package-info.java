/**
 * Continuous testing's parts of the engine: {@link dev.rime.engine.continuous.TimeBins} cuts the
 * evaluation rows into UTC time bins by the timestamp column, {@link
 * dev.rime.engine.continuous.BinSeries} computes every bin's time-series values. {@link
 * dev.rime.engine.ContinuousEngine} runs the job (see {@code docs/continuous-testing.md}).
 */
package dev.rime.engine.continuous;
