// SPDX-License-Identifier: Apache-2.0
// Splits the 3M-row flights Parquet into the benchmark's reference (January-March) and evaluation
// (April-June) files, adding the label `delayed` = delay > 15 minutes. Run with the rime jar on the
// class path (it carries DuckDB):  java -cp rime-cli/target/rime.jar bench/SplitFlights.java SRC OUTDIR
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

public class SplitFlights {
  public static void main(String[] args) throws Exception {
    Path src = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(out);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET autoinstall_known_extensions=false");
      s.execute("SET autoload_known_extensions=false");
      String select =
          "SELECT date, delay, distance, origin, destination, CAST(delay > 15 AS INTEGER) AS delayed"
              + " FROM read_parquet('" + src + "') WHERE month(date) BETWEEN %d AND %d ORDER BY date";
      s.execute("COPY (" + String.format(select, 1, 3) + ") TO '" + out.resolve("flights-ref.parquet") + "' (FORMAT parquet)");
      s.execute("COPY (" + String.format(select, 4, 6) + ") TO '" + out.resolve("flights-eval.parquet") + "' (FORMAT parquet)");
      for (String f : new String[] {"flights-ref.parquet", "flights-eval.parquet"}) {
        try (ResultSet r = s.executeQuery("SELECT count(*), min(date), max(date) FROM read_parquet('" + out.resolve(f) + "')")) {
          r.next();
          System.out.printf("%s: %,d rows, %s .. %s%n", f, r.getLong(1), r.getString(2), r.getString(3));
        }
      }
    }
  }
}
