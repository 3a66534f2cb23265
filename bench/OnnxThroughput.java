// SPDX-License-Identifier: Apache-2.0
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Db;
import dev.rime.engine.model.OnnxModelAdapter;
import dev.rime.engine.model.Predictions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ONNX rows per second through RIME's OnnxModelAdapter: DuckDB rows read in batches, converted,
 * scored by ONNX Runtime in the JVM, checked. Two models: the Titanic example's skl2onnx pipeline
 * (one input per column: 5 float, 1 string) and the test logistic regression on one float tensor
 * [n, 3]. Usage: java -cp rime.jar OnnxThroughput.java ROOT ROWS BATCH
 */
public class OnnxThroughput {
  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    long rows = Long.parseLong(args[1]);
    int batch = Integer.parseInt(args[2]);
    try (Db db = Db.open()) {
      db.execute("SELECT setseed(0.5)");
      db.execute(
          "CREATE TABLE t AS SELECT 1 + (i % 3) AS pclass,"
              + " CASE WHEN random() < 0.2 THEN NULL ELSE round(random() * 80, 1) END AS age,"
              + " (i % 4) AS sibsp, (i % 3) AS parch, round(random() * 200, 2) AS fare,"
              + " CASE WHEN random() < 0.35 THEN 'female' ELSE 'male' END AS sex,"
              + " random() * 2 - 1 AS a, random() * 4 - 1 AS b, random() * 2 - 1 AS c"
              + " FROM range(" + rows + ") r(i)");
      Map<String, String> titanic = new LinkedHashMap<>();
      for (String c : new String[] {"pclass", "sibsp", "parch"}) {
        titanic.put(c, "BIGINT");
      }
      titanic.put("age", "DOUBLE");
      titanic.put("fare", "DOUBLE");
      titanic.put("sex", "VARCHAR");
      measure(
          db,
          root.resolve("examples/titanic/onnx/titanic.onnx"),
          titanic,
          "SELECT pclass, age, sibsp, parch, fare, sex FROM t",
          rows,
          batch);
      Map<String, String> tensor = new LinkedHashMap<>();
      for (String c : new String[] {"a", "b", "c"}) {
        tensor.put(c, "DOUBLE");
      }
      measure(
          db,
          root.resolve("rime-engine/src/test/resources/models/onnx/binary_tensor.onnx"),
          tensor,
          "SELECT a, b, c FROM t",
          rows,
          batch);
    }
  }

  static void measure(
      Db db, Path model, Map<String, String> columns, String select, long rows, int batch) {
    try (OnnxModelAdapter m =
        new OnnxModelAdapter(
            model, ModelTask.BINARY_CLASSIFICATION, columns, batch, Duration.ofMinutes(10))) {
      m.predict(db, select + " LIMIT 20000"); // warm-up
      double best = Double.MAX_VALUE;
      double sum = 0;
      for (int rep = 0; rep < 3; rep++) {
        long t0 = System.nanoTime();
        Predictions p = m.predict(db, select);
        double s = (System.nanoTime() - t0) / 1e9;
        best = Math.min(best, s);
        for (int i = 0; i < p.rows(); i += 1000) {
          sum += p.get(i);
        }
      }
      long t0 = System.nanoTime();
      db.forEach(select, rs -> {}); // reading the rows alone, for comparison
      double read = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "%-16s %,d rows, batch %,d: best of 3 %.2f s = %,.0f rows/s (reading the rows through"
              + " JDBC alone: %.2f s) [checksum %.3f]%n",
          model.getFileName(), rows, batch, best, rows / best, read, sum);
    }
  }
}
