// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.stats.Contingency;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import dev.rime.engine.tests.dependence.Discretised;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Predict Protected Features: how well the other features predict a protected feature, i.e. how
 * much of it a model can recover without seeing it. A categorical naive Bayes classifier ({@link
 * NaiveBayes}) of the protected feature's codes from the training features' codes ({@link
 * Discretised}: numeric features in reference-decile bins, categorical ones by their 50 most
 * frequent categories, missing values a code of their own) is fitted on the reference data — from
 * the protected × feature contingency tables, its sufficient statistics — and scored on the
 * evaluation data in SQL. Its balanced accuracy (the mean recall over the protected feature's
 * groups present in the evaluation data) is judged against {@code accuracy_thresholds}: plain
 * accuracy would let a classifier that always answers the majority group pass 0.9 on a feature that
 * is 90% one group (ADR 0010). Training features: {@code non_protected_train_features}, or when
 * null every numeric or categorical feature the model uses that is not protected, less categorical
 * ones with more than {@code max_categorical_train_feature_cardinality} reference values. A
 * categorical protected feature with more than {@code max_protected_feature_cardinality} reference
 * values is skipped; a numeric one is predicted as its decile bin.
 */
public final class PredictProtectedFeaturesTest implements StressTest {

  @Override
  public String id() {
    return "predict_protected_features";
  }

  @Override
  public String displayName() {
    return "Predict Protected Features";
  }

