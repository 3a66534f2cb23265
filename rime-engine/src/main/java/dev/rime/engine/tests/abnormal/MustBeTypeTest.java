// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Must be Int / Float / String / Boolean / URL / Domain / Email: evaluation rows whose non-missing
 * value of a feature is not of the type every value of the feature has in the reference data
 * ({@link Column#valueType()}). Values are judged one by one from their text, whatever SQL type the
 * evaluation file was read as (a column with one {@code "abc"} among integers is read as text): the
 * text {@code t} of a value and {@code d = TRY_CAST(t AS DOUBLE)} (a number column is cast
 * directly). Missing means null, or NaN (also written as text: {@code nan}, any case, signed or
 * not). Judged by {@link AbnormalInputs}.
 */
abstract class MustBeTypeTest implements StressTest {

  /** The value type of the features tested. */
  abstract ValueType valueType();

  /**
   * SQL: true when a present value is not of the type.
   *
   * @param t the value as VARCHAR (SQL)
   * @param d the value as DOUBLE, null when it is not a number (SQL)
   */
  abstract String wrongType(TestContext ctx, Column c, String t, String d);

  /** What the failing rows have, for the description, e.g. {@code values that are not numbers}. */
  abstract String finding(TestContext ctx, Column c);

  @Override
  public String category() {
    return "Abnormal Inputs";
  }

  @Override
  public List<Param> params() {
    return List.of(Param.performanceChangeConfig());
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    return FeatureCases.each(
        this,
        ctx.features(params, c -> c.valueType() == valueType()),
        valueType().noun(),
        c -> test(ctx, params, c));
  }

  /**
   * A table with at least the columns {@code (v, n)}: the distinct text values of {@code c} in the
   * evaluation data and their counts, on which {@link #wrongValue} is evaluated.
   */
  String values(TestContext ctx, Column c) {
    return AbnormalInputs.evaluationValues(ctx, text(c));
  }

  /** SQL over a row of {@link #values}: true for a present text value {@code v} of a wrong type. */
  String wrongValue(TestContext ctx, Column c) {
    return "lower(trim(v)) NOT IN ('nan', '+nan', '-nan') AND ("
        + wrongType(ctx, c, "v", "TRY_CAST(v AS DOUBLE)")
        + ")";
  }

  /** SQL: the value of {@code c} as VARCHAR. */
  static String text(Column c) {
    return c.textExpr();
  }

  /**
   * SQL: the value of {@code c} in the evaluation table as a DOUBLE, read from its text (null when
   * it is not a number); a number column is cast directly.
   */
  static String number(Column c, String duckType) {
    return Db.isNumericType(duckType)
        ? "CAST(" + c.quoted() + " AS DOUBLE)"
        : "TRY_CAST(" + text(c) + " AS DOUBLE)";
  }

  /** SQL: true for a missing value in a table where {@code c} has type {@code duckType}. */
  static String missing(Column c, String duckType) {
    if (Db.isNumericType(duckType)) {
      return c.nullExpr(duckType);
    }
    return "("
        + c.quoted()
        + " IS NULL OR lower(trim("
        + text(c)
        + ")) IN ('nan', '+nan', '-nan'))";
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("expected_type", valueType().wireName());
    details.put("evaluation_column_type", c.evalType());
    String failing;
    if (Db.isNumericType(c.evalType())) {
      // Numbers: arithmetic per row is cheap.
      failing =
          "NOT "
              + missing(c, c.evalType())
              + " AND ("
              + wrongType(ctx, c, text(c), number(c, c.evalType()))
              + ")";
      details.put("examples", AbnormalInputs.examples(ctx, text(c), failing));
    } else {
      // Text (or another type read as text): each distinct value is judged once.
      String counts = values(ctx, c);
      String wrong = wrongValue(ctx, c);
      failing = AbnormalInputs.failingValues(ctx, text(c), counts, wrong);
      details.put("examples", AbnormalInputs.countedExamples(ctx, counts, wrong));
    }
    return AbnormalInputs.judge(ctx, this, params, c, failing, finding(ctx, c), details);
  }
}
