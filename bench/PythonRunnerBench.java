// SPDX-License-Identifier: Apache-2.0
import dev.rime.engine.data.Db;
import dev.rime.engine.model.Predictions;
import dev.rime.engine.model.PythonModelAdapter;
import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Rows per second through the Python runner: makes ROWS deterministic rows (three numeric columns,
 * a 50-value text column and a free-text one, a few nulls) in DuckDB, writes them as CSV for the
 * in-process baseline, then times PythonModelAdapter.predict over them (best of 3, after a warm-up
 * that starts the process and imports the model) and writes the predictions.
 * Usage: java -cp rime.jar PythonRunnerBench.java PYTHON MODEL.py ROWS BATCH OUT_DIR [COLUMNS]
 * (COLUMNS: all, or numbers for the three numeric columns only).
 */
public class PythonRunnerBench {
  public static void main(String[] args) throws Exception {
    Path python = Path.of(args[0]);
    Path model = Path.of(args[1]);
    int rows = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]);
    Files.createDirectories(out);
    try (Db db = Db.open();
        PythonModelAdapter adapter =
            new PythonModelAdapter(python, model, batch, Duration.ofSeconds(300))) {
      db.execute(
          "CREATE TABLE t AS SELECT i,"
              + " CASE WHEN i % 97 = 0 THEN NULL ELSE (i * 7919 % 10007) / 1000.0 END AS x1,"
              + " ((i * 104729) % 65537) / 65537.0 - 0.5 AS x2,"
              + " CASE WHEN i % 89 = 0 THEN NULL ELSE (i % 1000)::DOUBLE END AS x3,"
              + " CASE WHEN i % 101 = 0 THEN NULL ELSE 'city_' || (i * 31 % 50) END AS city,"
              + " CASE WHEN i % 53 = 0 THEN NULL ELSE repeat('ab', (i % 17)::INTEGER) || 'é' END"
              + " AS note FROM range(" + rows + ") r(i)");
      db.execute(
          "COPY (SELECT x1, x2, x3, city, note FROM t ORDER BY i) TO '"
              + out.resolve("rows.csv")
              + "' (HEADER, NULLSTR '\\N')");
      boolean numbers = args.length > 5 && args[5].equals("numbers");
      String select =
          "SELECT x1, x2, x3" + (numbers ? "" : ", city, note") + " FROM t ORDER BY i";
      long t0 = System.nanoTime();
      adapter.predict(db, select + " LIMIT 10");
      double startup = (System.nanoTime() - t0) / 1e9;
      double best = Double.MAX_VALUE;
      Predictions p = null;
      for (int k = 0; k < 3; k++) {
        long s = System.nanoTime();
        p = adapter.predict(db, select);
        best = Math.min(best, (System.nanoTime() - s) / 1e9);
      }
      try (DataOutputStream w =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(out.resolve("runner.bin"))))) {
        for (int r = 0; r < p.rows(); r++) {
          w.writeLong(Long.reverseBytes(Double.doubleToRawLongBits(p.get(r))));
        }
      }
      System.out.printf(
          "runner rows=%d seconds=%.3f rows_per_s=%.0f startup_s=%.2f%n",
          p.rows(), best, p.rows() / best, startup);
    }
  }
}
