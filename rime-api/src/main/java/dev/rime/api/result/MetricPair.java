// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.result;

/** A model performance metric on the reference and on the evaluation data (null: undefined). */
public record MetricPair(Double refMetric, Double evalMetric) {}
