// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.attacks;

import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import dev.rime.engine.model.ModelAdapter;
import dev.rime.engine.model.Predictions;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.TestContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The search of the feature-change attacks: for a seeded sample of evaluation rows, the change of
 * at most {@code l0} features that moves the model's prediction the most, found greedily — round
 * {@code r} tries every value of every feature not changed yet on each row's best row so far and
 * keeps the best if it moves the prediction further. A round is one SQL table of candidate rows
 * (row id, feature changed, the perturbed input row) scored with one {@link ModelAdapter#predict}
 * call; the first round also scores the unchanged rows.
 *
 * <p>Values tried: unbounded, a numeric feature's reference quantiles at levels {@code
 * k/search_count} (minimum and maximum included) and a categorical feature's {@value
 * #MAX_CATEGORIES} most frequent reference values; bounded (numeric only), the row's value {@code ±
 * linf × range} and {@code ± linf × range / 2}, range = reference maximum − minimum. Values are
 * cast to the column's evaluation type (an integer column gets whole numbers); a value equal to the
 * row's own is not a change. Each feature changes at most once, so bounded changes stay within the
 * bound (ADR 0017).
 */
final class FeatureSearch {

  /** Most frequent reference values tried for a categorical feature. */
  static final int MAX_CATEGORIES = 100;

  /** Fractions of {@code linf × range} tried around the row's value by a bounded search. */
  private static final double[] BOUNDED_STEPS = {-1.0, -0.5, 0.5, 1.0};

  /**
   * How the search runs.
   *
   * @param bounded numeric features only, within {@code linf × range} of the row's value
   * @param l0 most features changed together
   * @param linf the bound as a fraction of the reference range (bounded only)
   * @param sampleSize evaluation rows attacked
   * @param searchCount quantile levels {@code k/searchCount} tried for a numeric feature
   *     (unbounded)
   */
  record Spec(boolean bounded, int l0, double linf, int sampleSize, int searchCount) {}

  /** One feature changed: its value in the row and the value it was changed to. */
  record Change(String feature, Object oldValue, Object newValue) {}

  /**
   * The largest change found for one evaluation row.
   *
   * @param row the evaluation row (0-based, file order)
   * @param change the prediction change (regression: in reference prediction standard deviations)
   * @param changes the features changed (empty when no change moved the prediction)
   * @param output the model output that moved the most (0 but for multi-class)
   * @param oldPrediction that output on the unchanged row
   * @param newPrediction that output on the changed row
   */
  record RowResult(
      long row,
      double change,
      List<Change> changes,
      int output,
      double oldPrediction,
      double newPrediction) {}

  /**
   * What the search found.
   *
   * @param rows one result per sampled row, in row order
   * @param features the features searched
   * @param rowsScored rows the model scored
   * @param modelCalls calls to the model
   * @param scale the regression prediction standard deviation changes are divided by (1 otherwise)
   */
  record Outcome(
      List<RowResult> rows, List<String> features, long rowsScored, int modelCalls, double scale) {}

  private final TestContext ctx;
  private final Db db;
  private final Spec spec;
  private final List<String> temps = new ArrayList<>();

  private FeatureSearch(TestContext ctx, Spec spec) {
    this.ctx = ctx;
    this.db = ctx.db();
    this.spec = spec;
  }

  /**
   * Runs the search on {@code features} (SKIP when none has another value to take).
   *
   * @throws dev.rime.engine.model.ModelException when the model cannot score a round
   */
  static Outcome run(TestContext ctx, List<Column> features, Spec spec) {
    FeatureSearch s = new FeatureSearch(ctx, spec);
    try {
      return s.search(features);
    } finally {
      s.dropTemps();
    }
  }

