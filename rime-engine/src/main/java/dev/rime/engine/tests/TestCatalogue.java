// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import dev.rime.engine.data.ValueType;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.tests.abnormal.BoolFeatureTypeTest;
import dev.rime.engine.tests.abnormal.CapitalizationTest;
import dev.rime.engine.tests.abnormal.DomainFeatureTypeTest;
import dev.rime.engine.tests.abnormal.EmailFeatureTypeTest;
import dev.rime.engine.tests.abnormal.EmptyStringTest;
import dev.rime.engine.tests.abnormal.FloatFeatureTypeTest;
import dev.rime.engine.tests.abnormal.InconsistenciesTest;
import dev.rime.engine.tests.abnormal.IntFeatureTypeTest;
import dev.rime.engine.tests.abnormal.NullCheckTest;
import dev.rime.engine.tests.abnormal.NumericOutlierTest;
import dev.rime.engine.tests.abnormal.OutOfRangeTest;
import dev.rime.engine.tests.abnormal.RareCategoriesTest;
import dev.rime.engine.tests.abnormal.RequiredCharactersTest;
import dev.rime.engine.tests.abnormal.StrFeatureTypeTest;
import dev.rime.engine.tests.abnormal.UnseenCategoricalTest;
import dev.rime.engine.tests.abnormal.UnseenDomainTest;
import dev.rime.engine.tests.abnormal.UnseenEmailTest;
import dev.rime.engine.tests.abnormal.UnseenUrlTest;
import dev.rime.engine.tests.abnormal.UrlFeatureTypeTest;
import dev.rime.engine.tests.attacks.BoundedMultiFeatureChangesTest;
import dev.rime.engine.tests.attacks.BoundedSingleFeatureChangesTest;
import dev.rime.engine.tests.attacks.MultiFeatureChangesTest;
import dev.rime.engine.tests.attacks.SingleFeatureChangesTest;
import dev.rime.engine.tests.cleanliness.DuplicateRowsTest;
import dev.rime.engine.tests.cleanliness.HighFeatureCorrelationTest;
import dev.rime.engine.tests.cleanliness.HighMiFeatureToLabelTest;
import dev.rime.engine.tests.cleanliness.LabelImbalanceTest;
import dev.rime.engine.tests.cleanliness.MiDecreaseFeatureToLabelTest;
import dev.rime.engine.tests.cleanliness.RequiredFeaturesTest;
import dev.rime.engine.tests.drift.CategoricalDriftTest;
import dev.rime.engine.tests.drift.CategoricalLabelDriftTest;
import dev.rime.engine.tests.drift.ContinuousDriftTest;
import dev.rime.engine.tests.drift.CorrelationFeatureDriftTest;
import dev.rime.engine.tests.drift.CorrelationLabelDriftTest;
import dev.rime.engine.tests.drift.MutualInformationFeatureDriftTest;
import dev.rime.engine.tests.drift.MutualInformationLabelDriftTest;
import dev.rime.engine.tests.drift.NullProportionTest;
import dev.rime.engine.tests.drift.PredictedLabelDriftTest;
import dev.rime.engine.tests.drift.PredictionDriftTest;
import dev.rime.engine.tests.drift.RegressionLabelDriftTest;
import dev.rime.engine.tests.drift.RowNullProportionTest;
import dev.rime.engine.tests.fairness.ChiSquaredIndependenceTest;
import dev.rime.engine.tests.fairness.ClassImbalanceTest;
import dev.rime.engine.tests.fairness.DemographicParityAvgPredTest;
import dev.rime.engine.tests.fairness.DemographicParityTest;
import dev.rime.engine.tests.fairness.EqualOppMacroRecallTest;
import dev.rime.engine.tests.fairness.EqualOpportunityTest;
import dev.rime.engine.tests.fairness.EqualizedOddsTest;
import dev.rime.engine.tests.fairness.GroupFairnessAvgPredTest;
import dev.rime.engine.tests.fairness.IntersectionalGroupFairnessTest;
import dev.rime.engine.tests.fairness.PredictProtectedFeaturesTest;
import dev.rime.engine.tests.fairness.PredictiveEqualityTest;
import dev.rime.engine.tests.fairness.ProtectedFeatureDriftTest;
import dev.rime.engine.tests.fairness.ProtectedProxiesTest;
import dev.rime.engine.tests.fairness.SubsetSensitivityAvgPredTest;
import dev.rime.engine.tests.fairness.SubsetSensitivityPosPredTest;
import dev.rime.engine.tests.performance.AverageThresholdedConfidenceTest;
import dev.rime.engine.tests.performance.CalibrationComparisonTest;
import dev.rime.engine.tests.performance.MetricPerformanceTest;
import dev.rime.engine.tests.poisoning.ExactMatchLabelFlippingTest;
import dev.rime.engine.tests.subset.SubsetDegradationTest;
import dev.rime.engine.tests.subset.SubsetPerformanceTest;
import dev.rime.engine.tests.subset.WeakSegmentsTest;
import dev.rime.engine.tests.transformations.CapitalizationChangeTest;
import dev.rime.engine.tests.transformations.EmptyStringSubstitutionTest;
import dev.rime.engine.tests.transformations.FeatureTypeChangeTest;
import dev.rime.engine.tests.transformations.NullSubstitutionTest;
import dev.rime.engine.tests.transformations.OutOfRangeSubstitutionTest;
import dev.rime.engine.tests.transformations.OutlierSubstitutionTest;
import dev.rime.engine.tests.transformations.RequiredCharactersDeletionTest;
import dev.rime.engine.tests.transformations.UnseenCategoricalSubstitutionTest;
import dev.rime.engine.tests.transformations.UnseenDomainSubstitutionTest;
import dev.rime.engine.tests.transformations.UnseenEmailSubstitutionTest;
import dev.rime.engine.tests.transformations.UnseenUrlSubstitutionTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every test the engine runs, in run order, with stable ids. Adding a test means adding its class
 * and one line here.
 */
