// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Sql;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Empty String: evaluation rows whose text value of a string feature (string, e-mail, URL or domain
 * values) is empty or blank — only white space ({@code \s} or Unicode separators, e.g. a space or a
 * no-break space) — in features with no such value in the reference data. Features whose reference
 * has empty or blank strings are skipped. A missing value (null) is not an empty string: that is
 * Null Check's finding. (DuckDB reads an empty CSV field, quoted or not, as null, so from CSV files
 * only blank strings reach this test; Parquet and JSON keep empty strings.) Judged by {@link
 * AbnormalInputs}.
 */
public final class EmptyStringTest implements StressTest {

  /** RE2: empty or only white space and Unicode separators. */
  static final String BLANK = "[\\s\\p{Z}]*";

  @Override
  public String id() {
    return "empty_string";
  }

  @Override
  public String displayName() {
    return "Empty String";
  }

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
        this, ctx.features(params, Column::isText), "string", c -> test(ctx, params, c));
  }

  /** SQL: true for an empty or blank text value of {@code text}. */
  static String blank(String text) {
    return "regexp_full_match(" + text + ", " + Sql.str(BLANK) + ")";
  }

  private TestCase test(TestContext ctx, TestParams params, Column c) {
    String v = c.textExpr();
    long refBlank =
        ctx.db()
            .scalarLong(
                "SELECT COALESCE(sum(n), 0) FROM "
                    + AbnormalInputs.referenceValues(ctx, v)
                    + " WHERE "
                    + blank("v"));
    if (refBlank > 0) {
      throw new SkipTest(
          "'"
              + c.name()
              + "' has "
              + refBlank
              + " empty or blank strings in the reference data; the test applies to features with"
              + " none");
    }
    String counts = AbnormalInputs.evaluationValues(ctx, v);
    String failing = AbnormalInputs.failingValues(ctx, v, counts, blank("v"));
    long empty = ctx.db().scalarLong("SELECT COALESCE(sum(n), 0) FROM " + counts + " WHERE v = ''");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("num_empty", empty);
    details.put("examples", AbnormalInputs.countedExamples(ctx, counts, blank("v")));
    return AbnormalInputs.judge(
        ctx, this, params, c, failing, "empty or blank (white space only) strings", details);
  }
}
