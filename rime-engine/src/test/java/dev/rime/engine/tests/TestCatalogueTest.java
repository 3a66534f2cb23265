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
            "auc",
            "subset_auc",
            "subset_accuracy",
            "duplicate_rows",
            "label_imbalance");
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
            "AUC",
            "Subset AUC",
            "Subset Accuracy",
            "Duplicate Row",
            "Label Imbalance");
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
