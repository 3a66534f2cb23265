// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Json;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.DataLoader;
import dev.rime.engine.data.Dataset;
import dev.rime.engine.data.Db;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX models made by {@code src/test/resources/models/onnx/make_models.py} (scikit-learn 1.5.2,
 * skl2onnx 1.20.0) scored on its {@code data.csv}; expected values are what scikit-learn and
 * onnxruntime in Python gave ({@code expected.json}).
 */
class OnnxModelAdapterTest {

  private static Path dir;
  private static Map<String, Object> expected;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String ROWS = "SELECT a, b, c, color FROM t";

  private Db db;
  private Map<String, String> inputs;

  @BeforeAll
  static void files() throws URISyntaxException {
    dir =
        Path.of(OnnxModelAdapterTest.class.getResource("/models/onnx/data.csv").toURI())
            .getParent();
    expected = Json.lenient().readValue(dir.resolve("expected.json").toFile(), Json.MAP);
  }

  @BeforeEach
  void load() {
    db = Db.open();
    Dataset d = DataLoader.load(db, "t", "data", dir.resolve("data.csv"), null);
    inputs = new LinkedHashMap<>(d.columns());
    inputs.keySet().removeAll(List.of("label", "klass", "y"));
    assertThat(inputs).containsOnlyKeys("a", "b", "c", "color");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private OnnxModelAdapter open(String file, ModelTask task, int batch) {
    return new OnnxModelAdapter(dir.resolve(file), task, inputs, batch, TIMEOUT);
  }

  @SuppressWarnings("unchecked")
  private static List<Double> values(String model, String source) {
    return (List<Double>) ((Map<String, Object>) expected.get(model)).get(source);
  }

  @SuppressWarnings("unchecked")
  private static List<List<Double>> rows(String model, String source) {
    return (List<List<Double>>) ((Map<String, Object>) expected.get(model)).get(source);
  }

  private static void assertMatches(Predictions p, List<Double> sklearn, List<Double> ort) {
    assertThat(p.rows()).isEqualTo(sklearn.size());
    assertThat(p.outputs()).isEqualTo(1);
    for (int i = 0; i < p.rows(); i++) {
      assertThat(p.get(i)).as("row %d", i).isCloseTo(sklearn.get(i), within(1e-6));
      assertThat(p.get(i)).as("row %d", i).isCloseTo(ort.get(i), within(1e-7));
    }
  }

  @Test
  void oneTensorOfTheNumericColumnsAndTheProbabilityOfClassOne() {
    try (OnnxModelAdapter m = open("binary_tensor.onnx", ModelTask.BINARY_CLASSIFICATION, 7)) {
      assertThat(m.inputColumns()).containsExactly(Map.entry("X", List.of("a", "b", "c")));
      assertThat(m.outputName()).isEqualTo("probabilities");
      assertThat(m.describe()).isEqualTo("ONNX model " + dir.resolve("binary_tensor.onnx"));
      assertMatches(
          m.predict(db, ROWS), values("binary", "sklearn"), values("binary", "onnxruntime"));
      // the same adapter again (batches reuse their buffers), with one batch for all rows
      assertMatches(
          m.predict(db, ROWS), values("binary", "sklearn"), values("binary", "onnxruntime"));
    }
    try (OnnxModelAdapter m = open("binary_tensor.onnx", ModelTask.BINARY_CLASSIFICATION, 1000)) {
      assertMatches(
          m.predict(db, ROWS), values("binary", "sklearn"), values("binary", "onnxruntime"));
    }
  }

  @Test
  void zipMapProbabilitiesGiveClassOne() {
    try (OnnxModelAdapter m = open("binary_zipmap.onnx", ModelTask.BINARY_CLASSIFICATION, 25)) {
      assertThat(m.outputName()).isEqualTo("output_probability");
      assertMatches(
          m.predict(db, ROWS), values("binary", "sklearn"), values("binary", "onnxruntime"));
    }
  }

  @Test
  void multiClassGivesEveryClassProbability() {
    List<List<Double>> sk = rows("multiclass", "sklearn");
    List<List<Double>> ort = rows("multiclass", "onnxruntime");
    try (OnnxModelAdapter m = open("multiclass.onnx", ModelTask.MULTI_CLASS_CLASSIFICATION, 16)) {
      Predictions p = m.predict(db, ROWS);
      assertThat(p.rows()).isEqualTo(60);
      assertThat(p.outputs()).isEqualTo(3);
      for (int i = 0; i < 60; i++) {
        for (int k = 0; k < 3; k++) {
          assertThat(p.get(i, k)).isCloseTo(sk.get(i).get(k), within(1e-6));
          assertThat(p.get(i, k)).isCloseTo(ort.get(i).get(k), within(1e-7));
        }
      }
    }
  }

  @Test
  void regressionGivesTheValue() {
    List<Double> sk = values("regression", "sklearn");
    try (OnnxModelAdapter m = open("regression.onnx", ModelTask.REGRESSION, 50)) {
      Predictions p = m.predict(db, ROWS);
      assertThat(p.outputs()).isEqualTo(1);
      for (int i = 0; i < 60; i++) {
        assertThat(p.get(i)).isCloseTo(sk.get(i), within(1e-5));
        assertThat(p.get(i)).isCloseTo(values("regression", "onnxruntime").get(i), within(1e-7));
      }
    }
  }

  @Test
  void oneInputPerColumnByNameWithNullsAndUnseenText() {
    try (OnnxModelAdapter m = open("binary_columns.onnx", ModelTask.BINARY_CLASSIFICATION, 9)) {
      assertThat(m.inputColumns())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("a", List.of("a"), "b", List.of("b"), "color", List.of("color")));
      assertMatches(
          m.predict(db, ROWS),
          values("binary_columns", "sklearn"),
          values("binary_columns", "onnxruntime"));
      // row 3 without a (the imputer's median stands in), row 4 with an unseen colour, row 7's
      // empty colour read as NULL by DuckDB and given as ""
      Predictions p =
          m.predict(
              db,
              "SELECT CASE WHEN rowid = 3 THEN NULL ELSE a END AS a, b, c,"
                  + " CASE WHEN rowid = 4 THEN 'purple' ELSE color END AS color FROM t");
      assertMatches(
          p,
          values("binary_columns", "sklearn_with_null_a_row3_purple_row4"),
          values("binary_columns", "onnxruntime_with_null_a_row3_purple_row4"));
    }
  }

