// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import dev.rime.engine.config.TestRunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gives every column a type from profiling queries over the reference table (rules in {@code
 * docs/tests-catalogue.md}):
 *
 * <ol>
 *   <li>the label and prediction columns get those roles;
 *   <li>a column with no non-null value in the reference is categorical (empty);
 *   <li>BOOLEAN columns are boolean; DATE / TIME / TIMESTAMP columns are timestamps;
 *   <li>numbers (and strings that all parse as numbers) are categorical below {@code
 *       min_nunique_for_numeric} distinct values, numeric otherwise;
 *   <li>other strings are e-mail addresses, URLs or domains when at least 95% of the non-null
 *       values match the kind's pattern ({@link TextKinds}); else identifiers when distinct /
 *       non-null ≥ {@code min_unique_prop} with more than 20 non-null values, text when more than
 *       50 distinct and distinct / non-null &gt; 0.5, categorical otherwise;
 *   <li>when {@code data_info.categorical_features} is given, exactly those columns are
 *       categorical: other numbers are numeric and other strings a text kind, text or identifier;
 *   <li>a type given in {@code data_info.feature_type_path} ({@link FeatureTypeFile}) overrides all
 *       of the above for its feature.
 * </ol>
 *
 * Each column also gets its {@link ValueType}: whole numbers int, other numbers float, booleans,
 * text kinds their own, other strings string. NaN counts as missing. Columns in {@code
 * features_not_in_model} keep their type but are not tested; columns present in only one table are
 * listed but not tested.
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
   * Column#catExpr()} gives a numeric column, so 1 and 1.0 count once); numbers that are not whole
   * (or infinite); for strings, values containing {@code @}, {@code ://} and {@code .} (what the
   * text-kind patterns require).
   */
  private record Profile(
      long nonNull,
      long distinct,
      long parsed,
      long numNonNull,
      long numDistinct,
      long fractional,
      long withAt,
      long withScheme,
      long withDot) {}

  /** Types the columns of {@code ref} (then the evaluation-only ones) under {@code config}. */
  public static List<Column> infer(Db db, TestRunConfig config, Dataset ref, Dataset eval) {
    return infer(db, config, ref, eval, Map.of(), null);
  }

  /**
   * {@link #infer(Db, TestRunConfig, Dataset, Dataset)} with the types of {@code
   * data_info.feature_type_path}, when given, read from that file (resolved against {@code
   * baseDir}).
   *
   * @throws DataException when the file is malformed or names a column the reference data lacks
   */
  public static List<Column> infer(
      Db db, TestRunConfig config, Dataset ref, Dataset eval, Path baseDir) {
    String path = config.dataInfo().featureTypePath();
    if (path == null) {
      return infer(db, config, ref, eval, Map.of(), null);
    }
    Path file = DataLoader.resolve(FeatureTypeFile.KEY, path, baseDir);
    return infer(db, config, ref, eval, FeatureTypeFile.read(file), file);
  }

  private static List<Column> infer(
      Db db,
      TestRunConfig config,
      Dataset ref,
      Dataset eval,
      Map<String, FeatureTypeFile.Entry> declared,
      Path declaredFile) {
    var info = config.dataInfo();
    checkDeclared(declared, declaredFile, info, ref);
    FeatureTypeFile.checkValues(db, ref, declared, declaredFile);
    Set<String> categorical =
        info.categoricalFeatures() == null ? null : new HashSet<>(info.categoricalFeatures());
    Set<String> notInModel = new HashSet<>(info.featuresNotInModel());
    List<String> names = new ArrayList<>(ref.columns().keySet());
    Map<String, Profile> profiles = profile(db, ref, names);
    for (String name : names) {
      if (isString(ref.columns().get(name)) && profiles.get(name).nonNull() > 0) {
        profiles.put(name, stringProfile(db, ref, name, profiles.get(name)));
      }
    }

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
      ValueType valueType = null;
      FeatureTypeFile.Entry given = declared.get(name);
      boolean refNumeric =
          Db.isNumericType(refType) || (isString(refType) && p.parsed() == p.nonNull());
      if (given != null) {
        type = given.type().type();
        source = "config";
        reason = "FeatureType " + given.type() + " in " + declaredFile + " line " + given.line();
        numericValues = given.type().numericValues() || (numericValues && !isTextType(type));
        if (given.type() == FeatureTypeFile.Declared.StringCategoricalColumn) {
          numericValues = false;
        }
        valueType = given.type().valueType();
        if (valueType == null) {
          valueType = refNumeric ? (p.fractional() == 0 ? ValueType.INT : ValueType.FLOAT) : null;
        }
      } else if (name.equals(info.labelCol())) {
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
          String[] kind = isString(refType) ? textKind(db, ref, name, p) : null;
          if (kind != null) {
            type = FeatureType.valueOf(kind[0]);
            reason = kind[1];
          } else if (ratio >= config.minUniqueProp() && nonNull > MIN_NONNULL_FOR_IDENTIFIER) {
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
      if (given == null) {
        valueType = valueType(type, refType, p, refNumeric);
      }
      boolean inModel = !notInModel.contains(name);
      if (!inModel) {
        reason += "; in data_info.features_not_in_model: not tested";
      }
      if (evalType == null) {
        reason += "; missing from the evaluation data: not tested";
      }
      out.add(
          new Column(
              name, type, source, reason, refType, evalType, inModel, numericValues, valueType));
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

  /**
   * The counts of a string column that look at each value (distinct values, values that parse as
   * numbers, categories by number value, whole numbers), computed over its distinct values with
   * their counts rather than per row: a cast per distinct value, not per row. {@code base} has the
   * per-row counts (non-null, and what the text kinds require).
   */
  private static Profile stringProfile(Db db, Dataset ref, String name, Profile base) {
    String q = Sql.ident(name);
    String d = "TRY_CAST(v AS DOUBLE)";
    String values =
        "(SELECT "
            + q
            + " AS v, count(*) AS n FROM "
            + ref.quotedTable()
            + " WHERE "
            + q
            + " IS NOT NULL GROUP BY v)";
    long[] r =
        db.queryOne(
            "SELECT count(*), COALESCE(sum(n) FILTER (WHERE "
                + d
                + " IS NOT NULL), 0) FROM "
                + values,
            rs -> new long[] {rs.getLong(1), rs.getLong(2)});
    if (r[1] < base.nonNull()) {
      // Not all numbers: text, so categories by number value and whole numbers do not matter.
      return new Profile(
          base.nonNull(), r[0], r[1], 0, 0, 0, base.withAt(), base.withScheme(), base.withDot());
    }
    String cat = new Column("v", FeatureType.TEXT, "", "", null, null, true, true).catExpr();
    long[] m =
        db.queryOne(
            "SELECT COALESCE(sum(n) FILTER (WHERE c IS NOT NULL), 0), count(DISTINCT c),"
                + " COALESCE(sum(n) FILTER (WHERE NOT isnan("
                + d
                + ") AND (NOT isfinite("
                + d
                + ") OR "
                + d
                + " <> trunc("
                + d
                + "))), 0) FROM (SELECT v, n, "
                + cat
                + " AS c FROM "
                + values
                + ")",
            rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
    return new Profile(
        base.nonNull(),
        r[0],
        r[1],
        m[0],
        m[1],
        m[2],
        base.withAt(),
        base.withScheme(),
        base.withDot());
  }

  private static boolean isString(String duckType) {
    return duckType.equalsIgnoreCase("VARCHAR");
  }

  private static boolean isTextType(FeatureType type) {
    return TextKinds.isTextKind(type);
  }

  /** The value type of an inferred column (null when its values have none). */
  private static ValueType valueType(
      FeatureType type, String refType, Profile p, boolean refNumeric) {
    switch (type) {
      case LABEL:
      case PREDICTION:
      case TIMESTAMP:
        return null;
      case BOOLEAN:
        return ValueType.BOOL;
      case EMAIL:
        return ValueType.EMAIL;
      case URL:
        return ValueType.URL;
      case DOMAIN:
        return ValueType.DOMAIN;
      default:
        break;
    }
    if (p.nonNull() == 0) {
      return null;
    }
    if (refNumeric) {
      return p.fractional() == 0 ? ValueType.INT : ValueType.FLOAT;
    }
    return isString(refType) ? ValueType.STRING : null;
  }

  /**
   * The text kind of a string column, as {@code [FeatureType name, reason]}, or null: the first of
   * e-mail, URL, domain whose pattern at least {@link TextKinds#MIN_SHARE} of the non-null values
   * match. A kind is only tried when enough values contain what its pattern requires ({@code @},
   * {@code ://}, {@code .}; counted in the profile), and is matched over the distinct values,
   * weighted by their counts.
   */
  private static String[] textKind(Db db, Dataset ref, String name, Profile p) {
    long nonNull = p.nonNull();
    FeatureType[] kinds = {FeatureType.EMAIL, FeatureType.URL, FeatureType.DOMAIN};
    long[] candidates = {p.withAt(), p.withScheme(), p.withDot()};
    String q = Sql.ident(name);
    for (int i = 0; i < kinds.length; i++) {
      if (candidates[i] < TextKinds.MIN_SHARE * nonNull) {
        continue;
      }
      long matched =
          db.scalarLong(
              "SELECT COALESCE(sum(n) FILTER (WHERE "
                  + TextKinds.matches(kinds[i], "v")
                  + "), 0) FROM (SELECT "
                  + q
                  + " AS v, count(*) AS n FROM "
                  + ref.quotedTable()
                  + " WHERE "
                  + q
                  + " IS NOT NULL GROUP BY 1)");
      if (matched >= TextKinds.MIN_SHARE * nonNull) {
        return new String[] {
          kinds[i].name(),
          String.format(
              Locale.ROOT,
              "%s of %s non-null values (%.1f%%) are %s: at least %.0f%%",
              matched,
              nonNull,
              100.0 * matched / nonNull,
              TextKinds.plural(kinds[i]),
              100 * TextKinds.MIN_SHARE)
        };
      }
    }
    return null;
  }

  /**
   * Checks the entries of the feature type file against the data and the config: each names a
   * reference column, not the label or prediction, and not a column {@code
   * data_info.categorical_features} lists while giving it a type that is not categorical.
   */
  private static void checkDeclared(
      Map<String, FeatureTypeFile.Entry> declared,
      Path file,
      dev.rime.engine.config.DataInfo info,
      Dataset ref) {
    for (FeatureTypeFile.Entry e : declared.values()) {
      String at = file + " line " + e.line() + ": ";
      if (!ref.columns().containsKey(e.feature())) {
        throw new DataException(
            FeatureTypeFile.KEY,
            at
                + "feature '"
                + e.feature()
                + "' is not a column of "
                + ref.file()
                + "; columns there are: "
                + String.join(", ", ref.columns().keySet()));
      }
      if (e.feature().equals(info.labelCol()) || e.feature().equals(info.predCol())) {
        throw new DataException(
            FeatureTypeFile.KEY,
            at
                + "'"
                + e.feature()
                + "' is data_info."
                + (e.feature().equals(info.labelCol()) ? "label_col" : "pred_col")
                + "; the label and prediction columns take no feature type");
      }
      boolean categorical =
          e.type().type() == FeatureType.CATEGORICAL || e.type().type() == FeatureType.BOOLEAN;
      if (info.categoricalFeatures() != null
          && info.categoricalFeatures().contains(e.feature())
          && !categorical) {
        throw new DataException(
            FeatureTypeFile.KEY,
            at
                + "'"
                + e.feature()
                + "' is listed in data_info.categorical_features but given FeatureType "
                + e.type());
      }
    }
  }

  /**
   * The profiles of {@code names}: one scan for the per-row counts of every column (non-null
   * values, and for strings what the text kinds require), whose aggregates keep no more than a
   * counter each, then for each number or boolean column one query over its distinct values with
   * their counts ({@link #valueProfile}). Exact distinct counts decide types and show in reasons,
   * so they stay exact; counted one column at a time, their hash tables never have to fit together
   * (80 {@code count(DISTINCT)} of 1M-row columns in one statement did not fit in 700 MB). Strings
   * get theirs from {@link #stringProfile}; dates and times need none (their type does not depend
   * on it).
   */
  private static Map<String, Profile> profile(Db db, Dataset ref, List<String> names) {
    if (names.isEmpty()) {
      return Map.of();
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < names.size(); i++) {
      String q = Sql.ident(names.get(i));
      if (i > 0) {
        sql.append(", ");
      }
      sql.append("count(").append(q).append(")");
      if (isString(ref.columns().get(names.get(i)))) {
        // What the text-kind patterns require, so that only plausible kinds are matched (CASE,
        // not FILTER: hundreds of FILTER clauses make a scan slow).
        for (String part : new String[] {"@", "://", "."}) {
          sql.append(", count(CASE WHEN contains(")
              .append(q)
              .append(", ")
              .append(Sql.str(part))
              .append(") THEN 1 END)");
        }
      }
    }
    sql.append(" FROM ").append(ref.quotedTable());
    Map<String, long[]> counts =
        db.queryOne(
            sql.toString(),
            rs -> {
              Map<String, long[]> m = new java.util.HashMap<>();
              int at = 1;
              for (String name : names) {
                int n = isString(ref.columns().get(name)) ? 4 : 1;
                long[] v = new long[n];
                for (int k = 0; k < n; k++) {
                  v[k] = rs.getLong(at++);
                }
                m.put(name, v);
              }
              return m;
            });
    Map<String, Profile> out = new java.util.HashMap<>();
    for (String name : names) {
      String type = ref.columns().get(name);
      long[] c = counts.get(name);
      if (isString(type)) {
        out.put(name, new Profile(c[0], 0, 0, 0, 0, 0, c[1], c[2], c[3]));
      } else if (Db.isNumericType(type) || type.equalsIgnoreCase("BOOLEAN")) {
        out.put(name, valueProfile(db, ref, name, type, c[0]));
      } else if (Db.isTemporalType(type)) {
        out.put(name, new Profile(c[0], 0, 0, 0, 0, 0, 0, 0, 0));
      } else {
        long distinct =
            db.scalarLong(
                "SELECT count(DISTINCT " + Sql.ident(name) + ") FROM " + ref.quotedTable());
        out.put(name, new Profile(c[0], distinct, 0, 0, 0, 0, 0, 0, 0));
      }
    }
    return out;
  }

  /**
   * The counts of a number or boolean column that look at each value (values that parse as numbers,
   * non-missing values and distinct categories by number value, numbers that are not whole),
   * computed over its distinct values with their counts: the same counts as per row, with the
   * category expression run once per distinct value.
   */
  private static Profile valueProfile(Db db, Dataset ref, String name, String type, long nonNull) {
    String q = Sql.ident(name);
    String d = "TRY_CAST(v AS DOUBLE)";
    String cat = new Column("v", FeatureType.TEXT, "", "", null, null, true, true).catExpr();
    // Numbers with a fraction (or infinite): none in integer types.
    boolean fractional =
        Db.isFloatType(type) || type.toUpperCase(Locale.ROOT).startsWith("DECIMAL");
    long[] m =
        db.queryOne(
            "SELECT COALESCE(sum(n) FILTER (WHERE "
                + d
                + " IS NOT NULL), 0), COALESCE(sum(n) FILTER (WHERE c IS NOT NULL), 0),"
                + " count(DISTINCT c), "
                + (fractional
                    ? "COALESCE(sum(n) FILTER (WHERE NOT isnan("
                        + d
                        + ") AND (NOT isfinite("
                        + d
                        + ") OR "
                        + d
                        + " <> trunc("
                        + d
                        + "))), 0)"
                    : "0")
                + " FROM (SELECT v, n, "
                + cat
                + " AS c FROM (SELECT "
                + q
                + " AS v, count(*) AS n FROM "
                + ref.quotedTable()
                + " WHERE "
                + q
                + " IS NOT NULL GROUP BY 1))",
            rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
    return new Profile(nonNull, 0, m[0], m[1], m[2], m[3], 0, 0, 0);
  }
}
