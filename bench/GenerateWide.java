// SPDX-License-Identifier: Apache-2.0
// Generates the wide benchmark's data: ROWS rows per side (reference, evaluation), 40 numeric
// features of various distributions (normal, log-normal, uniform, counts, heavy-tailed; several
// correlated through three shared factors), 40 categorical features with 2 to 5000 categories
// (skewed; some tied to the factors), nulls in some columns, a binary label `label` and a model
// score `prediction`. Some features drift in the evaluation data (shifted, rescaled, re-skewed,
// more nulls). Deterministic: every random number is a hash of (side, row, stream), so the same
// DuckDB version writes the same files. Run with the rime jar on the class path (it carries DuckDB):
//   java -cp rime-cli/target/rime.jar bench/GenerateWide.java OUTDIR [ROWS]
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public class GenerateWide {
  static final int NUMERIC = 40;
  static final int CATEGORICAL = 40;

  /** A uniform number in (0, 1) from stream k of this row and side. */
  static String u(int k) {
    return "((hash(s, i, " + k + ") % 1000000007) + 0.5) / 1000000007.0";
  }

  /** A standard normal number (Box-Muller) from streams k and k + 1. */
  static String normal(int k) {
    return "(sqrt(-2 * ln(" + u(k) + ")) * cos(2 * pi() * " + u(k + 1) + "))";
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]).toAbsolutePath();
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    Files.createDirectories(out);
    // Three shared factors make groups of correlated features.
    List<String> base = new ArrayList<>();
    base.add("s");
    base.add("i");
    for (int f = 0; f < 3; f++) {
      base.add(normal(10 * f) + " AS z" + f);
    }
    List<String> cols = new ArrayList<>();
    for (int k = 0; k < NUMERIC; k++) {
      int stream = 100 + 3 * k;
      String z = "z" + (k % 3);
      double load = 0.2 + 0.8 * ((k * 7) % 10) / 10.0; // share of the factor
      String corr = "(" + load + " * " + z + " + sqrt(1 - " + load * load + ") * " + normal(stream) + ")";
      // Drift in the evaluation data: every 7th feature shifts, every 11th widens.
      String shift = k % 7 == 3 ? " + 0.3 * s" : "";
      String scale = k % 11 == 5 ? " * (1 + 0.5 * s)" : "";
      String x;
      switch (k % 5) {
        case 0: x = "round(" + corr + scale + shift + ", 4)"; break; // normal
        case 1: x = "round(exp(0.8 * " + corr + scale + shift + "), 4)"; break; // log-normal
        case 2: x = "round(100 * " + u(stream + 2) + scale + shift + ", 3)"; break; // uniform
        case 3: x = "floor(exp(1.2 + " + corr + scale + shift + "))"; break; // counts
        default: x = "round(" + corr + " / sqrt(" + u(stream + 2) + ")" + scale + shift + ", 4)"; // heavy tails
      }
      // Nulls: none, 1% or 10%; more in the evaluation data for every 9th feature.
      double nulls = k % 4 == 1 ? 0.01 : k % 4 == 3 ? 0.1 : 0;
      String nullIf = nulls == 0 && k % 9 != 4 ? "" :
          " WHEN " + u(stream + 1) + " < " + nulls + (k % 9 == 4 ? " + 0.05 * s" : "") + " THEN NULL";
      cols.add("CASE" + (nullIf.isEmpty() ? " WHEN false THEN NULL" : nullIf) + " ELSE " + x + " END::DOUBLE AS n" + String.format(Locale.ROOT, "%02d", k));
    }
    for (int k = 0; k < CATEGORICAL; k++) {
      int stream = 300 + 3 * k;
      long card = Math.round(2 * Math.pow(2500, k / (double) (CATEGORICAL - 1)));
      // Skewed codes: u^power, tied to a factor for every third feature.
      String driftSkew = k % 6 == 2 ? " * (1 - 0.3 * s)" : "";
      double power = 1.0 + (k % 4);
      String code;
      if (k % 3 == 0) {
        String z = "z" + (k % 2);
        code = "floor(" + card + " * least(0.999999, greatest(0, normal_cdf(0.7 * " + z + " + 0.7 * " + normal(stream) + "))))";
      } else {
        code = "floor(" + card + " * pow(" + u(stream) + ", " + power + driftSkew + "))";
      }
      double nulls = k % 5 == 2 ? 0.02 : k % 5 == 4 ? 0.2 : 0;
      String nullIf = nulls == 0 ? " WHEN false THEN NULL" : " WHEN " + u(stream + 2) + " < " + nulls + " THEN NULL";
      cols.add("CASE" + nullIf + " ELSE 'c" + k + "_' || CAST(" + code + " AS BIGINT) END AS c" + String.format(Locale.ROOT, "%02d", k));
    }
    // The label depends on the factors and two categories; the score is a noisy, somewhat drifted
    // estimate of it.
    String logit = "(0.9 * z0 - 0.6 * z1 + 0.4 * z2 - 0.5)";
    cols.add("CAST(" + u(900) + " < 1 / (1 + exp(-" + logit + ")) AS INTEGER) AS label");
    cols.add("round(1 / (1 + exp(-(" + logit + " + 0.8 * " + normal(901) + " + 0.2 * s))), 6) AS prediction");
    String normalCdf = "CREATE MACRO normal_cdf(x) AS 0.5 * (1 + erf(x / sqrt(2)))";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("SET autoinstall_known_extensions=false");
      st.execute("SET autoload_known_extensions=false");
      st.execute("SET preserve_insertion_order=true");
      st.execute(erfMacro());
      st.execute(normalCdf);
      for (int side = 0; side < 2; side++) {
        String file = out.resolve(side == 0 ? "wide-ref.parquet" : "wide-eval.parquet").toString();
        String sql =
            "COPY (SELECT " + String.join(", ", cols) + " FROM (SELECT " + String.join(", ", base)
                + " FROM (SELECT " + side + " AS s, range AS i FROM range(" + rows + "))) ORDER BY i) TO '"
                + file + "' (FORMAT parquet)";
        st.execute(sql);
        try (ResultSet r = st.executeQuery("SELECT count(*), avg(label), avg(prediction) FROM read_parquet('" + file + "')")) {
          r.next();
          System.out.printf(Locale.ROOT, "%s: %,d rows, label mean %.3f, prediction mean %.3f%n",
              Path.of(file).getFileName(), r.getLong(1), r.getDouble(2), r.getDouble(3));
        }
      }
    }
  }

  /** erf by Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7): enough to skew categories. */
  static String erfMacro() {
    return "CREATE MACRO erf(x) AS sign(x) * (1 - (((((1.061405429 * (1 / (1 + 0.3275911 * abs(x)))"
        + " - 1.453152027) * (1 / (1 + 0.3275911 * abs(x))) + 1.421413741) * (1 / (1 + 0.3275911 * abs(x)))"
        + " - 0.284496736) * (1 / (1 + 0.3275911 * abs(x))) + 0.254829592) * (1 / (1 + 0.3275911 * abs(x))))"
        + " * exp(-x * x))";
  }
}
