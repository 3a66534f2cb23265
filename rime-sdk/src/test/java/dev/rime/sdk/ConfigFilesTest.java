// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RimeClient#loadConfig(Path)}, implemented by {@link ConfigFiles}. */
class ConfigFilesTest {

  @TempDir Path dir;

  private Path write(String relative, String json) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
    return file;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> config, String key) {
    return (Map<String, Object>) config.get(key);
  }

  @Test
  void relative_paths_become_absolute_against_the_files_folder() throws Exception {
    Path file =
        write(
            "titanic/configs/stress.json",
            "{\"run_name\": \"Titanic\", \"data_info\": {\"label_col\": \"Survived\","
                + " \"ref_path\": \"../data/ref.csv\", \"eval_path\": \"eval.csv\","
                + " \"ref_pred_path\": \"./preds/ref.csv\", \"feature_type_path\": \"types.csv\"},"
                + " \"model_info\": {\"path\": \"model.py\"},"
                + " \"tests_config_path\": \"tests.json\"}");
    Path folder = dir.resolve("titanic/configs");

    Map<String, Object> config = RimeClient.loadConfig(file);

    Map<String, Object> data = section(config, "data_info");
    assertThat(data)
        .containsEntry("label_col", "Survived")
        .containsEntry("ref_path", dir.resolve("titanic/data/ref.csv").toString())
        .containsEntry("eval_path", folder.resolve("eval.csv").toString())
        .containsEntry("ref_pred_path", folder.resolve("preds/ref.csv").toString())
        .containsEntry("feature_type_path", folder.resolve("types.csv").toString());
    assertThat(section(config, "model_info"))
        .containsEntry("path", folder.resolve("model.py").toString());
    assertThat(config)
        .containsEntry("tests_config_path", folder.resolve("tests.json").toString())
        .containsEntry("run_name", "Titanic");
  }

  @Test
  void an_incremental_configs_top_level_paths_become_absolute() throws Exception {
    Path file =
        write(
            "ct/may.json",
            "{\"eval_path\": \"data/may.csv\", \"eval_pred_path\": \"/abs/may-preds.csv\","
                + " \"timestamp_col\": \"ts\"}");

    Map<String, Object> config = RimeClient.loadConfig(file);

    assertThat(config)
        .containsEntry("eval_path", dir.resolve("ct/data/may.csv").toString())
        .containsEntry("eval_pred_path", "/abs/may-preds.csv")
        .containsEntry("timestamp_col", "ts");
  }

  @Test
  void urls_and_absolute_paths_are_left_alone() throws Exception {
    Path file =
        write(
            "c.json",
            "{\"data_info\": {\"ref_path\": \"s3://rime-datasets/titanic/ref.csv\","
                + " \"eval_path\": \"file:///data/eval.csv\", \"ref_pred_path\": \"/abs/preds.csv\","
                + " \"eval_pred_path\": \"\", \"feature_type_path\": \"file:/abs/types.csv\"},"
                + " \"model_info\": {\"path\": \"s3://rime-models/model.py\"}}");

    Map<String, Object> data = section(RimeClient.loadConfig(file), "data_info");

    assertThat(data)
        .containsEntry("ref_path", "s3://rime-datasets/titanic/ref.csv")
        .containsEntry("eval_path", "file:///data/eval.csv")
        .containsEntry("ref_pred_path", "/abs/preds.csv")
        .containsEntry("eval_pred_path", "")
        .containsEntry("feature_type_path", "file:/abs/types.csv");
  }

  @Test
  void other_keys_and_non_text_values_are_left_alone() throws Exception {
    Path file =
        write(
            "c.json",
            "{\"data_info\": {\"label_col\": \"y.csv\", \"nrows_path\": 3, \"ref_path\": null},"
                + " \"run_name\": \"a/b\", \"random_seed\": 7}");

    Map<String, Object> config = RimeClient.loadConfig(file);

    assertThat(section(config, "data_info"))
        .containsEntry("label_col", "y.csv")
        .containsEntry("nrows_path", 3)
        .containsEntry("ref_path", null);
    assertThat(config).containsEntry("run_name", "a/b").containsEntry("random_seed", 7);
  }

  @Test
  void the_config_is_mutable() throws Exception {
    Map<String, Object> config = RimeClient.loadConfig(write("c.json", "{\"run_name\": \"a\"}"));

    config.put("run_name", "b");

    assertThat(config).containsEntry("run_name", "b");
  }

  @Test
  void a_file_that_is_not_a_json_object_is_refused() throws Exception {
    Path array = write("a.json", "[1, 2]");
    Path broken = write("b.json", "{\"run_name\": ");
    Path nothing = write("n.json", "null");

    assertThatThrownBy(() -> RimeClient.loadConfig(array))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("config file " + array + " is not a JSON object");
    assertThatThrownBy(() -> RimeClient.loadConfig(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("config file " + broken + " is not a JSON object");
    assertThatThrownBy(() -> RimeClient.loadConfig(nothing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("config file " + nothing + " is not a JSON object");
  }

  @Test
  void a_missing_file_is_an_io_error() {
    assertThatThrownBy(() -> RimeClient.loadConfig(dir.resolve("missing.json")))
        .isInstanceOf(NoSuchFileException.class);
  }
}
