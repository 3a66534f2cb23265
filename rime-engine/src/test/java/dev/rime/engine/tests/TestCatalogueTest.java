// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCatalogueTest {

  @Test
  void idsAndNamesAreRimes() {
    assertThat(TestCatalogue.ids())
        .containsExactly(
            "numeric_outlier",
            "unseen_categorical",
            "unseen_domain",
            "unseen_email",
            "unseen_url",
            "rare_categories",
            "out_of_range",
            "req_characters",
            "inconsistencies",
            "capitalization",
            "empty_string",
            "int_feature_type",
            "float_feature_type",
            "str_feature_type",
            "bool_feature_type",
            "url_feature_type",
            "domain_feature_type",
            "email_feature_type",
            "null_check",
            "categorical_drift",
            "continuous_drift",
            "prediction_drift",
            "correlation_feat_drift",
            "correlation_label_drift",
            "mutual_information_feat_drift",
            "mutual_information_label_drift",
            "categorical_label_drift",
            "regression_label_drift",
            "multiclass_pred_label_drift",
            "null_proportion",
            "row_null_proportion",
            "auc",
            "accuracy",
            "f1",
            "precision",
            "recall",
            "false_positive_rate",
            "false_negative_rate",
            "positive_prediction_rate",
            "multiclass_auc",
            "multiclass_accuracy",
            "macro_f1",
            "macro_precision",
            "macro_recall",
            "avg_confidence",
            "log_loss",
            "average_prediction",
            "mae",
            "mape",
            "mse",
            "msle",
            "rmse",
            "r_squared",
            "atc",
            "calibration_comparison",
            "subset_auc",
            "subset_accuracy",
            "duplicate_rows",
            "label_imbalance",
            "mi_decrease_feature_to_label",
            "high_mi_feature_to_label",
            "high_feature_correlation",
            "required_features",
            "exact_match_label_flipping",
            "protected_feature_drift",
            "protected_proxies",
            "class_imbalance",
            "equalized_odds",
            "intersectional_group_fairness",
            "group_fairness_avg_pred",
            "demographic_parity",
            "demographic_parity_avg_pred",
            "chi_squared_independence",
            "predict_protected_features",
            "subset_sensitivity_pos_pred",
            "subset_sensitivity_avg_pred",
            "equal_opportunity",
            "equal_opp_macro_recall",
            "predictive_equality");
    assertThat(TestCatalogue.all())
        .extracting(StressTest::displayName)
        .containsExactly(
            "Numeric Outliers",
            "Unseen Categorical",
            "Unseen Domain",
            "Unseen Email",
            "Unseen URL",
            "Rare Categories",
            "Out of Range",
            "Required Characters",
            "Inconsistencies",
            "Capitalization",
            "Empty String",
            "Must be Int",
            "Must be Float",
            "Must be String",
            "Must be Boolean",
            "Must be URL",
            "Must be Domain",
            "Must be Email",
            "Null Check",
            "Categorical Feature Drift",
            "Numeric Feature Drift",
            "Prediction Drift",
            "Correlation Drift (Feature-to-Feature)",
            "Correlation Drift (Feature-to-Label)",
            "Mutual Information Drift (Feature-to-Feature)",
            "Mutual Information Drift (Feature-to-Label)",
            "Label Drift (Categorical)",
            "Label Drift (Regression)",
            "Predicted Label Drift",
            "Nulls Per Feature Drift",
            "Nulls Per Row Drift",
            "AUC",
            "Accuracy",
            "F1",
            "Precision",
            "Recall",
            "False Positive Rate",
            "False Negative Rate",
            "Positive Prediction Rate",
            "Multiclass AUC",
            "Multiclass Accuracy",
            "Macro F1",
            "Macro Precision",
            "Macro Recall",
            "Average Confidence",
            "Log Loss",
            "Average Prediction",
            "Mean Absolute Error",
            "Mean Absolute Percentage Error",
            "Mean Squared Error",
            "Mean Squared Log Error",
            "Root Mean Squared Error",
            "R Squared",
            "Average Thresholded Confidence",
            "Calibration Comparison",
            "Subset AUC",
            "Subset Accuracy",
            "Duplicate Row",
            "Label Imbalance",
            "Mutual Information Decrease (Feature to Label)",
            "High Mutual Information (Feature to Label)",
            "High Feature Correlation",
            "Required Features",
            "Label Flipping Detection (Exact Match)",
            "Protected Feature Drift",
            "Discrimination By Proxy",
            "Class Imbalance",
            "Equalized Odds",
            "Intersectional Group Fairness (Pos Pred)",
            "Intersectional Group Fairness (Avg Pred)",
            "Demographic Parity (Pos Pred)",
            "Demographic Parity (Avg Pred)",
            "Feature Independence",
            "Predict Protected Features",
            "Subset Sensitivity (Pos Pred)",
            "Subset Sensitivity (Avg Pred)",
            "Equal Opportunity (Recall)",
            "Equal Opportunity (Macro Recall)",
            "Predictive Equality (FPR)");
    assertThat(new HashSet<>(TestCatalogue.ids())).hasSize(TestCatalogue.ids().size());
    assertThat(TestCatalogue.all())
        .allSatisfy(t -> assertThat(TestCatalogue.CATEGORIES).contains(t.category()));
  }

  @Test
  void defaultsPassTheirOwnValidation() {
    for (StressTest t : TestCatalogue.all()) {
      for (Param p : t.params()) {
        if (p.kind() != Param.Kind.UNSUPPORTED) {
          p.validate("tests_config." + t.id() + "." + p.key(), p.defaultValue());
        }
      }
    }
    assertThat(TestCatalogue.byId("out_of_range").orElseThrow().defaultParams())
        .containsEntry("std_factor", 3.0)
        .containsKey("performance_change_config");
    assertThat(TestCatalogue.byId("auc").orElseThrow().defaultParams())
        .containsEntry("degradation_thresholds", List.of(0.02, 0.05, 0.1))
        .containsEntry("absolute_thresholds", null);
  }
}
