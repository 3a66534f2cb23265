// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Sql;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rare Categories: evaluation rows whose category of a categorical feature is rare in the reference
 * data. Over the N non-missing reference values with K distinct categories (numbers by value, as
 * {@link Column#catExpr()} gives them), a category seen n times is rare when
 *
 * <pre>
 *   n &lt; min_num_occurrences  or  n / N &lt; min_pct_occurrences  or  n / N &lt; min_ratio_rel_uniform / K
 * </pre>
 *
 * ({@code min_pct_occurrences} is a fraction, like the other shares). A category the reference
 * never had is not rare but unseen (Unseen Categorical). {@code include_columns}, when not empty,
 * restricts the test to those features. The reference has its rare categories too, so a case fails
 * only when the evaluation's share of rows in them is significantly above the reference's ({@link
 * AbnormalInputs#judgeAboveReference}).
 */
public final class RareCategoriesTest implements StressTest {

  @Override
  public String id() {
    return "rare_categories";
  }

  @Override
  public String displayName() {
    return "Rare Categories";
  }

  @Override
  public String category() {
    return "Abnormal Inputs";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.strings("include_columns"),
        Param.integer("min_num_occurrences", 0, Range.intsFrom(0)),
        Param.number("min_pct_occurrences", 0, Range.UNIT),
        Param.number("min_ratio_rel_uniform", 0.005, Range.NON_NEGATIVE),
        AbnormalInputs.pValueThreshold(),
        Param.performanceChangeConfig());
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<String> include = params.strings("include_columns");
    if (include.isEmpty()) {
      return FeatureCases.each(
          this,
          ctx.features(params, Column::isCategorical),
          "categorical",
          c -> test(ctx, params, c));
    }
    Set<String> included = Set.copyOf(include);
    List<Column> features =
        ctx.features(params, c -> included.contains(c.name())).stream()
            .collect(Collectors.toList());
    List<TestCase> out = new ArrayList<>();
    for (String name : include) {
      if (features.stream().noneMatch(c -> c.name().equals(name))) {
        out.add(
            CaseBuilder.skip(
                this,
                List.of(name),
                "'"
                    + name
                    + "' (in include_columns) is not a tested feature: it is excluded, not used by"
                    + " the model, the label or prediction, or missing from one of the files"));
      }
    }
    out.addAll(
        FeatureCases.each(
            this,
            features,
            "included",
            c -> {
              if (!c.isCategorical()) {
                throw new SkipTest(
                    "'"
                        + c.name()
                        + "' (in include_columns) is "
                        + c.type().wireName()
                        + ", not categorical");
              }
              return test(ctx, params, c);
            }));
    return out;
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    int minNum = params.integer("min_num_occurrences");
    double minPct = params.number("min_pct_occurrences");
    double ratio = params.number("min_ratio_rel_uniform");
    String counts = AbnormalInputs.referenceValues(ctx, c.catExpr());
    long[] totals =
        ctx.db()
            .queryOne(
                "SELECT COALESCE(sum(n), 0), count(*) FROM " + counts,
                rs -> new long[] {rs.getLong(1), rs.getLong(2)});
    long total = totals[0];
    long k = totals[1];
    if (total == 0) {
      throw new SkipTest("'" + c.name() + "' has no non-missing values in the reference data");
    }
    double uniformShare = ratio / k;
    String rare =
        "n < "
            + minNum
            + " OR n / "
            + Sql.dbl(total)
            + " < "
            + Sql.dbl(minPct)
            + " OR n / "
            + Sql.dbl(total)
            + " < "
            + Sql.dbl(uniformShare);
    List<Map<String, Object>> rareCategories =
        ctx.db()
            .query(
                "SELECT v, n FROM " + counts + " WHERE " + rare + " ORDER BY n, v LIMIT 5",
                rs -> {
                  Map<String, Object> e = new LinkedHashMap<>();
                  e.put("value", rs.getString(1));
                  e.put("reference_count", rs.getLong(2));
                  return e;
                });
    long numRare = ctx.db().scalarLong("SELECT count(*) FROM " + counts + " WHERE " + rare);
    String failing =
        c.catExpr()
            + " IS NOT NULL AND "
            + c.catExpr()
            + " IN (SELECT v FROM "
            + counts
            + " WHERE "
            + rare
            + ")";
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("num_rare_categories", numRare);
    details.put("num_categories", k);
    details.put("num_reference_values", total);
    details.put("rare_categories", rareCategories);
    details.put("min_num_occurrences", minNum);
    details.put("min_pct_occurrences", minPct);
    details.put("min_ratio_rel_uniform", ratio);
    details.put("examples", AbnormalInputs.examples(ctx, c.catExpr(), failing));
    return AbnormalInputs.judgeAboveReference(
        ctx,
        this,
        params,
        List.of(c.name()),
        "'" + c.name() + "'",
        failing,
        "categories rare in the reference data (" + numRare + " of " + k + ")",
        details);
  }
}
