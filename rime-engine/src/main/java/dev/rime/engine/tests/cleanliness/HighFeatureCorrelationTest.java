// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.cleanliness;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import dev.rime.engine.tests.dependence.DependenceParams;
import dev.rime.engine.tests.dependence.PairCases;
import dev.rime.engine.tests.dependence.Pairs;
import dev.rime.engine.tests.dependence.PearsonMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * High Feature Correlation: pairs of numeric features so correlated that they carry nearly the same
 * information. The Pearson correlation of each pair is measured on both datasets, on the rows where
 * both values are finite; a dataset counts for a pair when it has at least {@code min_num_samples}
 * such rows. The larger |r| of the datasets that count is judged against {@code
 * severity_thresholds}. Pairs are reported the most correlated first (ties in file order), at most
 * {@code max_pairwise_tests}. A feature with fewer than {@code min_num_samples} finite values, or
 * constant, in both datasets is skipped with the reason; so is a pair with too few rows in common.
 */
public final class HighFeatureCorrelationTest implements StressTest {

  @Override
  public String id() {
    return "high_feature_correlation";
  }

  @Override
  public String displayName() {
    return "High Feature Correlation";
  }

  @Override
  public String category() {
    return "Data Cleanliness";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.thresholds("severity_thresholds", Range.UNIT, 0.7, 0.8, 0.9),
        DependenceParams.MAX_PAIRWISE_TESTS,
        Param.integer("min_num_samples", 100, Range.intsFrom(1)));
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<Column> numeric = ctx.features(params, Column::isNumeric);
    if (numeric.size() < 2) {
      throw new SkipTest("fewer than two numeric features: no pair to correlate");
    }
    PearsonMatrix m = PearsonMatrix.of(ctx);
    int minRows = params.integer("min_num_samples");
    int max = params.integer(DependenceParams.MAX_PAIRWISE_TESTS.key());
    List<TestCase> out = new ArrayList<>();
    List<String> usable = new ArrayList<>();
    for (Column c : numeric) {
      String why = unusable(m, c.name(), minRows);
      if (why == null) {
        usable.add(c.name());
      } else {
        out.add(CaseBuilder.skip(this, List.of(c.name()), why));
      }
    }
    // Pairs with a dataset that counts are ranked by their judged |r|; the others follow (as
    // SKIP cases), all within max_pairwise_tests.
    Pairs.Selection judged = Pairs.select(usable, (a, b) -> judgedValue(m, a, b, minRows), 0, max);
    Pairs.Selection unjudged =
        Pairs.select(
            usable,
            (a, b) -> judgedValue(m, a, b, minRows) == null ? 0.0 : null,
            0,
            max - judged.selected().size());
    List<Pairs.Ranked> pairs = new ArrayList<>(judged.selected());
    pairs.addAll(unjudged.selected());
    if (pairs.isEmpty() && out.isEmpty()) {
      throw new SkipTest("fewer than two numeric features with enough values");
    }
    int[] rank = {0};
    out.addAll(
        PairCases.each(this, pairs, p -> pairCase(m, params, p, minRows, ++rank[0], judged)));
    return out;
  }

  private TestCase pairCase(
      PearsonMatrix m,
      TestParams params,
      Pairs.Ranked p,
      int minRows,
      int rank,
      Pairs.Selection selection) {
    PearsonMatrix.Value ref = m.value(false, p.a(), p.b());
    PearsonMatrix.Value eval = m.value(true, p.a(), p.b());
    Double value = judgedValue(m, p.a(), p.b(), minRows);
    if (value == null) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "'%s' and '%s' have a correlation on fewer than min_num_samples %d rows in both"
                  + " datasets (%d reference and %d evaluation rows with both values%s)",
              p.a(),
              p.b(),
              minRows,
              ref.rows(),
              eval.rows(),
              ref.r() == null && eval.r() == null ? "; constant on them" : ""));
    }
    Thresholds thresholds = params.thresholds("severity_thresholds");
    Severity severity = thresholds.severity(value);
    String head =
        String.format(
            Locale.ROOT,
            "Pearson correlation of '%s' and '%s' is %s in the reference and %s in the"
                + " evaluation data",
            p.a(),
            p.b(),
            side(ref, minRows),
            side(eval, minRows));
    String tail =
        severity == Severity.NONE
            ? String.format(
                Locale.ROOT,
                "; the larger |r|, %.4g, is below the low threshold %s.",
                value,
                thresholds.low())
            : String.format(
                Locale.ROOT,
                "; the larger |r|, %.4g, reaches the %s threshold %s: the two features carry"
                    + " nearly the same information.",
                value,
                Thresholds.levelName(severity),
                thresholds.of(severity));
    return CaseBuilder.of(this)
        .features(p.features())
        .judged(severity)
        .importance(value)
        .metric("ref_correlation", counts(ref, minRows) ? ref.r() : null)
        .metric("eval_correlation", counts(eval, minRows) ? eval.r() : null)
        .metric("max_abs_correlation", value)
        .metric("num_ref_rows", ref.rows())
        .metric("num_eval_rows", eval.rows())
        .detail("severity_thresholds", thresholds.toList())
        .detail("min_num_samples", minRows)
        .detail("correlation", "Pearson, on the rows where both values are finite")
        .detail("pair_rank", rank)
        .detail("num_pairs", selection.numPairs())
        .description(head + tail)
        .build();
  }

  /** Why a feature cannot be correlated in either dataset, or null when it can. */
  private static String unusable(PearsonMatrix m, String c, int minRows) {
    long ref = m.present(false, c);
    long eval = m.present(true, c);
    if (ref < minRows && eval < minRows) {
      return String.format(
          Locale.ROOT,
          "'%s' has %d reference and %d evaluation finite values; min_num_samples is %d",
          c,
          ref,
          eval,
          minRows);
    }
    boolean refConstant = ref < minRows || m.constant(false, c);
    boolean evalConstant = eval < minRows || m.constant(true, c);
    if (refConstant && evalConstant) {
      return "'" + c + "' is constant, so its correlation with any feature is undefined";
    }
    return null;
  }

  /** Whether a dataset counts for a pair: enough rows with both values and a defined r. */
  private static boolean counts(PearsonMatrix.Value v, int minRows) {
    return v.r() != null && v.rows() >= minRows;
  }

  /** The larger |r| of the datasets that count, or null when neither does. */
  private static Double judgedValue(PearsonMatrix m, String a, String b, int minRows) {
    PearsonMatrix.Value ref = m.value(false, a, b);
    PearsonMatrix.Value eval = m.value(true, a, b);
    Double out = null;
    for (PearsonMatrix.Value v : List.of(ref, eval)) {
      if (counts(v, minRows)) {
        out = out == null ? Math.abs(v.r()) : Math.max(out, Math.abs(v.r()));
      }
    }
    return out;
  }

  private static String side(PearsonMatrix.Value v, int minRows) {
    if (v.r() == null) {
      return "undefined";
    }
    String r = String.format(Locale.ROOT, "%.4g", v.r());
    return counts(v, minRows)
        ? r
        : r + " (on " + v.rows() + " rows, fewer than min_num_samples: not judged)";
  }
}
