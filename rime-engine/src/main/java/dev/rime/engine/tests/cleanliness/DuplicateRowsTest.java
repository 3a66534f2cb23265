// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.cleanliness;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Duplicate Row: rows of the evaluation data that repeat an earlier row over every column except
 * the prediction column and excluded columns ({@code n − n_distinct}; nulls compare equal). The
 * share of duplicates is judged against {@code severity_thresholds}: at or above low FAIL with the
 * severity, some duplicates below low WARNING / NONE, none PASS.
 */
public final class DuplicateRowsTest implements StressTest {

  @Override
  public String id() {
    return "duplicate_rows";
  }

  @Override
  public String displayName() {
    return "Duplicate Row";
  }

  @Override
  public String category() {
    return "Data Cleanliness";
  }

  @Override
  public List<Param> params() {
    return List.of(Param.thresholds("severity_thresholds", Range.UNIT, 0.01, 0.05, 0.1));
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<Column> cols =
        ctx.columns().stream()
            .filter(c -> c.evalType() != null)
            .filter(c -> c.type() != FeatureType.PREDICTION)
            .filter(c -> !params.excludeColumns().contains(c.name()))
            .collect(Collectors.toList());
    if (cols.isEmpty()) {
      throw new SkipTest("no columns left to compare after exclusions");
    }
    Thresholds thresholds = params.thresholds("severity_thresholds");

    // Measure.
    String list = cols.stream().map(Column::quoted).collect(Collectors.joining(", "));
    long n = ctx.eval().rows();
    long distinct =
        ctx.db()
            .scalarLong(
                "SELECT count(*) FROM (SELECT DISTINCT " + list + " FROM " + ctx.evalTable() + ")");
    long duplicates = n - distinct;
    double share = (double) duplicates / n;

    // Judge.
    Severity severity = thresholds.severity(share);
    TestStatus status =
        severity != Severity.NONE
            ? TestStatus.FAIL
            : duplicates > 0 ? TestStatus.WARNING : TestStatus.PASS;
    String verdict =
        severity != Severity.NONE
            ? "reaching the "
                + severity.name().toLowerCase(Locale.ROOT)
                + " threshold "
                + thresholds.of(severity)
            : duplicates > 0
                ? "below the low threshold " + thresholds.low() + ", a warning"
                : "so the test passes";
    return List.of(
        CaseBuilder.of(this)
            .status(status)
            .severity(severity)
            .importance(share)
            .metric("num_duplicate_rows", duplicates)
            .metric("duplicate_rows_fraction", share)
            .metric("num_rows", n)
            .detail("severity_thresholds", thresholds.toList())
            .detail("columns_compared", cols.size())
            .description(
                String.format(
                    Locale.ROOT,
                    "%d of %d evaluation rows (%.2f%%) duplicate an earlier row over %d columns, %s.",
                    duplicates,
                    n,
                    100 * share,
                    cols.size(),
                    verdict))
            .build());
  }
}
