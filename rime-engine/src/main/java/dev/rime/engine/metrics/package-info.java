// SPDX-License-Identifier: Apache-2.0
/**
 * Model metrics for every task: {@link dev.rime.engine.metrics.Metric} names them, {@link
 * dev.rime.engine.metrics.MetricStats} computes them from sufficient statistics gathered by one SQL
 * GROUP BY per grouping, so a metric over the whole data and over each subset of a feature cost one
 * scan each. Values follow scikit-learn's definitions (see docs/adr/0011).
 */
package dev.rime.engine.metrics;