  @Override
  public String category() {
    return "Bias and Fairness";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.thresholds("accuracy_thresholds", Range.UNIT, 0.8, 0.85, 0.9),
        Param.integer("min_sample_size", 100, Range.intsFrom(1)),
        Param.optionalStrings("non_protected_train_features"),
        Param.integer("max_protected_feature_cardinality", 100, Range.intsFrom(2)),
        Param.integer("max_categorical_train_feature_cardinality", 100, Range.intsFrom(1)),
        Param.number("ref_data_split", 0.8, new Range(0, true, 1, true)));
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<Column> protectedFeatures = ProtectedGroups.features(ctx, params);
    Discretised codes = Discretised.of(ctx);
    Map<String, String> leftOut = new LinkedHashMap<>();
    List<String> train = trainingFeatures(ctx, params, codes, leftOut);
    return FeatureCases.each(
        this, protectedFeatures, "protected", c -> test(ctx, params, c, codes, train, leftOut));
  }

  /** The features to predict from, with the reason each feature left out was. */
  private static List<String> trainingFeatures(
      TestContext ctx, TestParams params, Discretised codes, Map<String, String> leftOut) {
    List<String> allProtected = ctx.config().dataInfo().protectedFeatures();
    List<Column> usable = ctx.features(params, c -> c.isNumeric() || c.isCategorical());
    List<String> given = params.strings("non_protected_train_features");
    List<Column> chosen = new ArrayList<>();
    if (given != null) {
      for (String name : given) {
        Column c = usable.stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
        if (c == null || allProtected.contains(name)) {
          throw new ConfigException(
              params.key("non_protected_train_features"),
              "'"
                  + name
                  + "' is not a numeric or categorical feature the model uses that is not"
                  + " protected (excluded columns are not either)");
        }
        chosen.add(c);
      }
    } else {
      usable.stream().filter(c -> !allProtected.contains(c.name())).forEach(chosen::add);
    }
    int maxCardinality = params.integer("max_categorical_train_feature_cardinality");
    List<String> out = new ArrayList<>();
    for (Column c : chosen) {
      if (c.isCategorical()) {
        long distinct =
            ctx.db()
                .scalarLong("SELECT count(DISTINCT " + c.catExpr() + ") FROM " + ctx.refTable());
        if (distinct > maxCardinality) {
          leftOut.put(
              c.name(),
              distinct
                  + " reference values, above max_categorical_train_feature_cardinality "
                  + maxCardinality);
          continue;
        }
      }
      if (codes.isCoded(c.name())) {
        out.add(c.name());
      }
    }
    return out;
  }

  private TestCase test(
      TestContext ctx,
      TestParams params,
      Column c,
      Discretised codes,
      List<String> train,
      Map<String, String> leftOut) {
    Thresholds thresholds = params.thresholds("accuracy_thresholds");
    int minSamples = params.integer("min_sample_size");
    int maxCardinality = params.integer("max_protected_feature_cardinality");
    ProtectedGroups.of(ctx, c);
    if (!codes.isCoded(c.name())) {
      throw new SkipTest(
          "'" + c.name() + "' is neither numeric nor categorical: it is not predicted");
    }
    if (c.isCategorical()) {
      long distinct =
          ctx.db().scalarLong("SELECT count(DISTINCT " + c.catExpr() + ") FROM " + ctx.refTable());
      if (distinct > maxCardinality) {
        throw new SkipTest(
            String.format(
                Locale.ROOT,
                "'%s' has %d reference values, above max_protected_feature_cardinality %d",
                c.name(),
                distinct,
                maxCardinality));
      }
    }
    if (train.isEmpty()) {
      throw new SkipTest("no feature to predict '" + c.name() + "' from");
    }

    // Fit on the reference data: the protected x feature tables, less the rows where the
    // protected feature is missing (its last code: nothing to predict there).
    List<String> labels = codes.binning(c.name()).labels();
    int missing = labels.size() - 1;
    List<List<String>> pairs = new ArrayList<>();
    train.forEach(f -> pairs.add(List.of(c.name(), f)));
    Contingency[] tables = new Contingency[train.size()];
    codes.pairTables(false, pairs, (k, t) -> tables[k] = withoutRow(t, missing));
    long nRef = tables[0].total();
    long nEval =
        ctx.db()
            .scalarLong(
                "SELECT count(*) FROM "
                    + codes.codeTable(true)
                    + " WHERE "
                    + codes.codeColumn(c.name())
                    + " <> "
                    + missing);
    if (nRef < minSamples || nEval < minSamples) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "%d reference and %d evaluation rows have a value of '%s'; min_sample_size is %d",
              nRef,
              nEval,
              c.name(),
              minSamples));
    }
    NaiveBayes model = NaiveBayes.fit(List.of(tables));
    long[] refSizes = new long[model.classes()];
    for (int i = 0; i < model.classes(); i++) {
      for (int j = 0; j < tables[0].cols(); j++) {
        refSizes[i] += tables[0].count(i, j);
      }
    }

    // Measure on the evaluation data: rows by true and predicted group.
    long[] evalSizes = new long[model.classes()];
    long[] correct = new long[model.classes()];
    List<String> featureColumns = train.stream().map(codes::codeColumn).toList();
    ctx.db()
        .query(
            model.confusionSql(codes.codeTable(true), codes.codeColumn(c.name()), featureColumns),
            rs -> {
              int truth = rs.getInt(1);
              if (truth == missing) {
                return null;
              }
              int predicted = model.classOfPosition(rs.getInt(2));
              evalSizes[truth] += rs.getLong(3);
              if (truth == predicted) {
                correct[truth] += rs.getLong(3);
              }
              return null;
            });
    int majority = 0;
    for (int i = 1; i < refSizes.length; i++) {
      if (refSizes[i] > refSizes[majority]) {
        majority = i;
      }
    }
    long totalCorrect = 0;
    double recallSum = 0;
    int present = 0;
    List<Map<String, Object>> table = new ArrayList<>();
    for (int i = 0; i < model.classes(); i++) {
      totalCorrect += correct[i];
      Double recall = evalSizes[i] == 0 ? null : (double) correct[i] / evalSizes[i];
      if (recall != null) {
        recallSum += recall;
        present++;
      }
      if (refSizes[i] == 0 && evalSizes[i] == 0) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", labels.get(i));
      row.put("ref_size", refSizes[i]);
      row.put("eval_size", evalSizes[i]);
      row.put("recall", recall);
      table.add(row);
    }
    double balanced = recallSum / present;
    double accuracy = (double) totalCorrect / nEval;
    double baseline = (double) evalSizes[majority] / nEval;

    // Judge.
    Severity severity = thresholds.severity(balanced);
    String head =
        String.format(
            Locale.ROOT,
            "A naive Bayes classifier fitted on %d reference rows predicts '%s' from %d feature%s"
                + " with balanced accuracy %.4g on %d evaluation rows (accuracy %.4g; always"
                + " answering the reference's largest group, %s, gives balanced accuracy %.4g and"
                + " accuracy %.4g)",
            nRef,
            c.name(),
            train.size(),
            train.size() == 1 ? "" : "s",
            balanced,
            nEval,
            accuracy,
            labels.get(majority),
            1.0 / present,
            baseline);
    String tail =
        severity == Severity.NONE
            ? String.format(
                Locale.ROOT,
                ", below the low threshold %.4g: the other features do not reveal it.",
                thresholds.low())
            : String.format(
                Locale.ROOT,
                ", which reaches the %s threshold %.4g: the other features reveal it, so a model"
                    + " can treat its groups differently without seeing it.",
                Thresholds.levelName(severity),
                thresholds.of(severity));
    return CaseBuilder.of(this)
        .feature(c.name())
        .judged(severity)
        .importance(balanced)
        .metric("balanced_accuracy", balanced)
        .metric("accuracy", accuracy)
        .metric("majority_baseline_accuracy", baseline)
        .metric("num_ref_rows", nRef)
        .metric("num_eval_rows", nEval)
        .metric("num_train_features", train.size())
        .detail("accuracy_thresholds", thresholds.toList())
        .detail("judged_metric", "balanced accuracy: mean recall over the groups present")
        .detail(
            "classifier",
            "categorical naive Bayes (Laplace alpha 1) on Discretised codes, fitted on the"
                + " reference data, scored on the evaluation data")
        .detail("train_features", train)
        .detail("left_out_features", leftOut)
        .detail("binning", codes.describe(c.name()))
        .detail("groups", table)
        .detail("min_sample_size", minSamples)
        .description(head + tail)
        .build();
  }

  /** A copy of a table with one row's counts set to 0 (its rows left out). */
  private static Contingency withoutRow(Contingency t, int row) {
    long[] counts = t.counts().clone();
    Arrays.fill(counts, row * t.cols(), (row + 1) * t.cols(), 0);
    return new Contingency(t.rows(), t.cols(), counts);
  }
}