public final class TestCatalogue {

  /** Categories this engine can run, in catalogue order. */
  public static final List<String> CATEGORIES =
      List.of(
          "Abnormal Inputs",
          "Drift",
          "Model Performance",
          "Subset Performance",
          "Subset Performance Degradation",
          "Data Cleanliness",
          "Data Poisoning Detection",
          "Bias and Fairness",
          "Transformations",
          "Attacks");

  /** Categories run when {@code tests_config.categories} is empty (see ADR 0002). */
  public static final List<String> DEFAULT_CATEGORIES =
      List.of(
          "Abnormal Inputs",
          "Drift",
          "Model Performance",
          "Subset Performance",
          "Data Cleanliness");

  /**
   * Default categories that call the model: run by default only when there is one (ADR 0017; RIME
   * 0.20 runs Transformations and Attacks by default).
   */
  public static final List<String> MODEL_DEFAULT_CATEGORIES = List.of("Transformations", "Attacks");

  private static final List<StressTest> ALL =
      flatten(
          new NumericOutlierTest(),
          new UnseenCategoricalTest(),
          new UnseenDomainTest(),
          new UnseenEmailTest(),
          new UnseenUrlTest(),
          new RareCategoriesTest(),
          new OutOfRangeTest(),
          new RequiredCharactersTest(),
          new InconsistenciesTest(),
          new CapitalizationTest(),
          new EmptyStringTest(),
          new IntFeatureTypeTest(),
          new FloatFeatureTypeTest(),
          new StrFeatureTypeTest(),
          new BoolFeatureTypeTest(),
          new UrlFeatureTypeTest(),
          new DomainFeatureTypeTest(),
          new EmailFeatureTypeTest(),
          new NullCheckTest(),
          new CategoricalDriftTest(),
          new ContinuousDriftTest(),
          new PredictionDriftTest(),
          new CorrelationFeatureDriftTest(),
          new CorrelationLabelDriftTest(),
          new MutualInformationFeatureDriftTest(),
          new MutualInformationLabelDriftTest(),
          new CategoricalLabelDriftTest(),
          new RegressionLabelDriftTest(),
          new PredictedLabelDriftTest(),
          new NullProportionTest(),
          new RowNullProportionTest(),
          new MetricPerformanceTest(Metric.AUC),
          new MetricPerformanceTest(Metric.ACCURACY),
          new MetricPerformanceTest(Metric.F1),
          new MetricPerformanceTest(Metric.PRECISION),
          new MetricPerformanceTest(Metric.RECALL),
          new MetricPerformanceTest(Metric.FALSE_POSITIVE_RATE),
          new MetricPerformanceTest(Metric.FALSE_NEGATIVE_RATE),
          new MetricPerformanceTest(Metric.POSITIVE_PREDICTION_RATE),
          new MetricPerformanceTest(Metric.MULTICLASS_AUC),
          new MetricPerformanceTest(Metric.MULTICLASS_ACCURACY),
          new MetricPerformanceTest(Metric.MACRO_F1),
          new MetricPerformanceTest(Metric.MACRO_PRECISION),
          new MetricPerformanceTest(Metric.MACRO_RECALL),
          MetricPerformanceTest.averageConfidence(),
          new MetricPerformanceTest(Metric.LOG_LOSS),
          new MetricPerformanceTest(Metric.AVERAGE_PREDICTION),
          new MetricPerformanceTest(Metric.MAE),
          new MetricPerformanceTest(Metric.MAPE),
          new MetricPerformanceTest(Metric.MSE),
          new MetricPerformanceTest(Metric.MSLE),
          new MetricPerformanceTest(Metric.RMSE),
          new MetricPerformanceTest(Metric.R_SQUARED),
          new AverageThresholdedConfidenceTest(),
          new CalibrationComparisonTest(),
          SubsetPerformanceTest.everyMetric(),
          new WeakSegmentsTest(),
          SubsetDegradationTest.everyMetric(),
          new DuplicateRowsTest(),
          new LabelImbalanceTest(),
          new MiDecreaseFeatureToLabelTest(),
          new HighMiFeatureToLabelTest(),
          new HighFeatureCorrelationTest(),
          new RequiredFeaturesTest(),
          new ExactMatchLabelFlippingTest(),
          new ProtectedFeatureDriftTest(),
          new ProtectedProxiesTest(),
          new ClassImbalanceTest(),
          new EqualizedOddsTest(),
          new IntersectionalGroupFairnessTest(),
          new GroupFairnessAvgPredTest(),
          new DemographicParityTest(),
          new DemographicParityAvgPredTest(),
          new ChiSquaredIndependenceTest(),
          new PredictProtectedFeaturesTest(),
          new SubsetSensitivityPosPredTest(),
          new SubsetSensitivityAvgPredTest(),
          new EqualOpportunityTest(),
          new EqualOppMacroRecallTest(),
          new PredictiveEqualityTest(),
          new OutOfRangeSubstitutionTest(),
          new OutlierSubstitutionTest(),
          new FeatureTypeChangeTest(ValueType.INT),
          new FeatureTypeChangeTest(ValueType.FLOAT),
          new FeatureTypeChangeTest(ValueType.STRING),
          new FeatureTypeChangeTest(ValueType.BOOL),
          new FeatureTypeChangeTest(ValueType.URL),
          new FeatureTypeChangeTest(ValueType.DOMAIN),
          new FeatureTypeChangeTest(ValueType.EMAIL),
          new EmptyStringSubstitutionTest(),
          new RequiredCharactersDeletionTest(),
          new UnseenCategoricalSubstitutionTest(),
          new UnseenDomainSubstitutionTest(),
          new UnseenEmailSubstitutionTest(),
          new UnseenUrlSubstitutionTest(),
          new NullSubstitutionTest(),
          new CapitalizationChangeTest(),
          new SingleFeatureChangesTest(),
          new BoundedSingleFeatureChangesTest(),
          new MultiFeatureChangesTest(),
          new BoundedMultiFeatureChangesTest());

  private TestCatalogue() {}

  /** Tests and lists of tests (e.g. one per metric), in order, as one list. */
  private static List<StressTest> flatten(Object... testsOrLists) {
    List<StressTest> out = new ArrayList<>();
    for (Object o : testsOrLists) {
      if (o instanceof StressTest t) {
        out.add(t);
      } else {
        for (Object t : (List<?>) o) {
          out.add((StressTest) t);
        }
      }
    }
    return List.copyOf(out);
  }

  /** Every test, in run order. */
  public static List<StressTest> all() {
    return ALL;
  }

  /** Every test id, in run order. */
  public static List<String> ids() {
    return ALL.stream().map(StressTest::id).collect(Collectors.toList());
  }

  /** The test with this id. */
  public static Optional<StressTest> byId(String id) {
    return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
