// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.result.FeatureSummary;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.ClassProbabilities;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.DataException;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.data.Sql;
import dev.rime.engine.model.ModelAdapter;
import dev.rime.engine.model.ModelException;
import dev.rime.engine.model.ModelJars;
import dev.rime.engine.model.Models;
import dev.rime.engine.model.OnnxModelAdapter;
import dev.rime.engine.model.Predictions;
import dev.rime.engine.tests.TestContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model_info} in a run: the model scores the reference and evaluation rows once, and every
 * test sees its predictions as if {@code pred_col} (or prediction files) had given them.
 */
class ModelPredictionsTest {

  @TempDir static Path tmp;
  private static Path onnx;

  @BeforeAll
  static void data() throws URISyntaxException {
    onnx =
        Path.of(ModelPredictionsTest.class.getResource("/models/onnx/data.csv").toURI())
            .getParent();
    try (Db db = Db.open()) {
      String src = "read_csv(" + Sql.str(onnx.resolve("data.csv").toString()) + ")";
      db.execute(
          "COPY (SELECT a, b, c, color, label FROM "
              + src
              + ") TO "
              + Sql.str(tmp.resolve("ref.csv").toString()));
      // the evaluation rows: b shifted, so the model's predictions move
      db.execute(
          "COPY (SELECT a, b + 1.5 AS b, c, color, label FROM "
              + src
              + ") TO "
              + Sql.str(tmp.resolve("eval.csv").toString()));
      db.execute(
          "COPY (SELECT a, b, c, color, klass FROM "
              + src
              + ") TO "
              + Sql.str(tmp.resolve("ref3.csv").toString()));
      db.execute(
          "COPY (SELECT a, b + 0.5 AS b, c, color, klass FROM "
              + src
              + ") TO "
              + Sql.str(tmp.resolve("eval3.csv").toString()));
      db.execute(
          "COPY (SELECT a, b, c, color, y FROM "
              + src
              + ") TO "
              + Sql.str(tmp.resolve("refy.csv").toString()));
    }
  }

  private static Map<String, Object> config(
      String ref, String eval, String label, String pred, Map<String, Object> modelInfo) {
    Map<String, Object> c = Fixtures.config(ref, eval, label, pred);
    if (modelInfo != null) {
      c.put("model_info", modelInfo);
    }
    return c;
  }

  private static Map<String, Object> onnxModel(String file) {
    return new LinkedHashMap<>(Map.of("path", onnx.resolve(file).toString(), "batch_size", 16));
  }

  /** The model's predictions for every row of a CSV file, scored directly by the adapter. */
  private static Predictions direct(String file, String csv, ModelTask task, String... columns) {
    try (Db db = Db.open()) {
      var d = dev.rime.engine.data.DataLoader.load(db, "t", "data", tmp.resolve(csv), null);
      Map<String, String> inputs = new LinkedHashMap<>();
      for (String c : columns) {
        inputs.put(c, d.columns().get(c));
      }
      try (OnnxModelAdapter m =
          new OnnxModelAdapter(onnx.resolve(file), task, inputs, 1000, Duration.ofSeconds(30))) {
        return m.predict(db, "SELECT " + String.join(", ", columns) + " FROM t");
      }
    }
  }

  /** A copy of a CSV file with the predictions as column {@code pred}. */
  private static String withPred(String csv, Predictions p) throws IOException {
    List<String> lines = Files.readAllLines(tmp.resolve(csv));
    List<String> out = new ArrayList<>();
    out.add(lines.get(0) + ",pred");
    for (int i = 1; i < lines.size(); i++) {
      out.add(lines.get(i) + "," + p.get(i - 1));
    }
    String name = "pred-" + csv;
    Files.write(tmp.resolve(name), out);
    return name;
  }