  private Outcome search(List<Column> candidates) {
    ModelAdapter model = ctx.model();
    List<Column> inputs = inputColumns();
    String sample = temp("attack_rows", sampleSql(inputs));
    int n = (int) db.scalarLong("SELECT count(*) FROM " + sample);
    if (n == 0) {
      throw new SkipTest("the evaluation data has no rows");
    }
    List<Column> features = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<Double> deltas = new ArrayList<>();
    for (Column c : candidates) {
      if (spec.bounded()) {
        Double delta = boundedDelta(c);
        if (delta != null && delta > 0) {
          features.add(c);
          deltas.add(delta);
          values.add(null);
        }
      } else {
        String table = valueTable(c);
        if (db.scalarLong("SELECT count(*) FROM " + table) > 0) {
          features.add(c);
          values.add(table);
          deltas.add(null);
        }
      }
    }
    if (features.isEmpty()) {
      throw new SkipTest(
          spec.bounded()
              ? "no numeric feature has a reference range to change within: " + names(candidates)
              : "no feature has a reference value to change to: " + names(candidates));
    }
    double scale = ctx.modelTask() == ModelTask.REGRESSION ? ctx.regressionPredictionScale() : 1.0;

    String base =
        temp(
            "attack_base",
            "SELECT rime__row, '|' AS rime__changed, " + quotedNames(inputs) + " FROM " + sample);
    double[][] original = null;
    double[] best = new double[n];
    String[] bestTable = new String[n];
    long[] bestK = new long[n];
    int[] bestOutput = new int[n];
    double[][] bestPair = new double[n][];
    List<List<Integer>> changed = new ArrayList<>();
    boolean[] active = new boolean[n];
    for (int i = 0; i < n; i++) {
      changed.add(new ArrayList<>());
      active[i] = true;
    }
    long scored = 0;
    int calls = 0;
    for (int round = 1; round <= spec.l0(); round++) {
      String cand =
          temp("attack_cand", candidateSql(base, inputs, features, values, deltas, round == 1));
      long count = db.scalarLong("SELECT count(*) FROM " + cand);
      if (count == 0) {
        break;
      }
      Predictions p =
          model.predict(
              db, "SELECT " + quotedNames(inputs) + " FROM " + cand + " ORDER BY rime__k");
      calls++;
      scored += count;
      if (p.rows() != count) {
        throw new IllegalStateException(
            model.describe() + " returned " + p.rows() + " rows for " + count);
      }
      List<long[]> keys =
          db.query(
              "SELECT rime__k, rime__row, rime__feat FROM " + cand + " ORDER BY rime__k",
              rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
      if (round == 1) {
        original = new double[n][];
        for (long[] k : keys) {
          if (k[2] < 0) {
            int i = (int) k[1];
            original[i] = outputs(p, (int) k[0]);
          }
        }
      }
      double[] roundBest = best.clone();
      long[] roundK = new long[n];
      int[] roundFeat = new int[n];
      int[] roundOutput = new int[n];
      Arrays.fill(roundK, -1);
      for (long[] k : keys) {
        if (k[2] < 0) {
          continue;
        }
        int i = (int) k[1];
        if (!active[i]) {
          continue;
        }
        double[] out = outputs(p, (int) k[0]);
        int argmax = 0;
        double change = -1;
        for (int o = 0; o < out.length; o++) {
          double d = Math.abs(out[o] - original[i][o]) / scale;
          if (d > change) {
            change = d;
            argmax = o;
          }
        }
        if (change > roundBest[i]) {
          roundBest[i] = change;
          roundK[i] = k[0];
          roundFeat[i] = (int) k[2];
          roundOutput[i] = argmax;
          bestPair[i] = new double[] {original[i][argmax], out[argmax]};
        }
      }
      List<Long> chosen = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (roundK[i] < 0) {
          active[i] = false;
          continue;
        }
        best[i] = roundBest[i];
        bestTable[i] = cand;
        bestK[i] = roundK[i];
        bestOutput[i] = roundOutput[i];
        changed.get(i).add(roundFeat[i]);
        chosen.add(roundK[i]);
      }
      if (chosen.isEmpty() || round == spec.l0()) {
        break;
      }
      base =
          temp(
              "attack_base",
              "SELECT rime__row, rime__changed, "
                  + quotedNames(inputs)
                  + " FROM "
                  + cand
                  + " WHERE rime__k IN ("
                  + chosen.stream().map(String::valueOf).collect(Collectors.joining(", "))
                  + ")");
    }

    List<RowResult> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Change> changes = new ArrayList<>();
      if (bestTable[i] != null) {
        List<Column> cs =
            changed.get(i).stream().sorted().map(features::get).collect(Collectors.toList());
        List<Object> olds = rowValues(sample, "rime__row = " + i, cs);
        List<Object> news = rowValues(bestTable[i], "rime__k = " + bestK[i], cs);
        for (int j = 0; j < cs.size(); j++) {
          changes.add(new Change(cs.get(j).name(), olds.get(j), news.get(j)));
        }
      }
      double oldPred = bestPair[i] == null ? original[i][0] : bestPair[i][0];
      double newPred = bestPair[i] == null ? original[i][0] : bestPair[i][1];
      results.add(
          new RowResult(sampleRow(sample, i), best[i], changes, bestOutput[i], oldPred, newPred));
    }
    List<String> names = features.stream().map(Column::name).collect(Collectors.toList());
    return new Outcome(results, names, scored, calls, scale);
  }

  /** Every model input column (a reference feature), as the model is given it. */
  private List<Column> inputColumns() {
    List<String> quoted = ctx.modelInputColumns();
    return ctx.columns().stream()
        .filter(c -> quoted.contains(c.quoted()))
        .collect(Collectors.toList());
  }

  /**
   * {@code sampleSize} evaluation rows chosen by a hash of their position and {@code random_seed},
   * numbered {@code rime__row} 0… in that order, with {@code rime__eval_row} their position.
   */
  private String sampleSql(List<Column> inputs) {
    StringBuilder cols = new StringBuilder();
    for (Column c : inputs) {
      cols.append(", ")
          .append(
              c.evalType() == null
                  ? "CAST(NULL AS " + c.refType() + ") AS " + c.quoted()
                  : c.quoted());
    }
    return "SELECT row_number() OVER (ORDER BY rime__h, rime__eval_row) - 1 AS rime__row, * EXCLUDE"
        + " (rime__h) FROM (SELECT hash(rowid, "
        + ctx.config().randomSeed()
        + ") AS rime__h, rowid AS rime__eval_row"
        + cols
        + " FROM "
        + ctx.evalTable()
        + " ORDER BY rime__h, rime__eval_row LIMIT "
        + spec.sampleSize()
        + ")";
  }

  private long sampleRow(String sample, int i) {
    return db.scalarLong("SELECT rime__eval_row FROM " + sample + " WHERE rime__row = " + i);
  }

  /** {@code linf × (max − min)} of a numeric feature's finite reference values, or null. */
  private Double boundedDelta(Column c) {
    Double[] mm = minMax(c);
    return mm == null ? null : spec.linf() * (mm[1] - mm[0]);
  }

  /** The minimum and maximum finite reference values of a numeric feature (null: none), once. */
  private Double[] minMax(Column c) {
    Double[] mm = ctx.shared("attacks.range." + c.name(), () -> rangeOf(c));
    return mm.length == 0 ? null : mm;
  }

  private Double[] rangeOf(Column c) {
    return db.queryOne(
        "SELECT min(x), max(x) FROM (SELECT "
            + c.numExpr()
            + " AS x FROM "
            + ctx.refTable()
            + ") WHERE isfinite(x)",
        rs -> {
          Double lo = Db.getDouble(rs, 1);
          Double hi = Db.getDouble(rs, 2);
          return lo == null ? new Double[0] : new Double[] {lo, hi};
        });
  }

  /**
   * A table {@code (v)} of the values an unbounded search tries for {@code c}, of the column's
   * evaluation type, distinct and not null.
   */
  private String valueTable(Column c) {
    // Kept for the run (a few rows each): the four tests share them.
    return ctx.shared(
        "attacks.values." + c.name() + "#" + (c.isNumeric() ? spec.searchCount() : 0),
        () -> ctx.tempTable("attack_values", valueSql(c)));
  }

  private String valueSql(Column c) {
    String type = c.evalType();
    String select;
    if (c.isNumeric()) {
      TreeSet<Double> xs = new TreeSet<>();
      Double[] mm = minMax(c);
      if (mm != null) {
        xs.add(mm[0]);
        xs.add(mm[1]);
        xs.addAll(ctx.quantileEdges(c.numExpr(), spec.searchCount()));
      }
      if (xs.isEmpty()) {
        select = "SELECT CAST(NULL AS " + type + ") AS v WHERE false";
      } else {
        select =
            "SELECT DISTINCT TRY_CAST(x AS "
                + type
                + ") AS v FROM (VALUES "
                + xs.stream().map(x -> "(" + Sql.dbl(x) + ")").collect(Collectors.joining(", "))
                + ") t(x)";
      }
    } else {
      select =
          "SELECT DISTINCT TRY_CAST(rime__v AS "
              + type
              + ") AS v FROM (SELECT "
              + c.quoted()
              + " AS rime__v, count(*) AS rime__n FROM "
              + ctx.refTable()
              + " WHERE NOT "
              + c.nullExpr(c.refType())
              + " GROUP BY 1 ORDER BY rime__n DESC, CAST(rime__v AS VARCHAR) LIMIT "
              + MAX_CATEGORIES
              + ")";
    }
    return "SELECT v FROM (" + select + ") WHERE v IS NOT NULL";
  }

  /**
   * The candidate rows of one round: for every row of {@code base} and every feature it has not
   * changed yet, the row with that feature changed to each value tried (the unchanged rows too in
   * the first round, {@code rime__feat = -1}), numbered {@code rime__k} in (row, feature, value)
   * order.
   */
  private String candidateSql(
      String base,
      List<Column> inputs,
      List<Column> features,
      List<String> values,
      List<Double> deltas,
      boolean withOriginals) {
    List<String> parts = new ArrayList<>();
    if (withOriginals) {
      parts.add(
          "SELECT rime__row, -1 AS rime__feat, CAST(NULL AS DOUBLE) AS rime__num,"
              + " CAST(NULL AS VARCHAR) AS rime__txt FROM "
              + base);
    }
    for (int f = 0; f < features.size(); f++) {
      Column c = features.get(f);
      String newValue;
      String from;
      if (values.get(f) != null) {
        newValue = "v.v";
        from = base + " b, " + values.get(f) + " v";
      } else {
        newValue =
            "TRY_CAST("
                + c.numExpr("b")
                + " + s.s * "
                + Sql.dbl(deltas.get(f))
                + " AS "
                + c.evalType()
                + ")";
        from =
            base
                + " b, (VALUES "
                + Arrays.stream(BOUNDED_STEPS)
                    .mapToObj(x -> "(" + Sql.dbl(x) + ")")
                    .collect(Collectors.joining(", "))
                + ") s(s)";
      }
      parts.add(
          "SELECT DISTINCT rime__row, "
              + f
              + " AS rime__feat, TRY_CAST(nv AS DOUBLE) AS rime__num, CAST(nv AS VARCHAR) AS"
              + " rime__txt FROM (SELECT b.rime__row, b.rime__changed, b."
              + c.quoted()
              + " AS ov, "
              + newValue
              + " AS nv FROM "
              + from
              + ") WHERE nv IS NOT NULL AND nv IS DISTINCT FROM ov AND NOT contains(rime__changed,"
              + " '|"
              + f
              + "|')");
    }
    StringBuilder cols = new StringBuilder();
    for (Column in : inputs) {
      int f = features.indexOf(in);
      cols.append(", ");
      if (f < 0) {
        cols.append("b.").append(in.quoted());
      } else {
        String type = in.evalType();
        String value =
            Db.isNumericType(type)
                ? "CAST(k.rime__num AS " + type + ")"
                : "CAST(k.rime__txt AS " + type + ")";
        cols.append("CASE WHEN k.rime__feat = ")
            .append(f)
            .append(" THEN ")
            .append(value)
            .append(" ELSE b.")
            .append(in.quoted())
            .append(" END AS ")
            .append(in.quoted());
      }
    }
    return "SELECT row_number() OVER (ORDER BY k.rime__row, k.rime__feat, k.rime__num,"
        + " k.rime__txt) - 1 AS rime__k, k.rime__row, k.rime__feat, CASE WHEN k.rime__feat < 0"
        + " THEN b.rime__changed ELSE b.rime__changed || k.rime__feat || '|' END AS"
        + " rime__changed"
        + cols
        + " FROM ("
        + String.join(" UNION ALL ", parts)
        + ") k JOIN "
        + base
        + " b USING (rime__row)";
  }

  private static double[] outputs(Predictions p, int row) {
    double[] out = new double[p.outputs()];
    for (int o = 0; o < out.length; o++) {
      out[o] = p.get(row, o);
    }
    return out;
  }

  private List<Object> rowValues(String table, String where, List<Column> cs) {
    return db.queryOne(
        "SELECT "
            + cs.stream().map(Column::quoted).collect(Collectors.joining(", "))
            + " FROM "
            + table
            + " WHERE "
            + where,
        rs -> {
          List<Object> out = new ArrayList<>();
          for (int j = 1; j <= cs.size(); j++) {
            Object o = rs.getObject(j);
            out.add(o instanceof Number || o instanceof Boolean || o == null ? o : o.toString());
          }
          return out;
        });
  }

  private String temp(String prefix, String select) {
    String t = ctx.tempTable(prefix, select);
    temps.add(t);
    return t;
  }

  private void dropTemps() {
    for (String t : temps) {
      try {
        db.execute("DROP TABLE IF EXISTS " + t);
      } catch (RuntimeException e) {
        // a failed drop leaves a temporary table until the run's database closes
      }
    }
  }

  private static String quotedNames(List<Column> cs) {
    return cs.stream().map(Column::quoted).collect(Collectors.joining(", "));
  }

  private static String names(List<Column> cs) {
    return cs.stream().map(Column::name).collect(Collectors.joining(", "));
  }
}
