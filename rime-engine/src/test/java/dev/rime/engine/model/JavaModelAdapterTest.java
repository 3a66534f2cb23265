// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.engine.Fixtures;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.DataLoader;
import dev.rime.engine.data.Db;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models compiled in the test into a jar, loaded by class name, scored over DuckDB rows. */
class JavaModelAdapterTest {

  @TempDir static Path tmp;
  private static Path jar;
  private Db db;

  private static String model(String name, String body) {
    return "package demo;\n"
        + "import dev.rime.api.model.*;\n"
        + "public class "
        + name
        + " implements Model {\n"
        + "  public double[][] predict(ModelBatch b) throws Exception {\n"
        + body
        + "\n  }\n}\n";
  }

  @BeforeAll
  static void build() {
    Map<String, String> src = new LinkedHashMap<>();
    // P = sigmoid((fare - 20) / 10), 0.3 without a fare
    src.put(
        "demo.Fare",
        model(
            "Fare",
            "double[][] out = new double[b.size()][1];\n"
                + "for (int i = 0; i < b.size(); i++) {\n"
                + "  double f = b.getDouble(i, \"fare\");\n"
                + "  out[i][0] = Double.isNaN(f) ? 0.3 : 1 / (1 + Math.exp(-(f - 20) / 10));\n"
                + "}\n"
                + "return out;"));
    // 1 when every value has the documented Java type (or is null), else 0
    src.put(
        "demo.Types",
        model(
            "Types",
            "double[][] out = new double[b.size()][1];\n"
                + "for (int i = 0; i < b.size(); i++) {\n"
                + "  Object n = b.get(i, \"n\"), f = b.get(i, \"fare\"), s = b.get(i, \"sex\"),"
                + " x = b.get(i, \"flag\"), d = b.get(i, \"day\");\n"
                + "  boolean ok = (n == null || n instanceof Long) && (f == null || f instanceof"
                + " Double) && (s == null || s instanceof String) && (x == null || x instanceof"
                + " Boolean) && (d == null || d instanceof String);\n"
                + "  out[i][0] = ok && b.columns().equals(java.util.List.of(\"n\", \"fare\","
                + " \"sex\", \"flag\", \"day\")) ? 1 : 0;\n"
                + "}\n"
                + "return out;"));
    // 0.25 when RIME's own classes (DuckDB, the engine) are visible to the model, else 0.75
    src.put(
        "demo.Isolated",
        model(
            "Isolated",
            "double v;\n"
                + "try { Class.forName(\"org.duckdb.DuckDBDriver\"); v = 0.25; }\n"
                + "catch (ClassNotFoundException e) {\n"
                + "  try { Class.forName(\"dev.rime.engine.Engine\"); v = 0.25; }\n"
                + "  catch (ClassNotFoundException e2) { v = 0.75; } }\n"
                + "double[][] out = new double[b.size()][1];\n"
                + "for (double[] r : out) { r[0] = v; }\n"
                + "return out;"));
    src.put(
        "demo.Classes",
        model(
            "Classes",
            "double[][] out = new double[b.size()][];\n"
                + "for (int i = 0; i < b.size(); i++) { out[i] = new double[] {0.2, 0.3, 0.5}; }\n"
                + "return out;"));
    src.put("demo.Raises", model("Raises", "throw new IllegalStateException(\"no fare today\");"));
    src.put("demo.Short", model("Short", "return new double[b.size() - 1][1];"));
    src.put(
        "demo.Nan",
        model(
            "Nan",
            "double[][] out = new double[b.size()][1];\n"
                + "out[b.size() - 1][0] = Double.NaN;\n"
                + "return out;"));
    src.put(
        "demo.Ragged",
        model(
            "Ragged",
            "double[][] out = new double[b.size()][1];\n"
                + "out[1] = new double[] {0.1, 0.9};\n"
                + "return out;"));
    src.put("demo.Hangs", model("Hangs", "while (true) { Thread.sleep(60_000); }"));
    src.put(
        "demo.NoDefault",
        "package demo;\n"
            + "import dev.rime.api.model.*;\n"
            + "public class NoDefault implements Model {\n"
            + "  public NoDefault(String x) {}\n"
            + "  public double[][] predict(ModelBatch b) { return null; }\n"
            + "}\n");
    src.put(
        "demo.Broken",
        "package demo;\n"
            + "import dev.rime.api.model.*;\n"
            + "public class Broken implements Model {\n"
            + "  public Broken() { throw new IllegalArgumentException(\"weights missing\"); }\n"
            + "  public double[][] predict(ModelBatch b) { return null; }\n"
            + "}\n");
    src.put("demo.NotAModel", "package demo;\npublic class NotAModel {}\n");
    jar = ModelJars.jar(tmp, "models.jar", src);
  }