  @Test
  void binaryPredictionsBecomeThePredictionColumn() {
    Predictions want =
        direct(
            "binary_columns.onnx", "eval.csv", ModelTask.BINARY_CLASSIFICATION, "a", "b", "color");
    try (Db db = Db.open()) {
      TestContext ctx =
          Fixtures.context(
              db,
              config("ref.csv", "eval.csv", "label", null, onnxModel("binary_columns.onnx")),
              tmp);
      try {
        assertThat(ctx.hasModel()).isTrue();
        assertThat(ctx.hasPredictions()).isTrue();
        Column pred = ctx.predictionColumn();
        assertThat(pred.name()).isEqualTo("__rime_pred");
        assertThat(pred.type()).isEqualTo(FeatureType.PREDICTION);
        assertThat(pred.source()).isEqualTo("model");
        assertThat(pred.reason())
            .startsWith("the predictions are the model's: ONNX model ")
            .contains("binary_columns.onnx");
        // the model's input row: every reference column but the label and the predictions
        assertThat(ctx.modelInputColumns()).containsExactly("\"a\"", "\"b\"", "\"c\"", "\"color\"");
        List<Double> stored =
            db.query("SELECT __rime_pred FROM " + ctx.evalTable(), rs -> rs.getDouble(1));
        assertThat(stored).hasSize(60);
        for (int i = 0; i < 60; i++) {
          assertThat(stored.get(i)).isEqualTo(want.get(i));
        }
        // the model stays callable by the tests that call it
        Predictions again =
            ctx.model()
                .predict(
                    db,
                    "SELECT "
                        + String.join(", ", ctx.modelInputColumns())
                        + " FROM "
                        + ctx.evalTable());
        assertThat(again.get(59)).isEqualTo(want.get(59));
      } finally {
        ctx.model().close();
      }
    }
  }

