// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.dependence;

import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Sql;
import dev.rime.engine.stats.Contingency;
import dev.rime.engine.stats.Edges;
import dev.rime.engine.tests.TestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The features (and the label) as small integer codes, for mutual information (ADR 0008):
 *
 * <ul>
 *   <li>a numeric feature: {@link #NUM_BINS} bins cut at the reference quantiles {@code k / 10}
 *       (finite values, numpy's linear interpolation, de-duplicated: the drift tests' binning with
 *       {@code num_bins} 10), bins {@code (-inf, e1], …, (eK, inf)}, so ±infinity falls in the end
 *       bins; a missing value (null, NaN) is a code of its own;
 *   <li>a categorical or boolean feature: its {@link #MAX_CATEGORIES} most frequent categories over
 *       both datasets (by count, then by value; numbers compared by value), one code {@code other}
 *       for every rarer value and one for missing. Both datasets share the codes, and a category
 *       seen only in the evaluation data keeps a code of its own (with reference categories only,
 *       every new category would fall into {@code other} together);
 *   <li>the label: as a category for classification, in 10 reference-quantile bins for regression;
 *       rows without a label are left out of the label's tables (no missing code).
 * </ul>
 *
 * The features coded are the numeric and categorical features the model uses, and the protected
 * features ({@code data_info.protected_features}, which Bias and Fairness tests relate to the other
 * features) whether the model uses them or not.
 *
 * <p>Each dataset's codes are written once to a temporary table of one-byte columns (at most 52
 * codes: one scan of the data, 1 byte per row and column, spillable by DuckDB). A contingency table
 * with the label is one {@code GROUP BY} of two small integer columns, cached (three tests use
 * each); the tables of many pairs of features are counted together by {@link #pairTables}, and not
 * kept. Built on first use and shared by the tests of a run.
 */
public final class Discretised {

  /** Quantile bins of a numeric feature. */
  public static final int NUM_BINS = 10;

  /** Categories of a categorical feature kept as themselves; the rest are {@code other}. */
  public static final int MAX_CATEGORIES = 50;

  /**
   * How one column is coded.
   *
   * @param name the column
   * @param labels the label of each code, in code order (e.g. {@code (-inf, 1.5]}, {@code a},
   *     {@code other}, {@code null})
   * @param description how it was binned, for test case details
   */
  public record Binning(String name, List<String> labels, String description) {
    /** Number of codes. */
    public int size() {
      return labels.size();
    }
  }

  /** Cells of the tables one pass of {@link #pairTables} counts at most (8 bytes each). */
  static final long CELLS_PER_PASS = 8_000_000;

  /** Rows {@link #pairTables} counts at a time. */
  static final int BLOCK_ROWS = 1 << 16;

  /** The code {@link #pairTables} reads a missing code (the label's) as; codes are below 64. */
  private static final int MISSING = 63;

  private final TestContext ctx;
  private final Map<String, Binning> binnings = new LinkedHashMap<>();
  private final Map<String, String> codeColumn = new HashMap<>();
  private final String[] tables = new String[2];
  private final Map<String, Contingency> cache = new HashMap<>();
  private String label;

  private Discretised(TestContext ctx) {
    this.ctx = ctx;
  }

  /** The codes of this run's data, built on first use and shared by the tests. */
  public static Discretised of(TestContext ctx) {
    return ctx.shared(Discretised.class.getName(), () -> build(ctx));
  }

  private static Discretised build(TestContext ctx) {
    Discretised d = new Discretised(ctx);
    List<String> codeExprs = new ArrayList<>();
    List<String> valueExprs = new ArrayList<>();
    int i = 0;
    List<String> protectedFeatures = ctx.config().dataInfo().protectedFeatures();
    for (Column c : ctx.columns()) {
      boolean used = c.inModel() || protectedFeatures.contains(c.name());
      if (!(c.isFeature() && c.inBoth() && used && (c.isNumeric() || c.isCategorical()))) {
        continue;
      }
      String v = "v" + i;
      valueExprs.add((c.isNumeric() ? c.numExpr() : c.catExpr()) + " AS " + v);
      codeExprs.add(
          d.code(c, c.isNumeric(), c.isNumeric() ? c.numExpr() : c.catExpr(), v, true)
              + " AS c"
              + i);
      d.codeColumn.put(c.name(), "c" + i);
      i++;
    }
    if (ctx.hasLabels()) {
      Column y = ctx.labelColumn();
      boolean numeric = ctx.modelTask() == ModelTask.REGRESSION;
      String expr = numeric ? ctx.labelExpr() : y.catExpr();
      valueExprs.add(expr + " AS vl");
      codeExprs.add(d.code(y, numeric, expr, "vl", false) + " AS cl");
      d.codeColumn.put(y.name(), "cl");
      d.label = y.name();
    }
    if (codeExprs.isEmpty()) {
      return d;
    }
    for (int side = 0; side < 2; side++) {
      String table =
          ctx.tempTable(
              side == 0 ? "codes_ref" : "codes_eval",
              "SELECT "
                  + String.join(", ", codeExprs)
                  + " FROM (SELECT "
                  + String.join(", ", valueExprs)
                  + " FROM "
                  + ctx.table(side == 1)
                  + ")");
      d.tables[side] = table;
    }
    return d;
  }

  /**
   * The SQL code of a column's value {@code v} (an alias of {@code expr}: its numeric value or its
   * category), registering its binning.
   */
  private String code(Column column, boolean numeric, String expr, String v, boolean nullCode) {
    String name = column.name();
    List<String> labels = new ArrayList<>();
    StringBuilder sql = new StringBuilder("CAST((CASE WHEN ").append(v).append(" IS NULL THEN ");
    String description;
    if (numeric) {
      List<Double> edges = ctx.quantileEdges(expr, NUM_BINS);
      for (int b = 0; b <= edges.size(); b++) {
        String lo = b == 0 ? "-inf" : Double.toString(edges.get(b - 1));
        String hi = b == edges.size() ? "inf)" : edges.get(b) + "]";
        labels.add("(" + lo + ", " + hi);
      }
      sql.append(nullCode ? Integer.toString(labels.size()) : "NULL")
          .append(" ELSE ")
          .append(Edges.binSql(v, edges));
      description =
          labels.size()
              + " bins at the reference quantiles k/"
              + NUM_BINS
              + (nullCode ? ", missing values a bin of their own" : "");
    } else {
      // Counted per raw value first, so the category expression runs once per distinct value.
      String counts = "SELECT %1$s, count(*) AS n FROM %2$s GROUP BY %1$s";
      List<String> kept =
          ctx.db()
              .query(
                  "SELECT "
                      + expr
                      + " AS v, sum(n) AS total FROM ("
                      + String.format(counts, column.quoted(), ctx.refTable())
                      + " UNION ALL "
                      + String.format(counts, column.quoted(), ctx.evalTable())
                      + ") WHERE v IS NOT NULL GROUP BY v ORDER BY total DESC, v LIMIT "
                      + MAX_CATEGORIES,
                  rs -> rs.getString(1));
      sql.append(nullCode ? Integer.toString(kept.size() + 1) : "NULL");
      sql.append(" ELSE coalesce(list_position([");
      for (int c = 0; c < kept.size(); c++) {
        sql.append(c == 0 ? "" : ", ").append(Sql.str(kept.get(c)));
        labels.add(kept.get(c));
      }
      sql.append("]::VARCHAR[], ").append(v).append(") - 1, ").append(kept.size()).append(")");
      labels.add("other");
      description =
          kept.size()
              + " categories (the "
              + MAX_CATEGORIES
              + " most frequent in both datasets at most), every other value as 'other'"
              + (nullCode ? ", missing values a code of their own" : "");
    }
    if (nullCode) {
      labels.add("null");
    }
    binnings.put(name, new Binning(name, List.copyOf(labels), description));
    return sql.append(" END) AS UTINYINT)").toString();
  }

  /** How a feature or the label is coded. */
  public Binning binning(String column) {
    Binning b = binnings.get(column);
    if (b == null) {
      throw new IllegalArgumentException("not a coded column of the run: " + column);
    }
    return b;
  }

  /** How each of the columns is coded, by name, for test case details. */
  public Map<String, String> describe(String... columns) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String c : columns) {
      out.put(c, binning(c).description());
    }
    return out;
  }

  /**
   * Whether a column is coded (a numeric or categorical feature in both datasets, or the label).
   */
  public boolean isCoded(String column) {
    return binnings.containsKey(column);
  }

  /**
   * The quoted temporary table of one dataset's codes: one {@code UTINYINT} column per coded column
   * ({@link #codeColumn}), a row per data row (for tests that score rows in SQL).
   */
  public String codeTable(boolean evaluation) {
    if (tables[0] == null) {
      throw new IllegalStateException("no column of the run is coded");
    }
    return tables[evaluation ? 1 : 0];
  }

  /** The column of {@link #codeTable} holding a coded column's codes. */
  public String codeColumn(String column) {
    binning(column);
    return codeColumn.get(column);
  }

  /** The label column's name, or null without labels. */
  public String label() {
    return label;
  }

  /**
   * The contingency table of two coded columns on one dataset (rows without a label are left out
   * when either is the label).
   */
  public Contingency table(boolean evaluation, String a, String b) {
    String key = (evaluation ? "eval/" : "ref/") + a + "\u0000" + b;
    Contingency cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Binning ba = binning(a);
    Binning bb = binning(b);
    String ca = codeColumn.get(a);
    String cb = codeColumn.get(b);
    long[] counts = new long[ba.size() * bb.size()];
    ctx.db()
        .query(
            "SELECT "
                + ca
                + ", "
                + cb
                + ", count(*) FROM "
                + tables[evaluation ? 1 : 0]
                + " WHERE "
                + ca
                + " IS NOT NULL AND "
                + cb
                + " IS NOT NULL GROUP BY ALL",
            rs -> {
              counts[rs.getInt(1) * bb.size() + rs.getInt(2)] = rs.getLong(3);
              return null;
            });
    Contingency t = new Contingency(ba.size(), bb.size(), counts);
    cache.put(key, t);
    return t;
  }

  /**
   * The contingency tables of pairs of coded columns on one dataset, each handed to {@code sink}
   * with its index in {@code pairs} and not kept (rows where either code is missing, i.e. without a
   * label, are left out, as in {@link #table}). Counted in Java rather than by one {@code GROUP BY}
   * per pair (80 features: 3,160 pairs, 6,320 queries of ~7 ms on 1M rows): the codes of the
   * columns involved are read once per pass, six bits each and ten to a BIGINT, in blocks of {@link
   * #BLOCK_ROWS} rows, and each pair's table is counted over a block in one loop (pairs in
   * parallel). Pairs are taken in passes whose tables hold at most {@link #CELLS_PER_PASS} cells,
   * so the memory does not grow with the square of the number of features.
   *
   * @param pairs pairs of coded column names
   */
  public void pairTables(boolean evaluation, List<List<String>> pairs, PairSink sink) {
    String refCodes = tables[0];
    if (evaluation || refCodes == null || !ctx.db().isMemoTable(refCodes)) {
      pairTables(evaluation, pairs, sink, CELLS_PER_PASS);
      return;
    }
    // The reference's codes are kept for the run (a continuous test's bins share them): so are
    // their tables, counted once per pair.
    Map<List<String>, Contingency> kept =
        ctx.db().kept(Discretised.class.getName() + ":" + refCodes, HashMap::new);
    List<List<String>> missing = new ArrayList<>();
    for (List<String> p : pairs) {
      if (!kept.containsKey(p) && !missing.contains(p)) {
        missing.add(List.copyOf(p));
      }
    }
    if (!missing.isEmpty()) {
      pairTables(false, missing, (k, t) -> kept.put(missing.get(k), t), CELLS_PER_PASS);
    }
    for (int i = 0; i < pairs.size(); i++) {
      sink.accept(i, kept.get(pairs.get(i)));
    }
  }

  /** {@link #pairTables(boolean, List, PairSink)} with passes of at most {@code maxCells}. */
  void pairTables(boolean evaluation, List<List<String>> pairs, PairSink sink, long maxCells) {
    int start = 0;
    while (start < pairs.size()) {
      long cells = 0;
      int end = start;
      while (end < pairs.size()) {
        List<String> p = pairs.get(end);
        long size = (long) binning(p.get(0)).size() * binning(p.get(1)).size();
        if (end > start && cells + size > maxCells) {
          break;
        }
        cells += size;
        end++;
      }
      countPass(evaluation, pairs.subList(start, end), start, sink);
      start = end;
    }
  }

  /** Receives one table of {@link #pairTables}. */
  @FunctionalInterface
  public interface PairSink {
    /** The table of {@code pairs.get(index)}. */
    void accept(int index, Contingency table);
  }

  private void countPass(boolean evaluation, List<List<String>> pairs, int offset, PairSink sink) {
    List<String> columns = new ArrayList<>();
    Map<String, Integer> position = new HashMap<>();
    for (List<String> p : pairs) {
      for (String c : p) {
        if (!position.containsKey(c)) {
          position.put(c, columns.size());
          columns.add(c);
        }
      }
    }
    int k = pairs.size();
    int[] left = new int[k];
    int[] right = new int[k];
    int[] width = new int[k];
    boolean[] nullable = new boolean[k];
    long[][] counts = new long[k][];
    for (int i = 0; i < k; i++) {
      List<String> p = pairs.get(i);
      left[i] = position.get(p.get(0));
      right[i] = position.get(p.get(1));
      width[i] = binning(p.get(1)).size();
      nullable[i] = label != null && p.contains(label);
      counts[i] = new long[binning(p.get(0)).size() * width[i]];
    }
    int words = (columns.size() + 9) / 10;
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int w = 0; w < words; w++) {
      sql.append(w == 0 ? "" : ", ");
      for (int j = w * 10; j < Math.min(columns.size(), w * 10 + 10); j++) {
        sql.append(j == w * 10 ? "" : " | ")
            .append("(CAST(coalesce(")
            .append(codeColumn.get(columns.get(j)))
            .append(", ")
            .append(MISSING)
            .append(") AS BIGINT) << ")
            .append(6 * (j - w * 10))
            .append(")");
      }
    }
    sql.append(" FROM ").append(tables[evaluation ? 1 : 0]);
    byte[][] block = new byte[columns.size()][BLOCK_ROWS];
    int[] filled = {0};
    ctx.db()
        .forEach(
            sql.toString(),
            rs -> {
              int r = filled[0];
              for (int w = 0; w < words; w++) {
                long v = rs.getLong(w + 1);
                for (int j = w * 10; j < Math.min(columns.size(), w * 10 + 10); j++) {
                  block[j][r] = (byte) (v & 63);
                  v >>>= 6;
                }
              }
              if (++filled[0] == BLOCK_ROWS) {
                count(block, BLOCK_ROWS, left, right, width, nullable, counts);
                filled[0] = 0;
              }
            });
    count(block, filled[0], left, right, width, nullable, counts);
    for (int i = 0; i < k; i++) {
      List<String> p = pairs.get(i);
      sink.accept(
          offset + i,
          new Contingency(binning(p.get(0)).size(), binning(p.get(1)).size(), counts[i]));
    }
  }

  /** Adds the first {@code rows} rows of {@code block} to the tables of the pairs, in parallel. */
  private static void count(
      byte[][] block,
      int rows,
      int[] left,
      int[] right,
      int[] width,
      boolean[] nullable,
      long[][] counts) {
    if (rows == 0) {
      return;
    }
    IntStream.range(0, counts.length)
        .parallel()
        .forEach(
            i -> {
              byte[] a = block[left[i]];
              byte[] b = block[right[i]];
              long[] t = counts[i];
              int w = width[i];
              if (nullable[i]) {
                for (int r = 0; r < rows; r++) {
                  if (a[r] != MISSING && b[r] != MISSING) {
                    t[a[r] * w + b[r]]++;
                  }
                }
              } else {
                for (int r = 0; r < rows; r++) {
                  t[a[r] * w + b[r]]++;
                }
              }
            });
  }
}
