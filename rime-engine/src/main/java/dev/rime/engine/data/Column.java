// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

/**
 * A column of the data with the type the engine gave it, and the SQL expressions tests use to read
 * it the same way from both tables.
 *
 * @param name column name
 * @param type inferred or configured type, or the label / prediction role
 * @param source {@code config} or {@code inferred}
 * @param reason why it got the type
 * @param refType DuckDB type in the reference table, or null when absent there
 * @param evalType DuckDB type in the evaluation table, or null when absent there
 * @param inModel false for {@code features_not_in_model}
 * @param numericValues whether the values are numbers: a number type in either table, or reference
 *     strings that all parse as numbers. Categories of such a column compare by value (see {@link
 *     #catExpr()})
 * @param valueType the type every value has in the reference data (what the Must be … tests check),
 *     or null when the values have none (timestamps, empty columns, label, prediction)
 */
public record Column(
    String name,
    FeatureType type,
    String source,
    String reason,
    String refType,
    String evalType,
    boolean inModel,
    boolean numericValues,
    ValueType valueType) {

  /** A column without a value type. */
  public Column(
      String name,
      FeatureType type,
      String source,
      String reason,
      String refType,
      String evalType,
      boolean inModel,
      boolean numericValues) {
    this(name, type, source, reason, refType, evalType, inModel, numericValues, null);
  }

  /** The quoted identifier. */
  public String quoted() {
    return Sql.ident(name);
  }

  /** Whether the column is in both tables. */
  public boolean inBoth() {
    return refType != null && evalType != null;
  }

  /** Whether the column is a feature (not the label or prediction). */
  public boolean isFeature() {
    return type != FeatureType.LABEL && type != FeatureType.PREDICTION;
  }

  /** Whether categorical tests apply (categorical or boolean). */
  public boolean isCategorical() {
    return type == FeatureType.CATEGORICAL || type == FeatureType.BOOLEAN;
  }

  /** Whether numeric tests apply. */
  public boolean isNumeric() {
    return type == FeatureType.NUMERIC;
  }

  /**
   * Whether the reference values are text (strings that are not all numbers, e-mail addresses, URLs
   * or domains): what the Capitalization and Empty String tests look at.
   */
  public boolean isText() {
    return valueType == ValueType.STRING
        || valueType == ValueType.EMAIL
        || valueType == ValueType.URL
        || valueType == ValueType.DOMAIN;
  }

  /** The value as VARCHAR, as each file has it (null for null). */
  public String textExpr() {
    return textExpr(null);
  }

  /** {@link #textExpr()} with the column qualified by a table alias (null for none). */
  public String textExpr(String alias) {
    return "CAST(" + qualified(alias) + " AS VARCHAR)";
  }

  /**
   * The value as DOUBLE, NaN read as null (pandas' view of a missing number); strings that do not
   * parse as numbers read as null too.
   */
  public String numExpr() {
    return numExpr(null);
  }

  /** {@link #numExpr()} with the column qualified by a table alias (null for none). */
  public String numExpr(String alias) {
    String c = "TRY_CAST(" + qualified(alias) + " AS DOUBLE)";
    return "(CASE WHEN isnan(" + c + ") THEN NULL ELSE " + c + " END)";
  }

  /**
   * The category of a value, as VARCHAR: how categories are compared across the two tables; null
   * exactly for a missing value. Text is itself. Numbers (when {@link #numericValues()}) compare by
   * value, whatever type each file was read as: a whole number is written as an integer ({@code 1},
   * whether read as {@code 1} or {@code 1.0}; exact for integer types), any other number as DuckDB
   * writes the DOUBLE ({@code 0.5}, {@code inf}), NaN is missing, and a value that does not parse
   * as a number stays text.
   */
  public String catExpr() {
    return catExpr(null);
  }

  /** {@link #catExpr()} with the column qualified by a table alias (null for none). */
  public String catExpr(String alias) {
    String q = qualified(alias);
    if (!numericValues) {
      return "CAST(" + q + " AS VARCHAR)";
    }
    String d = "TRY_CAST(" + q + " AS DOUBLE)";
    return "(CASE WHEN "
        + q
        + " IS NULL THEN NULL WHEN "
        + d
        + " IS NULL THEN CAST("
        + q
        + " AS VARCHAR) WHEN isnan("
        + d
        + ") THEN NULL WHEN "
        + d
        + " = trunc("
        + d
        + ") AND abs("
        + d
        + ") < 1e18 THEN CAST(COALESCE(TRY_CAST("
        + q
        + " AS HUGEINT), CAST("
        + d
        + " AS HUGEINT)) AS VARCHAR) ELSE CAST("
        + d
        + " AS VARCHAR) END)";
  }

  /** True for a missing value in the table whose DuckDB type is {@code duckType}: null, or NaN. */
  public String nullExpr(String duckType) {
    return Db.isFloatType(duckType)
        ? "(" + quoted() + " IS NULL OR isnan(" + quoted() + "))"
        : "(" + quoted() + " IS NULL)";
  }

  private String qualified(String alias) {
    return alias == null ? quoted() : alias + "." + quoted();
  }
}