  @BeforeEach
  void data() {
    db = Db.open();
    Path csv =
        Fixtures.csv(
            tmp,
            "rows.csv",
            "n,fare,sex,flag,day,label",
            "1,10.5,male,true,2024-01-31,0",
            "2,,female,false,2024-02-01,1",
            "3,20,,true,,1",
            "4,35.25,male,,2024-02-03,0",
            "5,7,female,false,2024-02-04,1");
    DataLoader.load(db, "t", "data", csv, null);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static JavaModelAdapter open(String cls, ModelTask task, int batch, Duration timeout) {
    return new JavaModelAdapter(jar, "demo." + cls, task, batch, timeout);
  }

  private static JavaModelAdapter open(String cls) {
    return open(cls, ModelTask.BINARY_CLASSIFICATION, 2, Duration.ofSeconds(30));
  }

  private static final String ROWS = "SELECT n, fare, sex, flag, day FROM t";

  @Test
  void scoresEveryRowInBatches() {
    try (JavaModelAdapter m = open("Fare")) {
      assertThat(m.describe()).isEqualTo("Java model demo.Fare in " + jar);
      Predictions p = m.predict(db, ROWS);
      assertThat(p.rows()).isEqualTo(5);
      assertThat(p.outputs()).isEqualTo(1);
      double[] fares = {10.5, Double.NaN, 20, 35.25, 7};
      for (int i = 0; i < 5; i++) {
        double want = Double.isNaN(fares[i]) ? 0.3 : 1 / (1 + Math.exp(-(fares[i] - 20) / 10));
        assertThat(p.get(i)).isEqualTo(want);
      }
    }
  }

  @Test
  void valuesComeAsLongDoubleStringBooleanOrNull() {
    try (JavaModelAdapter m = open("Types")) {
      Predictions p = m.predict(db, ROWS);
      for (int i = 0; i < 5; i++) {
        assertThat(p.get(i)).as("row %d", i).isEqualTo(1.0);
      }
    }
  }

  @Test
  void theModelSeesNoneOfRimesLibraries() {
    try (JavaModelAdapter m = open("Isolated")) {
      assertThat(m.predict(db, ROWS).get(0)).isEqualTo(0.75);
    }
  }

  @Test
  void multiClassProbabilities() {
    try (JavaModelAdapter m =
        open("Classes", ModelTask.MULTI_CLASS_CLASSIFICATION, 3, Duration.ofSeconds(30))) {
      Predictions p = m.predict(db, ROWS);
      assertThat(p.outputs()).isEqualTo(3);
      assertThat(p.get(4, 2)).isEqualTo(0.5);
    }
    try (JavaModelAdapter m = open("Classes")) {
      assertThatThrownBy(() -> m.predict(db, ROWS))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining(
              "batch rows 0-1: returned 3 values per row; a Binary Classification");
    }
  }

  @Test
  void aModelThatRaisesNamesModelBatchAndError() {
    try (JavaModelAdapter m = open("Raises")) {
      assertThatThrownBy(() -> m.predict(db, ROWS))
          .isInstanceOf(ModelException.class)
          .hasMessage(
              "model_info.path: Java model demo.Raises in "
                  + jar
                  + ", batch rows 0-1: raised IllegalStateException: no fare today")
          .satisfies(e -> assertThat(((ModelException) e).key()).isEqualTo("model_info.path"));
    }
  }

  @Test
  void wrongLengthNanAndRaggedOutputs() {
    try (JavaModelAdapter m = open("Short")) {
      assertThatThrownBy(() -> m.predict(db, ROWS))
          .hasMessageEndingWith("batch rows 0-1: predict returned 1 rows for 2");
    }
    try (JavaModelAdapter m = open("Nan")) {
      assertThatThrownBy(() -> m.predict(db, ROWS))
          .hasMessageEndingWith(
              "batch rows 0-1: returned NaN for row 1; every output must be a finite number");
    }
    try (JavaModelAdapter m = open("Ragged")) {
      assertThatThrownBy(() -> m.predict(db, ROWS))
          .hasMessageEndingWith(
              "batch rows 0-1: predict returned 2 values for row 1 of the batch but 1 for row 0");
    }
  }

  @Test
  void aModelThatHangsIsStoppedAtItsTimeout() {
    long t0 = System.nanoTime();
    try (JavaModelAdapter m =
        open("Hangs", ModelTask.BINARY_CLASSIFICATION, 10, Duration.ofMillis(300))) {
      assertThatThrownBy(() -> m.predict(db, ROWS))
          .isInstanceOf(ModelException.class)
          .hasMessageEndingWith(
              "batch rows 0-4: ran past its timeout of 0.3 s (model_info.timeout_seconds) and was"
                  + " stopped");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void classesThatCannotBeModelsAreClearErrors() {
    assertThatThrownBy(() -> open("Missing"))
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "model_info.path: Java model demo.Missing in "
                + jar
                + ": the jar has no class demo.Missing (model_info.class_name)");
    assertThatThrownBy(() -> open("NotAModel"))
        .hasMessageEndingWith("the class does not implement dev.rime.api.model.Model");
    assertThatThrownBy(() -> open("NoDefault"))
        .hasMessageEndingWith("the class has no public constructor without arguments");
    assertThatThrownBy(() -> open("Broken"))
        .hasMessageEndingWith("its constructor raised IllegalArgumentException: weights missing");
  }
}
