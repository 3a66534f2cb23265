// SPDX-License-Identifier: Apache-2.0
// Splits the 3M-row flights Parquet into the benchmark's reference (January-March) and evaluation
// (April-June) files, adding the label `delayed` = delay > 15 minutes and two model predictions
// fitted on the reference months only. Run with the rime jar on the class path (it carries DuckDB):
//   java -cp rime-cli/target/rime.jar bench/SplitFlights.java SRC OUTDIR
//
// Columns written: date, delay, distance, origin, destination (as in the source), delayed (0/1),
// pred (P(delayed), binary model) and pred_delay (expected delay in minutes, regression model).
//
// The models (everything in DuckDB SQL; Java only solves 6x6 linear systems):
//  - Features, all from the reference months: x_hour, x_dow, x_origin, x_dest = the log-odds of the
//    smoothed delay rate of the flight's hour of day, ISO day of week, origin and destination,
//    (delayed_k + M * p0) / (n_k + M) with M = 100 flights and p0 the reference delay rate (a
//    category unseen in the reference gets logit(p0)); x_dist = ln(distance); plus an intercept.
//  - pred: logistic regression of `delayed` on those features, fitted by Newton-Raphson (IRLS) from
//    beta = 0 until no coefficient moves by more than 1e-9 (at most 25 steps). Each step is one SQL
//    aggregate over the reference rows giving X'WX and X'(y - p); beta += (X'WX)^-1 X'(y - p).
//  - pred_delay: least squares of `delay` on the same features, from X'X and X'y (one aggregate).
// Printed: the coefficients, the AUC of pred and the R^2 (sklearn's r2_score) of pred_delay on both
// sides. The files are the same, byte for byte, on every run: the feature table is stored in a
// total order (date, origin, destination, delay, distance; the order the files are written in) and
// the fit scans it on one DuckDB thread, so the floating-point sums are added in one fixed order.
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

public class SplitFlights {
  /** Prior weight of the smoothed delay rates, in flights. */
  static final int M = 100;

  /** Intercept first, then the features, as SQL expressions over table `feat`. */
  static final String[] X = {"1.0", "x_hour", "x_dow", "x_dist", "x_origin", "x_dest"};

  /** A total order of the rows (duplicate rows are equal in every column). */
  static final String ORDER = "date, origin, destination, delay, distance";

  static final String[] NAMES = {"intercept", "hour", "day_of_week", "ln_distance", "origin", "destination"};

