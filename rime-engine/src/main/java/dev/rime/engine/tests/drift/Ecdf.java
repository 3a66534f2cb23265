// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.drift;

import dev.rime.engine.data.Db;

/**
 * Distances between the empirical distribution functions (ECDFs) F (reference) and G (evaluation)
 * of a numeric SQL expression, in one query and without sorting rows in Java: both tables are
 * counted per distinct value, the two count lists merged (full outer join) and accumulated in value
 * order by window functions, so only the distinct values are sorted (by DuckDB). Missing values
 * (null; NaN is read as null) are left out.
 *
 * <ul>
 *   <li>{@code D = max |F − G|} over the merged values, F and G as {@code count / n} in double
 *       precision as scipy's {@code ks_2samp} computes them;
 *   <li>{@code W1 = Σ |F(x_i) − G(x_i)| (x_{i+1} − x_i)} over consecutive distinct values, scipy's
 *       {@code wasserstein_distance}; only over finite values (an infinite value has no distance to
 *       anything), with the reference's population standard deviation of the same values.
 * </ul>
 *
 * @param nRef reference values counted
 * @param nEval evaluation values counted
 * @param d the KS statistic D (0 when a side has no values)
 * @param location the smallest value at which |F − G| = D, or null
 * @param w1 the Wasserstein-1 distance (finite values only), or null when not computed
 * @param refStd the reference standard deviation (ddof 0, finite values only), or null
 */
record Ecdf(long nRef, long nEval, double d, Double location, Double w1, Double refStd) {

  /**
   * Measures {@code x} (a DOUBLE expression, NaN read as null) between two tables.
   *
   * @param finiteOnly true: count finite values only and compute W1 and the reference standard
   *     deviation; false: count infinite values too (they sit at the ends of the ECDFs), D only
   */
  static Ecdf of(Db db, String refTable, String evalTable, String x, boolean finiteOnly) {
    String keep = finiteOnly ? "isfinite(x)" : "x IS NOT NULL";
    String counts = "SELECT x, count(*) AS c FROM (SELECT %s AS x FROM %s) WHERE %s GROUP BY x";
    String w = "(ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
    String sql =
        "WITH r AS ("
            + String.format(counts, x, refTable, keep)
            + "), e AS ("
            + String.format(counts, x, evalTable, keep)
            + "), nr AS (SELECT coalesce(sum(c), 0)::BIGINT AS n FROM r),"
            + " ne AS (SELECT coalesce(sum(c), 0)::BIGINT AS n FROM e),"
            + " m AS (SELECT coalesce(r.x, e.x) AS x, coalesce(r.c, 0) AS cr, coalesce(e.c, 0) AS ce"
            + " FROM r FULL OUTER JOIN e ON r.x = e.x),"
            + " s AS (SELECT x, lead(x) OVER (ORDER BY x) AS nx,"
            + " (sum(cr) OVER "
            + w
            + ")::DOUBLE / nullif((SELECT n FROM nr), 0)::DOUBLE AS f,"
            + " (sum(ce) OVER "
            + w
            + ")::DOUBLE / nullif((SELECT n FROM ne), 0)::DOUBLE AS g FROM m)"
            + " SELECT (SELECT n FROM nr), (SELECT n FROM ne), max(f - g), max(g - f),"
            + " (SELECT x FROM s ORDER BY abs(f - g) DESC, x LIMIT 1),"
            + (finiteOnly ? " sum(abs(f - g) * (nx - x)) FILTER (WHERE nx IS NOT NULL)," : " NULL,")
            + (finiteOnly
                ? " (SELECT stddev_pop(x) FROM (SELECT "
                    + x
                    + " AS x FROM "
                    + refTable
                    + ") WHERE isfinite(x))"
                : " NULL")
            + " FROM s";
    return db.queryOne(
        sql,
        rs -> {
          long nRef = rs.getLong(1);
          long nEval = rs.getLong(2);
          Double plus = Db.getDouble(rs, 3);
          Double minus = Db.getDouble(rs, 4);
          boolean both = nRef > 0 && nEval > 0;
          double d =
              both ? Math.max(plus == null ? 0 : plus, Math.max(0, minus == null ? 0 : minus)) : 0;
          Double w1 = Db.getDouble(rs, 6);
          return new Ecdf(
              nRef,
              nEval,
              Math.min(1, d),
              both ? Db.getDouble(rs, 5) : null,
              finiteOnly && both ? (w1 == null ? 0.0 : w1) : null,
              Db.getDouble(rs, 7));
        });
  }
}
