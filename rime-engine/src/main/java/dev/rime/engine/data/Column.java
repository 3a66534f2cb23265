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
 */
public record Column(
    String name,
    FeatureType type,
    String source,
    String reason,
    String refType,
    String evalType,
    boolean inModel) {

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

  /** The value as VARCHAR: how categories are compared across the two tables. */
  public String catExpr() {
    return catExpr(null);
  }

  /** {@link #catExpr()} with the column qualified by a table alias (null for none). */
  public String catExpr(String alias) {
    return "CAST(" + qualified(alias) + " AS VARCHAR)";
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
