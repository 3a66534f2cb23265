// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Sql;
import dev.rime.engine.stats.ChiSquared;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.dependence.PairCases;
import dev.rime.engine.tests.dependence.Pairs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inconsistencies: evaluation rows whose values of two associated categorical features form a pair
 * that is (nearly) never seen together in the reference data.
 *
 * <ol>
 *   <li>Association: Cramér's V of each pair of categorical features over the reference rows where
 *       both are present, V = sqrt(χ² / (n · (min(r, c) − 1))) without bias correction (r, c the
 *       numbers of categories; a pair where one has a single category has none). Pairs with V ≥
 *       {@code min_correlation} are tested, the most associated first, at most {@code
 *       max_pairwise_tests}. V is measured on all reference rows up to {@value #SCREEN_ROWS}, above
 *       that on a seeded sample of about that many ({@code random_seed}).
 *   <li>Consistency, on all reference rows where both are present (n of them): a value pair (a, b)
 *       is inconsistent when its joint frequency is below {@code freq_ratio_threshold} times the
 *       product of the marginal frequencies, n_ab / n &lt; t · (n_a / n) · (n_b / n), i.e. its
 *       count is below t · E with E = n_a · n_b / n the count independence predicts; a pair never
 *       seen together has n_ab = 0. The reference resolves counts in whole rows, so the threshold
 *       must be at least one row: t · E ≥ 1 (for a pair seen at least once this follows from n_ab
 *       &lt; t · E; for a pair never seen it keeps a pair that independence expects less than 1 / t
 *       times from counting as inconsistent). Values the reference never had (n_a = 0 or n_b = 0)
 *       make no inconsistency (they are Unseen Categorical's finding).
 *   <li>Failing rows: evaluation rows whose pair of values is inconsistent. One case per feature
 *       pair (features = both). The reference rows have rare pairs too, so a case fails only when
 *       the evaluation's share of inconsistent rows is significantly above the reference's ({@link
 *       AbnormalInputs#judgeAboveReference}).
 * </ol>
 *
 * {@code max_unique_pairs_for_firewall} is accepted as in RIME (it bounds continuous testing, which
 * comes in a later issue) and has no effect here.
 */
public final class InconsistenciesTest implements StressTest {

  /** Reference rows above which Cramér's V is measured on a sample of about this many. */
  static final long SCREEN_ROWS = 200_000;

  @Override
  public String id() {
    return "inconsistencies";
  }

  @Override
  public String displayName() {
    return "Inconsistencies";
  }

  @Override
  public String category() {
    return "Abnormal Inputs";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.number("freq_ratio_threshold", 0.02, new Range(0, true, 1, false)),
        Param.number("min_correlation", 0.1, Range.UNIT),
        Param.integer("max_pairwise_tests", 200, Range.closed(1, 100_000)),
        Param.integer("max_unique_pairs_for_firewall", 15, Range.intsFrom(1)),
        AbnormalInputs.pValueThreshold(),
        Param.performanceChangeConfig());
  }

  /** A pair of features and its association in the reference data. */
  record Pair(Column a, Column b, double v, long rows) {}

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<Column> cats = ctx.features(params, Column::isCategorical);
    if (cats.size() < 2) {
      throw new SkipTest("fewer than two categorical features: no pair to test");
    }
    double minCorrelation = params.number("min_correlation");
    int maxPairs = params.integer("max_pairwise_tests");

    // Measure every pair's association on the screening codes, then test the strongest.
    String codes = screeningCodes(ctx, cats);
    Map<String, Column> byName = new LinkedHashMap<>();
    List<String> codeColumns = new ArrayList<>();
    for (Column c : cats) {
      byName.put(c.name(), c);
      codeColumns.add("c" + codeColumns.size());
    }
    List<String> names = List.copyOf(byName.keySet());
    Map<List<String>, Pair> measured = new HashMap<>();
    Pairs.Selection selection =
        Pairs.select(
            names,
            (a, b) -> {
              Pair p =
                  cramersV(
                      ctx,
                      codes,
                      byName.get(a),
                      codeColumns.get(names.indexOf(a)),
                      byName.get(b),
                      codeColumns.get(names.indexOf(b)));
              if (p == null) {
                return null;
              }
              measured.put(List.of(a, b), p);
              return p.v();
            },
            minCorrelation,
            maxPairs);
    if (selection.selected().isEmpty()) {
      throw new SkipTest(
          String.format(
              Locale.ROOT,
              "no pair of categorical features has Cramér's V >= min_correlation %s in the"
                  + " reference data (%d pairs measured)",
              AbnormalInputs.fmt(minCorrelation),
              selection.numPairs()));
    }
    return PairCases.each(
        this,
        selection.selected(),
        p -> test(ctx, params, measured.get(p.features()), selection.numCandidates()));
  }

  /**
   * The table Cramér's V is measured on: a column {@code c<i>} per feature (in order) with the code
   * of its category (0, 1, … in category order, null for missing) in each reference row, or above
   * {@link #SCREEN_ROWS} rows in a seeded sample of about that many (a row is kept when a hash of
   * its row number and the seed falls below the sampling fraction). The categories are read once
   * per row and coded by joining each feature's dictionary of categories, so each pair's table is
   * one {@code GROUP BY} of two integer columns (ranking the categories with a window per feature
   * instead sorts every row once per feature: 30 s for 40 features of 200,000 rows).
   */
  private static String screeningCodes(TestContext ctx, List<Column> cats) {
    long rows = ctx.ref().rows();
    String where = "";
    if (rows > SCREEN_ROWS) {
      long keepPerMillion = Math.max(1, SCREEN_ROWS * 1_000_000 / rows);
      where = " WHERE hash(rowid, " + ctx.config().randomSeed() + ") % 1000000 < " + keepPerMillion;
    }
    List<String> values = new ArrayList<>();
    StringBuilder dictionaries = new StringBuilder();
    List<String> codes = new ArrayList<>();
    StringBuilder joins = new StringBuilder();
    for (int i = 0; i < cats.size(); i++) {
      values.add(cats.get(i).catExpr() + " AS x" + i);
      dictionaries
          .append(", d")
          .append(i)
          .append(" AS (SELECT v, CAST(row_number() OVER (ORDER BY v) - 1 AS INTEGER) AS k FROM")
          .append(" (SELECT DISTINCT x")
          .append(i)
          .append(" AS v FROM s WHERE x")
          .append(i)
          .append(" IS NOT NULL))");
      codes.add("d" + i + ".k AS c" + i);
      joins.append(" LEFT JOIN d").append(i).append(" ON s.x").append(i);
      joins.append(" = d").append(i).append(".v");
    }
    return ctx.tempTable(
        "inconsistencies_codes",
        "WITH s AS MATERIALIZED (SELECT "
            + String.join(", ", values)
            + " FROM "
            + ctx.refTable()
            + where
            + ")"
            + dictionaries
            + " SELECT "
            + String.join(", ", codes)
            + " FROM s"
            + joins);
  }

  /**
   * Cramér's V of two features ({@link ChiSquared#independence}) over the screening rows where both
   * are present; null when either has a single category there.
   */
  private static Pair cramersV(
      TestContext ctx, String codes, Column a, String ca, Column b, String cb) {
    List<long[]> cells =
        ctx.db()
            .query(
                "SELECT "
                    + ca
                    + ", "
                    + cb
                    + ", count(*) FROM "
                    + codes
                    + " WHERE "
                    + ca
                    + " IS NOT NULL AND "
                    + cb
                    + " IS NOT NULL GROUP BY ALL",
                rs -> new long[] {rs.getInt(1), rs.getInt(2), rs.getLong(3)});
    int[] rows = new int[cells.size()];
    int[] cols = new int[cells.size()];
    long[] counts = new long[cells.size()];
    long n = 0;
    for (int k = 0; k < cells.size(); k++) {
      rows[k] = (int) cells.get(k)[0];
      cols[k] = (int) cells.get(k)[1];
      counts[k] = cells.get(k)[2];
      n += counts[k];
    }
    Double v = ChiSquared.independence(rows, cols, counts).cramersV();
    return v == null ? null : new Pair(a, b, Math.min(1, v), n);
  }

  /** Joint counts {@code (x, y, n)} of two features over the rows of {@code table} with both. */
  private static String joint(Column a, Column b, String table) {
    return "SELECT x, y, count(*) AS n FROM (SELECT "
        + a.catExpr()
        + " AS x, "
        + b.catExpr()
        + " AS y FROM "
        + table
        + ") WHERE x IS NOT NULL AND y IS NOT NULL GROUP BY x, y";
  }

  private TestCase test(TestContext ctx, TestParams params, Pair p, int numAssociated) {
    double t = params.number("freq_ratio_threshold");
    Column a = p.a();
    Column b = p.b();
    // The inconsistent value pairs (x, y), seen together or not, with their counts: marginal
    // counts na, nb over the nt reference rows with both; n_xy * nt < t * na * nb, and the
    // threshold t * na * nb / nt at least one row. At most t * nt pairs qualify, so only values
    // with na >= nt / (t * max nb) (and the same for y) need pairing.
    String tt = Sql.dbl(t);
    String pairs =
        ctx.tempTable(
            "inconsistencies",
            "WITH j AS ("
                + joint(a, b, ctx.refTable())
                + "), tot AS (SELECT sum(n) AS nt FROM j), ma AS (SELECT x, sum(n) AS na FROM j"
                + " GROUP BY x), mb AS (SELECT y, sum(n) AS nb FROM j GROUP BY y), ca AS (SELECT"
                + " x, na FROM ma, tot WHERE "
                + tt
                + " * na * (SELECT max(nb) FROM mb) >= nt), cb AS (SELECT y, nb FROM mb, tot"
                + " WHERE "
                + tt
                + " * nb * (SELECT max(na) FROM ma) >= nt), c AS (SELECT x, y, na, nb, nt FROM"
                + " ca, cb, tot WHERE "
                + tt
                + " * na * nb >= nt) SELECT c.x, c.y, COALESCE(j.n, 0) AS n, c.na, c.nb, c.nt"
                + " FROM c LEFT JOIN j ON j.x = c.x AND j.y = c.y WHERE CAST(COALESCE(j.n, 0) AS"
                + " DOUBLE) * c.nt < "
                + tt
                + " * c.na * c.nb");
    String x = a.catExpr();
    String y = b.catExpr();
    String failing =
        x
            + " IS NOT NULL AND "
            + y
            + " IS NOT NULL AND ["
            + x
            + ", "
            + y
            + "] IN (SELECT [x, y] FROM "
            + pairs
            + ")";
    long[] counts =
        ctx.db()
            .queryOne(
                "SELECT count(*), count(*) FILTER (WHERE n > 0) FROM " + pairs,
                rs -> new long[] {rs.getLong(1), rs.getLong(2)});
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("cramers_v", p.v());
    details.put("cramers_v_rows", p.rows());
    details.put("num_associated_pairs", numAssociated);
    details.put("freq_ratio_threshold", t);
    details.put("min_correlation", params.number("min_correlation"));
    details.put("max_pairwise_tests", params.integer("max_pairwise_tests"));
    details.put("num_inconsistent_value_pairs", counts[0]);
    details.put("num_inconsistent_value_pairs_in_reference", counts[1]);
    details.put("examples", examples(ctx, a, b, pairs, failing));
    return AbnormalInputs.judgeAboveReference(
        ctx,
        this,
        params,
        List.of(a.name(), b.name()),
        "'" + a.name() + "' and '" + b.name() + "'",
        failing,
        String.format(
            Locale.ROOT,
            "value pairs whose reference frequency is below %s times the product of their"
                + " frequencies (Cramér's V %s)",
            AbnormalInputs.fmt(t),
            AbnormalInputs.fmt(p.v())),
        details);
  }

  /**
   * Up to 5 failing value pairs, most frequent first, with their reference joint count and the
   * count independence would give ({@code n_a · n_b / n}).
   */
  private static List<Map<String, Object>> examples(
      TestContext ctx, Column a, Column b, String pairs, String failing) {
    String sql =
        "SELECT e.x, e.y, e.n, p.n, p.na * p.nb / CAST(p.nt AS DOUBLE) FROM (SELECT x, y,"
            + " count(*) AS n FROM (SELECT "
            + a.catExpr()
            + " AS x, "
            + b.catExpr()
            + " AS y FROM "
            + ctx.evalTable()
            + " WHERE COALESCE(("
            + failing
            + "), false)) GROUP BY x, y) e JOIN "
            + pairs
            + " p ON p.x = e.x AND p.y = e.y ORDER BY e.n DESC, e.x, e.y LIMIT 5";
    return ctx.db()
        .query(
            sql,
            rs -> {
              Map<String, Object> values = new LinkedHashMap<>();
              values.put(a.name(), rs.getString(1));
              values.put(b.name(), rs.getString(2));
              Map<String, Object> e = new LinkedHashMap<>();
              e.put("values", values);
              e.put("count", rs.getLong(3));
              e.put("reference_count", rs.getLong(4));
              e.put("reference_expected_count", rs.getDouble(5));
              return e;
            });
  }
}
