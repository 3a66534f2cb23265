// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.engine.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataChecksTest {

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void open() {
    db = Db.open();
    Fixtures.csv(dir, "ref.csv", "x,y,p", "1,0,0.1", "2,1,0.9");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void load(Map<String, Object> config) {
    Fixtures.context(db, config, dir);
  }

  @Test
  void missingLabelColumnNamesColumnFileAndColumns() {
    Path eval = Fixtures.csv(dir, "eval.csv", "x,p", "1,0.2");
    assertThatThrownBy(() -> load(Fixtures.config("ref.csv", "eval.csv", "y", "p")))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "data_info.label_col: column 'y' not found in " + eval + "; columns there are: x, p");
  }

  @Test
  void missingPredictionColumn() {
    Fixtures.csv(dir, "eval.csv", "x,y,p", "1,0,0.2");
    assertThatThrownBy(() -> load(Fixtures.config("ref.csv", "eval.csv", "y", "score")))
        .hasMessageStartingWith(
            "data_info.pred_col: column 'score' not found in " + dir.resolve("ref.csv"));
  }

  @Test
  void nonNumericPrediction() {
    Fixtures.csv(dir, "eval.csv", "x,y,p", "1,0,high", "2,1,0.3");
    assertThatThrownBy(() -> load(Fixtures.config("ref.csv", "eval.csv", "y", "p")))
        .hasMessageStartingWith(
            "data_info.pred_col: prediction column 'p' in "
                + dir.resolve("eval.csv")
                + " is not numeric")
        .hasMessageContaining("'high'");
  }

  @Test
  void labelNotBinary() {
    Fixtures.csv(dir, "eval.csv", "x,y,p", "1,0,0.2", "2,2,0.3", "3,yes,0.5");
    assertThatThrownBy(() -> load(Fixtures.config("ref.csv", "eval.csv", "y", "p")))
        .hasMessageStartingWith(
            "data_info.label_col: label column 'y' in "
                + dir.resolve("eval.csv")
                + " is not binary")
        .hasMessageContaining("'2', 'yes'");
  }

  @Test
  void multiClassLabelsMustBeClassIndicesOfThePredictionFiles() {
    Fixtures.csv(dir, "eval.csv", "x,y", "1,0", "2,2", "3,1.5", "4,-1");
    Fixtures.csv(dir, "probs.csv", "a,b", "0.5,0.5", "0.5,0.5");
    Fixtures.csv(dir, "eval_probs.csv", "a,b", "0.5,0.5", "0.5,0.5", "1,0", "0,1");
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", "y", null);
    config.put("model_task", "Multi-class Classification");
    Fixtures.dataInfo(config).put("ref_pred_path", "probs.csv");
    Fixtures.dataInfo(config).put("eval_pred_path", "eval_probs.csv");
    assertThatThrownBy(() -> load(config))
        .hasMessageStartingWith(
            "data_info.label_col: label column 'y' in "
                + dir.resolve("eval.csv")
                + " must hold class indices for Multi-class Classification (integers 0 to 1, one"
                + " per column of the prediction files); other values: '-1.0', '1.5', '2.0'");
  }

  @Test
  void categoricalFeatureMissing() {
    Fixtures.csv(dir, "eval.csv", "x,y,p", "1,0,0.2");
    Map<String, Object> c = Fixtures.config("ref.csv", "eval.csv", "y", "p");
    Fixtures.dataInfo(c).put("categorical_features", List.of("x", "colour"));
    assertThatThrownBy(() -> load(c))
        .hasMessageStartingWith("data_info.categorical_features: column 'colour' not found");
  }

  @Test
  void unknownExcludedColumnsNameTheKeyAndTheColumnsThereAre() {
    Path eval = Fixtures.csv(dir, "eval.csv", "x,y,p,extra", "1,0,0.2,5");
    Map<String, Object> global = Fixtures.config("ref.csv", "eval.csv", "y", "p");
    global.put("tests_config", Map.of("global_exclude_columns", List.of("x", "xx")));
    assertThatThrownBy(() -> load(global))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "tests_config.global_exclude_columns: column 'xx' not found in "
                + dir.resolve("ref.csv")
                + " or "
                + eval
                + "; columns there are: x, y, p, extra");
    Map<String, Object> own = Fixtures.config("ref.csv", "eval.csv", "y", "p");
    own.put("tests_config", Map.of("null_check", Map.of("exclude_columns", List.of("X"))));
    assertThatThrownBy(() -> load(own))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(
            "tests_config.null_check.exclude_columns: column 'X' not found in ");
    // A column of either file may be excluded.
    Map<String, Object> fine = Fixtures.config("ref.csv", "eval.csv", "y", "p");
    fine.put("tests_config", Map.of("global_exclude_columns", List.of("x", "extra")));
    load(fine);
  }

  @Test
  void requiredAndAllowedFeaturesMustNameColumns() {
    Path eval = Fixtures.csv(dir, "eval.csv", "y,p,extra", "0,0.2,5");
    // allowed_feats: a column of either file ("extra" is only in the evaluation file).
    Map<String, Object> allowed = Fixtures.config("ref.csv", "eval.csv", "y", "p");
    allowed.put(
        "tests_config",
        Map.of("required_features", Map.of("allowed_feats", List.of("extra", "extar"))));
    assertThatThrownBy(() -> load(allowed))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "tests_config.required_features.allowed_feats: column 'extar' not found in "
                + dir.resolve("ref.csv")
                + " or "
                + eval
                + "; columns there are: x, y, p, extra");
    // required_feats: a column of the reference file; "x" missing from the evaluation file is
    // what the test reports, so it loads.
    Map<String, Object> required = Fixtures.config("ref.csv", "eval.csv", "y", "p");
    required.put(
        "tests_config", Map.of("required_features", Map.of("required_feats", List.of("x"))));
    load(required);
    required.put(
        "tests_config",
        Map.of("required_features", Map.of("required_feats", List.of("x", "extra"))));
    assertThatThrownBy(() -> load(required))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "tests_config.required_features.required_feats: column 'extra' not found in "
                + dir.resolve("ref.csv")
                + "; columns there are: x, y, p");
  }
}
