// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import dev.rime.engine.config.TestRunConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every column a type from one profiling query over the reference table (rules in {@code
 * docs/tests-catalogue.md}):
 *
 * <ol>
 *   <li>the label and prediction columns get those roles;
 *   <li>a column with no non-null value in the reference is categorical (empty);
 *   <li>BOOLEAN columns are boolean; DATE / TIME / TIMESTAMP columns are timestamps;
 *   <li>numbers (and strings that all parse as numbers) are categorical below {@code
 *       min_nunique_for_numeric} distinct values, numeric otherwise;
 *   <li>other strings are identifiers when distinct / non-null ≥ {@code min_unique_prop} with more
 *       than 20 non-null values, text when more than 50 distinct and distinct / non-null &gt; 0.5,
 *       categorical otherwise;
 *   <li>when {@code data_info.categorical_features} is given, exactly those columns are
 *       categorical: other numbers are numeric and other strings text or identifier.
 * </ol>
 *
 * NaN counts as missing. Columns in {@code features_not_in_model} keep their type but are not
 * tested; columns present in only one table are listed but not tested.
 */
public final class TypeInference {

  /** More non-null values than this are needed to call a string column an identifier. */
  static final int MIN_NONNULL_FOR_IDENTIFIER = 20;

  /** More distinct values than this are needed to call a string column text. */
  static final int MIN_DISTINCT_FOR_TEXT = 50;

  private TypeInference() {}

  /**
   * Counts of one reference column: non-null and distinct values as stored; values that parse as
   * numbers; non-missing and distinct values by number value (the categories {@link
   * Column#catExpr()} gives a numeric column, so 1 and 1.0 count once).
   */
  private record Profile(
      long nonNull, long distinct, long parsed, long numNonNull, long numDistinct) {}

