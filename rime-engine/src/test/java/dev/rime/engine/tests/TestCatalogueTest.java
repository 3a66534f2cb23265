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
            "subset_auc",
            "subset_accuracy",
            "subset_f1",
            "subset_precision",
            "subset_recall",
            "subset_false_positive_rate",
            "subset_false_negative_rate",
            "subset_positive_prediction_rate",
            "subset_multiclass_auc",
            "subset_multiclass_accuracy",
            "subset_macro_f1",
            "subset_macro_precision",
            "subset_macro_recall",
            "subset_average_confidence",
            "subset_log_loss",
            "subset_average_prediction",
            "subset_mae",
            "subset_mape",
            "subset_mse",
            "subset_msle",
            "subset_rmse",
            "subset_r_squared",
            "weak_segments",
            "subset_drift_auc",
            "subset_drift_accuracy",
            "subset_drift_f1",
            "subset_drift_precision",
            "subset_drift_recall",
            "subset_drift_false_positive_rate",
            "subset_drift_false_negative_rate",
            "subset_drift_positive_prediction_rate",
            "subset_drift_multiclass_auc",
            "subset_drift_multiclass_accuracy",
            "subset_drift_macro_f1",
            "subset_drift_macro_precision",
            "subset_drift_macro_recall",
            "subset_drift_average_confidence",
            "subset_drift_log_loss",
            "subset_drift_average_prediction",
            "subset_drift_mae",
            "subset_drift_mape",
            "subset_drift_mse",
            "subset_drift_msle",
            "subset_drift_rmse",
            "subset_drift_r_squared",
            "duplicate_rows",
            "label_imbalance",
            "mi_decrease_feature_to_label",
            "high_mi_feature_to_label",
            "high_feature_correlation",
            "required_features",
            "exact_match_label_flipping");
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
            "Subset AUC",
            "Subset Accuracy",
            "Subset F1",
            "Subset Precision",
            "Subset Recall",
            "Subset False Positive Rate",
            "Subset False Negative Rate",
            "Subset Positive Prediction Rate",
            "Subset Multiclass AUC",
            "Subset Multiclass Accuracy",
            "Subset Macro F1",
            "Subset Macro Precision",
            "Subset Macro Recall",
            "Subset Average Confidence",
            "Subset Log Loss",
            "Subset Average Prediction",
            "Subset Mean Absolute Error",
            "Subset Mean Absolute Percentage Error",
            "Subset Mean Squared Error",
            "Subset Mean Squared Log Error",
            "Subset Root Mean Squared Error",
            "Subset R Squared",
            "Weak Segments",
            "Subset Drift AUC",
            "Subset Drift Accuracy",
            "Subset Drift F1",
            "Subset Drift Precision",
            "Subset Drift Recall",
            "Subset Drift False Positive Rate",
            "Subset Drift False Negative Rate",
            "Subset Drift Positive Prediction Rate",
            "Subset Drift Multiclass AUC",
            "Subset Drift Multiclass Accuracy",
            "Subset Drift Macro F1",
            "Subset Drift Macro Precision",
            "Subset Drift Macro Recall",
            "Subset Drift Average Confidence",
            "Subset Drift Log Loss",
            "Subset Drift Average Prediction",
            "Subset Drift Mean Absolute Error",
            "Subset Drift Mean Absolute Percentage Error",
            "Subset Drift Mean Squared Error",
            "Subset Drift Mean Squared Log Error",
            "Subset Drift Root Mean Squared Error",
            "Subset Drift R Squared",
            "Duplicate Row",
            "Label Imbalance",
            "Mutual Information Decrease (Feature to Label)",
            "High Mutual Information (Feature to Label)",
            "High Feature Correlation",
            "Required Features",
            "Label Flipping Detection (Exact Match)");
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