  @Test
  void doubleTensorOfRankOneOutput() {
    List<Double> np = values("double_tensor", "numpy");
    try (OnnxModelAdapter m = open("double_tensor.onnx", ModelTask.BINARY_CLASSIFICATION, 13)) {
      Predictions p = m.predict(db, ROWS);
      for (int i = 0; i < 60; i++) {
        assertThat(p.get(i)).isCloseTo(np.get(i), within(1e-12));
      }
    }
  }

  @Test
  void noRowsGiveNoPredictions() {
    try (OnnxModelAdapter m = open("binary_tensor.onnx", ModelTask.BINARY_CLASSIFICATION, 7)) {
      assertThat(m.predict(db, ROWS + " WHERE false").rows()).isZero();
    }
  }

  @Test
  void nanOutputNamesModelBatchAndRow() {
    inputs = Map.of("a", "DOUBLE");
    try (OnnxModelAdapter m = open("sqrt.onnx", ModelTask.REGRESSION, 7)) {
      // only row 58 is negative: the last batch (rows 56-59) fails
      assertThatThrownBy(
              () ->
                  m.predict(db, "SELECT CASE WHEN rowid = 58 THEN -1 ELSE abs(a) END AS a FROM t"))
          .isInstanceOf(ModelException.class)
          .hasMessage(
              "model_info.path: ONNX model "
                  + dir.resolve("sqrt.onnx")
                  + ", batch rows 56-59: returned NaN for row 58; every output must be a finite"
                  + " number");
    }
  }

  @Test
  void wrongShapeForTheTaskIsAnError() {
    try (OnnxModelAdapter m = open("multiclass.onnx", ModelTask.BINARY_CLASSIFICATION, 100)) {
      assertThatThrownBy(() -> m.predict(db, ROWS))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining(
              "multiclass.onnx, batch rows 0-59: returned 3 values per row; a"
                  + " Binary Classification model returns one value per row, the probability of"
                  + " label 1");
    }
    try (OnnxModelAdapter m = open("regression.onnx", ModelTask.MULTI_CLASS_CLASSIFICATION, 100)) {
      assertThatThrownBy(() -> m.predict(db, ROWS))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("returned 1 value per row; a Multi-class Classification model");
    }
    try (OnnxModelAdapter m = open("regression.onnx", ModelTask.BINARY_CLASSIFICATION, 100)) {
      // a regression model's values are not probabilities
      assertThatThrownBy(() -> m.predict(db, ROWS))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("a probability must be in [0, 1]");
    }
  }

  @Test
  void inputsThatDoNotFitTheDataAreErrorsOnOpening() {
    inputs = new LinkedHashMap<>(Map.of("a", "DOUBLE", "b", "DOUBLE"));
    assertThatThrownBy(() -> open("binary_tensor.onnx", ModelTask.BINARY_CLASSIFICATION, 10))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("its input 'X' takes 3 features, but the data has 2 numeric columns");
    inputs = new LinkedHashMap<>(Map.of("x", "DOUBLE", "color", "VARCHAR"));
    assertThatThrownBy(() -> open("binary_columns.onnx", ModelTask.BINARY_CLASSIFICATION, 10))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("are not columns of the data")
        .hasMessageContaining("[a, b]");
  }

  @Test
  void textWhereTheModelTakesNumbersIsAModelError() {
    try (OnnxModelAdapter m = open("binary_tensor.onnx", ModelTask.BINARY_CLASSIFICATION, 10)) {
      assertThatThrownBy(() -> m.predict(db, "SELECT 'abc' AS a, b, c, color FROM t"))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("batch rows 0-9: cannot read the rows for the model")
          .hasMessageContaining("abc");
    }
  }

  @Test
  void notAnOnnxFile(@TempDir Path tmp) throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.onnx"), "not a model");
    assertThatThrownBy(
            () -> new OnnxModelAdapter(bad, ModelTask.BINARY_CLASSIFICATION, inputs, 10, TIMEOUT))
        .isInstanceOf(ModelException.class)
        .hasMessageStartingWith("model_info.path: ONNX model " + bad + ": cannot load it");
  }

  @Test
  void aModelRunningPastItsTimeoutIsStopped() {
    inputs = Map.of("a", "DOUBLE");
    long t0 = System.nanoTime();
    try (OnnxModelAdapter m =
        new OnnxModelAdapter(
            dir.resolve("slow.onnx"), ModelTask.REGRESSION, inputs, 100, Duration.ofMillis(500))) {
      assertThatThrownBy(() -> m.predict(db, "SELECT a FROM t"))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining(
              "slow.onnx, batch rows 0-59: ran past its timeout of 0.5 s"
                  + " (model_info.timeout_seconds) and was stopped");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
  }
}
