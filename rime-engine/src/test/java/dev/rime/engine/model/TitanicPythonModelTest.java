// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Titanic example's Python model (examples/titanic/model) through the runner gives the {@code
 * pred} column that make_example.py wrote with the same model, row for row.
 */
class TitanicPythonModelTest {

  private static final Path TITANIC =
      Path.of("").toAbsolutePath().getParent().resolve("examples/titanic");

  @Test
  void reproducesThePredColumnOfBothFiles() {
    try (Db db = Db.open();
        PythonModelAdapter model = new PythonModelAdapter(TITANIC.resolve("model/model.py"))) {
      for (String file : List.of("reference.csv", "evaluation.csv")) {
        db.execute(
            "CREATE OR REPLACE TABLE t AS SELECT row_number() OVER () AS rn, * FROM read_csv("
                + Sql.str(TITANIC.resolve(file).toString())
                + ")");
        List<Double> pred = db.query("SELECT pred FROM t ORDER BY rn", rs -> rs.getDouble(1));
        Predictions p =
            model.predict(
                db,
                "SELECT pclass, name, sex, age, sibsp, parch, ticket, fare, cabin, embarked,"
                    + " \"home.dest\" FROM t ORDER BY rn");
        assertThat(p.rows()).as(file).isEqualTo(pred.size());
        for (int r = 0; r < p.rows(); r++) {
          assertThat(p.get(r)).as(file + " row " + r).isCloseTo(pred.get(r), within(1e-12));
        }
      }
      assertThat(model.entryPoint()).isEqualTo("predict_df");
    }
  }
}