  public static void main(String[] args) throws Exception {
    Path src = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(out);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET autoinstall_known_extensions=false");
      s.execute("SET autoload_known_extensions=false");
      s.execute(
          "CREATE TABLE flights AS SELECT date, delay, distance, origin, destination,"
              + " CAST(delay > 15 AS INTEGER) AS delayed, month(date) <= 3 AS is_ref"
              + " FROM read_parquet('" + src + "') WHERE month(date) BETWEEN 1 AND 6");
      double p0 = scalar(s, "SELECT avg(delayed) FROM flights WHERE is_ref");
      String rate = "ln((sum(delayed) + " + M + " * " + p0 + ") / (count(*) + " + M + " - sum(delayed) - " + M + " * " + p0 + "))";
      String prior = "ln(" + p0 + " / (1 - " + p0 + "))";
      for (String[] e : new String[][] {{"hour", "hour(date)"}, {"dow", "isodow(date)"}, {"origin", "origin"}, {"dest", "destination"}}) {
        s.execute("CREATE TABLE enc_" + e[0] + " AS SELECT " + e[1] + " AS k, " + rate + " AS v FROM flights WHERE is_ref GROUP BY ALL");
      }
      s.execute(
          "CREATE TABLE feat AS SELECT f.*,"
              + " coalesce(h.v, " + prior + ") AS x_hour, coalesce(w.v, " + prior + ") AS x_dow,"
              + " ln(distance) AS x_dist,"
              + " coalesce(o.v, " + prior + ") AS x_origin, coalesce(d.v, " + prior + ") AS x_dest"
              + " FROM flights f"
              + " LEFT JOIN enc_hour h ON h.k = hour(f.date) LEFT JOIN enc_dow w ON w.k = isodow(f.date)"
              + " LEFT JOIN enc_origin o ON o.k = f.origin LEFT JOIN enc_dest d ON d.k = f.destination"
              + " ORDER BY " + ORDER);

      s.execute("SET threads=1");
      double[] logistic = fitLogistic(s);
      double[] linear = solve(gram(s, "1.0", "delay"));
      s.execute("RESET threads");

      String eta = linear(logistic);
      String select =
          "SELECT date, delay, distance, origin, destination, delayed,"
              + " 1 / (1 + exp(-(" + eta + "))) AS pred, " + linear(linear) + " AS pred_delay"
              + " FROM feat WHERE %s ORDER BY " + ORDER;
      s.execute("COPY (" + String.format(select, "is_ref") + ") TO '" + out.resolve("flights-ref.parquet") + "' (FORMAT parquet)");
      s.execute("COPY (" + String.format(select, "NOT is_ref") + ") TO '" + out.resolve("flights-eval.parquet") + "' (FORMAT parquet)");

      System.out.printf("delay rates smoothed with M = %d flights towards the reference rate %.4f%n", M, p0);
      System.out.printf("%-12s %12s %12s%n", "coefficient", "pred", "pred_delay");
      for (int i = 0; i < X.length; i++) {
        System.out.printf("%-12s %12.6f %12.6f%n", NAMES[i], logistic[i], linear[i]);
      }
      for (String f : new String[] {"flights-ref.parquet", "flights-eval.parquet"}) {
        String file = "read_parquet('" + out.resolve(f) + "')";
        double auc = auc(s, file);
        try (ResultSet r = s.executeQuery(
            "SELECT count(*), min(date), max(date), avg(delayed), avg(pred),"
                + " 1 - sum((delay - pred_delay) ^ 2) / sum((delay - (SELECT avg(delay) FROM " + file + ")) ^ 2),"
                + " sqrt(avg((delay - pred_delay) ^ 2)) FROM " + file)) {
          r.next();
          System.out.printf(
              "%s: %,d rows, %s .. %s; delayed %.4f, mean pred %.4f, AUC %.4f; R^2 %.4f, RMSE %.2f min%n",
              f, r.getLong(1), r.getString(2), r.getString(3), r.getDouble(4), r.getDouble(5),
              auc, r.getDouble(6), r.getDouble(7));
        }
      }
    }
  }

  /** Newton-Raphson for the logistic log-likelihood, from beta = 0. */
  static double[] fitLogistic(Statement s) throws Exception {
    double[] beta = new double[X.length];
    for (int step = 1; step <= 25; step++) {
      String p = "1 / (1 + exp(-(" + linear(beta) + ")))";
      double[] delta = solve(gram(s, "p * (1 - p)", "delayed - p", "SELECT *, " + p + " AS p FROM feat"));
      double moved = 0;
      for (int i = 0; i < beta.length; i++) {
        beta[i] += delta[i];
        moved = Math.max(moved, Math.abs(delta[i]));
      }
      if (moved < 1e-9) {
        System.out.printf("logistic fit: converged after %d Newton steps%n", step);
        return beta;
      }
    }
    throw new IllegalStateException("logistic fit: no convergence in 25 Newton steps");
  }

  static double[][] gram(Statement s, String weight, String response) throws Exception {
    return gram(s, weight, response, "SELECT * FROM feat");
  }

  /**
   * The augmented system [X'WX | X'r] over the reference rows, one SQL aggregate: W = diag(weight),
   * r = response.
   */
  static double[][] gram(Statement s, String weight, String response, String from) throws Exception {
    List<String> sums = new ArrayList<>();
    for (int i = 0; i < X.length; i++) {
      for (int j = i; j < X.length; j++) {
        sums.add("sum(" + weight + " * " + X[i] + " * " + X[j] + ")");
      }
      sums.add("sum(" + X[i] + " * (" + response + "))");
    }
    double[][] a = new double[X.length][X.length + 1];
    try (ResultSet r = s.executeQuery("SELECT " + String.join(", ", sums) + " FROM (" + from + ") WHERE is_ref")) {
      r.next();
      int col = 1;
      for (int i = 0; i < X.length; i++) {
        for (int j = i; j < X.length; j++) {
          a[i][j] = a[j][i] = r.getDouble(col++);
        }
        a[i][X.length] = r.getDouble(col++);
      }
    }
    return a;
  }

  /** Solves the augmented system by Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a) {
    int n = a.length;
    for (int k = 0; k < n; k++) {
      int pivot = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(a[i][k]) > Math.abs(a[pivot][k])) {
          pivot = i;
        }
      }
      double[] t = a[k];
      a[k] = a[pivot];
      a[pivot] = t;
      for (int i = k + 1; i < n; i++) {
        double f = a[i][k] / a[k][k];
        for (int j = k; j <= n; j++) {
          a[i][j] -= f * a[k][j];
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = a[i][n];
      for (int j = i + 1; j < n; j++) {
        sum -= a[i][j] * x[j];
      }
      x[i] = sum / a[i][i];
    }
    return x;
  }

  /** beta'x as SQL, with the coefficients written exactly (Double.toString round-trips). */
  static String linear(double[] beta) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < X.length; i++) {
      b.append(i == 0 ? "" : " + ").append("(").append(beta[i]).append(") * ").append(X[i]);
    }
    return b.toString();
  }

  /** Area under the ROC curve of pred for delayed (ties count half), from counts per pred value. */
  static double auc(Statement s, String file) throws Exception {
    return scalar(s,
        "SELECT sum(pos * (neg_below + neg / 2.0)) / (sum(pos) * sum(neg))"
            + " FROM (SELECT pos, neg, coalesce(sum(neg) OVER (ORDER BY pred ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS neg_below"
            + " FROM (SELECT pred, sum(delayed) AS pos, count(*) - sum(delayed) AS neg FROM " + file + " GROUP BY pred))");
  }

  static double scalar(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getDouble(1);
    }
  }
}
