// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

/**
 * Model performance on one dataset (null: undefined or not measurable). A prediction is positive
 * when it is above 0.5.
 *
 * @param auc AUC over rows with a label and a prediction; null with one class
 * @param accuracy share of labelled rows whose thresholded prediction equals the label
 * @param positivePredictionRate share of predictions above 0.5
 * @param averagePrediction mean prediction
 * @param labeledRows rows with both a label and a prediction
 */
public record ModelMetrics(
    Double auc,
    Double accuracy,
    Double positivePredictionRate,
    Double averagePrediction,
    long labeledRows) {}