  /** Types the columns of {@code ref} (then the evaluation-only ones) under {@code config}. */
  public static List<Column> infer(Db db, TestRunConfig config, Dataset ref, Dataset eval) {
    var info = config.dataInfo();
    Set<String> categorical =
        info.categoricalFeatures() == null ? null : new HashSet<>(info.categoricalFeatures());
    Set<String> notInModel = new HashSet<>(info.featuresNotInModel());
    List<String> names = new ArrayList<>(ref.columns().keySet());
    Map<String, Profile> profiles = profile(db, ref, names);

    List<Column> out = new ArrayList<>();
    for (String name : names) {
      String refType = ref.columns().get(name);
      String evalType = eval.columns().get(name);
      Profile p = profiles.get(name);
      boolean numericValues =
          Db.isNumericType(refType)
              || (evalType != null && Db.isNumericType(evalType))
              || (isString(refType) && p.nonNull() > 0 && p.parsed() == p.nonNull());
      FeatureType type;
      String source = "inferred";
      String reason;
      if (name.equals(info.labelCol())) {
        type = FeatureType.LABEL;
        source = "config";
        reason = "data_info.label_col";
      } else if (name.equals(info.predCol())) {
        type = FeatureType.PREDICTION;
        source = "config";
        reason = "data_info.pred_col";
      } else {
        boolean listed = categorical != null && categorical.contains(name);
        boolean numeric =
            Db.isNumericType(refType) || (isString(refType) && p.parsed() == p.nonNull());
        long nonNull = numeric ? p.numNonNull() : p.nonNull();
        long distinct = numeric ? p.numDistinct() : p.distinct();
        if (listed) {
          type = FeatureType.CATEGORICAL;
          source = "config";
          reason = "listed in data_info.categorical_features";
        } else if (nonNull == 0) {
          type = FeatureType.CATEGORICAL;
          reason = "empty: every value in the reference data is null";
        } else if (refType.equalsIgnoreCase("BOOLEAN")) {
          type = FeatureType.BOOLEAN;
          reason = "boolean values";
        } else if (Db.isTemporalType(refType)) {
          type = FeatureType.TIMESTAMP;
          reason = "date/time type " + refType;
        } else if (numeric) {
          String what = Db.isNumericType(refType) ? "number" : "string of numbers";
          if (categorical != null) {
            type = FeatureType.NUMERIC;
            source = "config";
            reason = what + " not listed in data_info.categorical_features";
          } else if (distinct < config.minNuniqueForNumeric()) {
            type = FeatureType.CATEGORICAL;
            reason =
                what
                    + " with "
                    + distinct
                    + " distinct values < min_nunique_for_numeric "
                    + config.minNuniqueForNumeric();
          } else {
            type = FeatureType.NUMERIC;
            reason =
                what
                    + " with "
                    + distinct
                    + " distinct values >= min_nunique_for_numeric "
                    + config.minNuniqueForNumeric();
          }
        } else {
          double ratio = (double) distinct / nonNull;
          String stats = distinct + " distinct of " + nonNull + " non-null values";
          if (ratio >= config.minUniqueProp() && nonNull > MIN_NONNULL_FOR_IDENTIFIER) {
            type = FeatureType.IDENTIFIER;
            reason = stats + ": share unique >= min_unique_prop " + config.minUniqueProp();
          } else if (distinct > MIN_DISTINCT_FOR_TEXT && ratio > 0.5) {
            type = FeatureType.TEXT;
            reason = stats + ": more than " + MIN_DISTINCT_FOR_TEXT + " and over half unique";
          } else if (categorical != null) {
            type = FeatureType.TEXT;
            source = "config";
            reason = "string not listed in data_info.categorical_features (" + stats + ")";
          } else {
            type = FeatureType.CATEGORICAL;
            reason = "string with " + stats;
          }
        }
      }
      boolean inModel = !notInModel.contains(name);
      if (!inModel) {
        reason += "; in data_info.features_not_in_model: not tested";
      }
      if (evalType == null) {
        reason += "; missing from the evaluation data: not tested";
      }
      out.add(new Column(name, type, source, reason, refType, evalType, inModel, numericValues));
    }
    for (Map.Entry<String, String> e : eval.columns().entrySet()) {
      if (!ref.columns().containsKey(e.getKey())) {
        FeatureType t =
            Db.isNumericType(e.getValue()) ? FeatureType.NUMERIC : FeatureType.CATEGORICAL;
        out.add(
            new Column(
                e.getKey(),
                t,
                "inferred",
                "only in the evaluation data (DuckDB type " + e.getValue() + "): not tested",
                null,
                e.getValue(),
                !notInModel.contains(e.getKey()),
                Db.isNumericType(e.getValue())));
      }
    }
    return out;
  }

  private static boolean isString(String duckType) {
    return duckType.equalsIgnoreCase("VARCHAR");
  }

  private static Map<String, Profile> profile(Db db, Dataset ref, List<String> names) {
    if (names.isEmpty()) {
      return Map.of();
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < names.size(); i++) {
      Column c = new Column(names.get(i), FeatureType.TEXT, "", "", null, null, true, true);
      String q = c.quoted();
      if (i > 0) {
        sql.append(", ");
      }
      sql.append("count(").append(q).append("), count(DISTINCT ").append(q).append("), ");
      String type = ref.columns().get(names.get(i));
      if (Db.isNumericType(type) || isString(type) || type.equalsIgnoreCase("BOOLEAN")) {
        sql.append("count(TRY_CAST(").append(q).append(" AS DOUBLE)), ");
        sql.append("count(").append(c.catExpr()).append("), count(DISTINCT ");
        sql.append(c.catExpr()).append(")");
      } else {
        sql.append("0, 0, 0");
      }
    }
    sql.append(" FROM ").append(ref.quotedTable());
    return db.queryOne(
        sql.toString(),
        rs -> {
          Map<String, Profile> m = new java.util.HashMap<>();
          for (int i = 0; i < names.size(); i++) {
            int b = i * 5;
            m.put(
                names.get(i),
                new Profile(
                    rs.getLong(b + 1),
                    rs.getLong(b + 2),
                    rs.getLong(b + 3),
                    rs.getLong(b + 4),
                    rs.getLong(b + 5)));
          }
          return m;
        });
  }
}
