// SPDX-License-Identifier: Apache-2.0
// Splits the benchmark's flights files (made by SplitFlights.java: January-March and April-June,
// with the label `delayed` and the predictions `pred`, `pred_delay` fitted on January-March) into
// the continuous-testing benchmark's reference (January) and evaluation (February-June), each in
// time order. Run with the rime jar on the class path (it carries DuckDB):
//   java -cp rime-cli/target/rime.jar bench/SplitContinuous.java DATADIR
// Writes DATADIR/ct-ref.parquet and DATADIR/ct-eval.parquet.
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

public class SplitContinuous {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]).toAbsolutePath();
    String all =
        "(SELECT * FROM read_parquet(['" + dir.resolve("flights-ref.parquet") + "', '"
            + dir.resolve("flights-eval.parquet") + "']))";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET autoinstall_known_extensions=false");
      s.execute("SET autoload_known_extensions=false");
      String order = " ORDER BY date, origin, destination, delay, distance";
      s.execute("COPY (SELECT * FROM " + all + " WHERE month(date) = 1" + order + ") TO '"
          + dir.resolve("ct-ref.parquet") + "' (FORMAT parquet)");
      s.execute("COPY (SELECT * FROM " + all + " WHERE month(date) BETWEEN 2 AND 6" + order + ") TO '"
          + dir.resolve("ct-eval.parquet") + "' (FORMAT parquet)");
      for (String f : new String[] {"ct-ref.parquet", "ct-eval.parquet"}) {
        try (ResultSet r = s.executeQuery("SELECT count(*), min(date), max(date), count(DISTINCT CAST(date AS DATE)) FROM read_parquet('" + dir.resolve(f) + "')")) {
          r.next();
          System.out.printf("%s: %,d rows, %s .. %s, %d days%n", f, r.getLong(1), r.getString(2), r.getString(3), r.getLong(4));
        }
      }
    }
  }
}