  /**
   * The two runs agree on every test that reads the predictions. Tests that call the model
   * (Transformations, Attacks, and Abnormal Inputs' simulated impact) run only with the model, so
   * they are compared apart: the model's run has them, the pred_col run has no Transformations or
   * Attacks.
   */
  private static void assertSameResults(TestRunResult byModel, TestRunResult byPredCol) {
    // Equal up to the order of floating-point sums (DuckDB sums in parallel).
    assertThat(byModel.summary().modelPerf()).isNotEmpty();
    assertThat(byModel.summary().modelPerf().keySet())
        .isEqualTo(byPredCol.summary().modelPerf().keySet());
    byModel
        .summary()
        .modelPerf()
        .forEach(
            (name, pair) -> {
              var other = byPredCol.summary().modelPerf().get(name);
              assertClose(name, pair.refMetric(), other.refMetric());
              assertClose(name, pair.evalMetric(), other.evalMetric());
            });
    List<String> callTheModel = List.of("Abnormal Inputs", "Transformations", "Attacks");
    assertThat(byModel.testCases()).anyMatch(c -> c.category().equals("Transformations"));
    assertThat(byPredCol.testCases()).noneMatch(c -> c.category().equals("Transformations"));
    List<TestCase> a =
        byModel.testCases().stream().filter(c -> !callTheModel.contains(c.category())).toList();
    List<TestCase> b =
        byPredCol.testCases().stream().filter(c -> !callTheModel.contains(c.category())).toList();
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      TestCase x = a.get(i);
      TestCase y = b.get(i);
      assertThat(x.testId()).isEqualTo(y.testId());
      assertThat(x.features().stream().map(f -> f.equals("__rime_pred") ? "pred" : f).toList())
          .as(x.testId())
          .isEqualTo(y.features());
      assertThat(x.status()).as(x.testId() + " " + x.features()).isEqualTo(y.status());
      assertThat(x.severity()).as(x.testId() + " " + x.features()).isEqualTo(y.severity());
      assertThat(x.metrics().keySet()).as(x.testId()).isEqualTo(y.metrics().keySet());
      x.metrics()
          .forEach(
              (k, v) ->
                  assertClose(x.testId() + " " + x.features() + " " + k, v, y.metrics().get(k)));
    }
  }

  private static void assertClose(String what, Double a, Double b) {
    if (a == null || b == null) {
      assertThat(a).as(what).isEqualTo(b);
    } else {
      assertThat(a)
          .as(what)
          .isCloseTo(b, org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(b))));
    }
  }

  @Test
  void aRunWithTheModelEqualsOneWithItsPredictionsInPredCol() throws IOException {
    String refPred =
        withPred(
            "ref.csv",
            direct(
                "binary_columns.onnx",
                "ref.csv",
                ModelTask.BINARY_CLASSIFICATION,
                "a",
                "b",
                "color"));
    String evalPred =
        withPred(
            "eval.csv",
            direct(
                "binary_columns.onnx",
                "eval.csv",
                ModelTask.BINARY_CLASSIFICATION,
                "a",
                "b",
                "color"));
    TestRunResult byModel =
        Engine.run(
            config("ref.csv", "eval.csv", "label", null, onnxModel("binary_columns.onnx")),
            tmp,
            null);
    TestRunResult byPredCol =
        Engine.run(config(refPred, evalPred, "label", "pred", null), tmp, null);
    assertSameResults(byModel, byPredCol);
    FeatureSummary pred =
        byModel.summary().features().stream()
            .filter(f -> f.name().equals("__rime_pred"))
            .findFirst()
            .orElseThrow();
    assertThat(pred.source()).isEqualTo("model");
  }

  @Test
  void multiClassProbabilitiesAreReadLikePredictionFiles() throws IOException {
    Predictions refP =
        direct("multiclass.onnx", "ref3.csv", ModelTask.MULTI_CLASS_CLASSIFICATION, "a", "b", "c");
    Predictions evalP =
        direct("multiclass.onnx", "eval3.csv", ModelTask.MULTI_CLASS_CLASSIFICATION, "a", "b", "c");
    Map<String, Object> withModel =
        config("ref3.csv", "eval3.csv", "klass", null, onnxModel("multiclass.onnx"));
    withModel.put("model_task", "Multi-class Classification");
    try (Db db = Db.open()) {
      TestContext ctx = Fixtures.context(db, withModel, tmp);
      try {
        assertThat(ctx.hasPredictions()).isFalse();
        assertThat(ctx.hasProbabilities()).isTrue();
        ClassProbabilities probs = ctx.probabilities(true);
        assertThat(probs.classes()).isEqualTo(3);
        assertThat(probs.key()).isEqualTo("model_info.path");
        List<double[]> rows =
            db.query(
                "SELECT "
                    + String.join(", ", probs.columns())
                    + " FROM "
                    + Sql.ident(probs.table()),
                rs -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)});
        assertThat(rows).hasSize(60);
        for (int i = 0; i < 60; i++) {
          for (int k = 0; k < 3; k++) {
            assertThat(rows.get(i)[k]).isEqualTo(evalP.get(i, k));
          }
        }
      } finally {
        ctx.model().close();
      }
    }
    // the same run from prediction files
    Path refFile = tmp.resolve("ref3-probs.csv");
    Path evalFile = tmp.resolve("eval3-probs.csv");
    writeProbs(refFile, refP);
    writeProbs(evalFile, evalP);
    Map<String, Object> withFiles = config("ref3.csv", "eval3.csv", "klass", null, null);
    withFiles.put("model_task", "Multi-class Classification");
    Fixtures.dataInfo(withFiles).put("ref_pred_path", refFile.toString());
    Fixtures.dataInfo(withFiles).put("eval_pred_path", evalFile.toString());
    withModel.put("random_seed", 0);
    withFiles.put("random_seed", 0);
    assertSameResults(Engine.run(withModel, tmp, null), Engine.run(withFiles, tmp, null));
  }

  private static void writeProbs(Path file, Predictions p) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("p0,p1,p2");
    for (int i = 0; i < p.rows(); i++) {
      lines.add(p.get(i, 0) + "," + p.get(i, 1) + "," + p.get(i, 2));
    }
    Files.write(file, lines);
  }

  @Test
  void regressionValuesBecomeThePredictionColumn() {
    Map<String, Object> c = config("refy.csv", "refy.csv", "y", null, onnxModel("regression.onnx"));
    c.put("model_task", "Regression");
    TestRunResult r = Engine.run(c, tmp, null);
    assertThat(r.summary().modelPerf()).containsKey("Mean Absolute Error");
    // ref and eval are the same rows: the same error on both
    var mae = r.summary().modelPerf().get("Mean Absolute Error");
    assertThat(mae.refMetric()).isEqualTo(mae.evalMetric()).isBetween(0.0, 0.2);
  }

  @Test
  void withPredColTheModelIsOnlyForTheTestsThatCallIt() throws IOException {
    String refPred =
        withPred(
            "ref.csv",
            direct(
                "binary_columns.onnx",
                "ref.csv",
                ModelTask.BINARY_CLASSIFICATION,
                "a",
                "b",
                "color"));
    try (Db db = Db.open()) {
      TestContext ctx =
          Fixtures.context(
              db, config(refPred, refPred, "label", "pred", onnxModel("binary_columns.onnx")), tmp);
      try {
        assertThat(ctx.hasModel()).isTrue();
        assertThat(ctx.predictionColumn().name()).isEqualTo("pred");
        assertThat(ctx.predictionColumn().source()).isEqualTo("config");
        assertThat(ctx.predictionColumn().reason())
            .startsWith("data_info.pred_col give the predictions the tests use; the model (ONNX")
            .endsWith("is called only by the tests that call the model");
        assertThat(ctx.modelInputColumns()).doesNotContain("\"pred\"", "\"label\"");
        assertThat(
                db.scalarLong(
                    "SELECT count(*) FROM information_schema.columns WHERE"
                        + " column_name = '__rime_pred'"))
            .isZero();
      } finally {
        ctx.model().close();
      }
    }
  }

  @Test
  void aModelErrorWhileScoringFailsTheRunAndClosesTheModel() {
    Path jar =
        ModelJars.jar(
            tmp,
            "raises.jar",
            Map.of(
                "demo.Raises",
                "package demo;\n"
                    + "import dev.rime.api.model.*;\n"
                    + "public class Raises implements Model {\n"
                    + "  public double[][] predict(ModelBatch b) {\n"
                    + "    throw new IllegalStateException(\"cannot score \" + b.size());\n"
                    + "  }\n"
                    + "  public void close() { System.setProperty(\"rime.test.raises.closed\","
                    + " \"yes\"); }\n"
                    + "}\n"));
    System.clearProperty("rime.test.raises.closed");
    Map<String, Object> c =
        config(
            "ref.csv",
            "eval.csv",
            "label",
            null,
            Map.of("path", jar.toString(), "class_name", "demo.Raises", "batch_size", 50));
    assertThatThrownBy(() -> Engine.run(c, tmp, null))
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "model_info.path: Java model demo.Raises in "
                + jar
                + ", batch rows 0-49: raised IllegalStateException: cannot score 50");
    assertThat(System.getProperty("rime.test.raises.closed")).isEqualTo("yes");
  }

  @Test
  void aMissingModelFileNamesTheKey() {
    Map<String, Object> c =
        config("ref.csv", "eval.csv", "label", null, Map.of("path", "nope.onnx"));
    assertThatThrownBy(() -> Engine.run(c, tmp, null))
        .isInstanceOf(DataException.class)
        .hasMessage("model_info.path: file not found: " + tmp.resolve("nope.onnx"));
  }

  @Test
  void theModelIsClosedAtTheEndOfTheRun() {
    Path jar =
        ModelJars.jar(
            tmp,
            "half.jar",
            Map.of(
                "demo.Half",
                "package demo;\n"
                    + "import dev.rime.api.model.*;\n"
                    + "public class Half implements Model {\n"
                    + "  public double[][] predict(ModelBatch b) {\n"
                    + "    double[][] out = new double[b.size()][1];\n"
                    + "    for (int i = 0; i < b.size(); i++) out[i][0] = b.getDouble(i, \"a\") > 0 ?"
                    + " 0.8 : 0.2;\n"
                    + "    return out;\n"
                    + "  }\n"
                    + "  public void close() { System.setProperty(\"rime.test.half.closed\","
                    + " \"yes\"); }\n"
                    + "}\n"));
    System.clearProperty("rime.test.half.closed");
    TestRunResult r =
        Engine.run(
            config(
                "ref.csv",
                "eval.csv",
                "label",
                null,
                Map.of("path", jar.toString(), "class_name", "demo.Half")),
            tmp,
            null);
    assertThat(r.summary().modelPerf()).containsKey("Accuracy");
    assertThat(System.getProperty("rime.test.half.closed")).isEqualTo("yes");
  }

  @Test
  void pythonFilesGoThroughThePythonRuntime() throws IOException {
    Path py = Files.writeString(tmp.resolve("model.py"), "def predict_df(df): ...\n");
    List<Object> opened = new ArrayList<>();
    Models.PythonRuntime before = Models.pythonRuntime();
    Models.setPythonRuntime(
        (file, batchSize, timeout) -> {
          opened.add(file);
          opened.add(batchSize);
          opened.add(timeout);
          return new ModelAdapter() {
            @Override
            public String describe() {
              return "Python model " + file;
            }

            @Override
            public Predictions predict(Db db, String select) {
              long n = db.scalarLong("SELECT count(*) FROM (" + select + ")");
              double[] v = new double[(int) n];
              java.util.Arrays.fill(v, 0.25);
              return new Predictions(v, 1);
            }

            @Override
            public void close() {
              opened.add("closed");
            }
          };
        });
    try {
      TestRunResult r =
          Engine.run(
              config(
                  "ref.csv",
                  "eval.csv",
                  "label",
                  null,
                  Map.of("path", "model.py", "batch_size", 123, "timeout_seconds", 7)),
              tmp,
              null);
      assertThat(opened).containsExactly(py, 123, Duration.ofSeconds(7), "closed");
      assertThat(r.summary().modelPerf().get("Accuracy").refMetric()).isNotNull();
    } finally {
      Models.setPythonRuntime(before);
    }
  }

  @Test
  void anyRuntimesOutputIsCheckedForTheTask() throws IOException {
    Files.writeString(tmp.resolve("big.py"), "def predict_df(df): ...\n");
    Models.PythonRuntime before = Models.pythonRuntime();
    Models.setPythonRuntime(
        (file, batchSize, timeout) ->
            new ModelAdapter() {
              @Override
              public String describe() {
                return "Python model " + file;
              }

              @Override
              public Predictions predict(Db db, String select) {
                long n = db.scalarLong("SELECT count(*) FROM (" + select + ")");
                double[] v = new double[(int) n];
                java.util.Arrays.fill(v, 0.5);
                v[3] = 1.5;
                return new Predictions(v, 1);
              }

              @Override
              public void close() {}
            });
    try {
      Map<String, Object> c =
          config("ref.csv", "eval.csv", "label", null, Map.of("path", "big.py"));
      assertThatThrownBy(() -> Engine.run(c, tmp, null))
          .isInstanceOf(ModelException.class)
          .hasMessage(
              "model_info.path: Python model "
                  + tmp.resolve("big.py")
                  + " on "
                  + tmp.resolve("ref.csv")
                  + ": returned 1.5 for row 3; a probability must be in [0, 1]");
    } finally {
      Models.setPythonRuntime(before);
    }
  }
}
