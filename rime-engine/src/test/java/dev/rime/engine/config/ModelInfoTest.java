// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.engine.Fixtures;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ModelInfoTest {

  private static Map<String, Object> with(Map<String, Object> modelInfo) {
    Map<String, Object> c = Fixtures.config("ref.csv", "eval.csv", "label", null);
    c.put("model_info", modelInfo);
    return c;
  }

  private static Map<String, Object> info(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> rejects(
      Map<String, Object> modelInfo, String key) {
    return assertThatThrownBy(() -> TestRunConfig.parse(with(modelInfo)))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key))
        .hasMessageStartingWith(key + ": ");
  }

  @Test
  void absentOrNullMeansNoModel() {
    assertThat(TestRunConfig.parse(Fixtures.config("r.csv", "e.csv", "label", "pred")).modelInfo())
        .isNull();
    Map<String, Object> c = Fixtures.config("r.csv", "e.csv", "label", "pred");
    c.put("model_info", null);
    assertThat(TestRunConfig.parse(c).modelInfo()).isNull();
  }

  @Test
  void runtimeFollowsTheExtensionWithDefaults() {
    ModelInfo py = TestRunConfig.parse(with(info("path", "models/model.py"))).modelInfo();
    assertThat(py.runtime()).isEqualTo(ModelInfo.Runtime.PYTHON);
    assertThat(py.path()).isEqualTo("models/model.py");
    assertThat(py.batchSize()).isEqualTo(50_000);
    assertThat(py.timeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(py.className()).isNull();

    ModelInfo onnx =
        TestRunConfig.parse(
                with(info("path", "/m/Titanic.ONNX", "batch_size", 1000, "timeout_seconds", 2.5)))
            .modelInfo();
    assertThat(onnx.runtime()).isEqualTo(ModelInfo.Runtime.ONNX);
    assertThat(onnx.batchSize()).isEqualTo(1000);
    assertThat(onnx.timeout()).isEqualTo(Duration.ofMillis(2500));

    ModelInfo jar =
        TestRunConfig.parse(with(info("path", "file:///m/model.jar", "class_name", "com.x.M$1")))
            .modelInfo();
    assertThat(jar.runtime()).isEqualTo(ModelInfo.Runtime.JAVA);
    assertThat(jar.className()).isEqualTo("com.x.M$1");
  }

  @Test
  void badValuesNameTheKey() {
    rejects(info(), "model_info.path").hasMessageContaining("required");
    rejects(info("path", ""), "model_info.path").hasMessageContaining("must not be empty");
    rejects(info("path", 3), "model_info.path").hasMessageContaining("expected a string");
    rejects(info("path", "model.pkl"), "model_info.path")
        .hasMessageContaining("unsupported model file 'model.pkl'")
        .hasMessageContaining(".py")
        .hasMessageContaining(".onnx")
        .hasMessageContaining(".jar");
    rejects(info("path", "m.jar"), "model_info.class_name").hasMessageContaining("required");
    rejects(info("path", "m.jar", "class_name", "com.x.1M"), "model_info.class_name")
        .hasMessageContaining("not a Java class name");
    rejects(info("path", "m.onnx", "class_name", "com.x.M"), "model_info.class_name")
        .hasMessageContaining("only for a .jar model");
    rejects(info("path", "m.py", "batch_size", 0), "model_info.batch_size")
        .hasMessageContaining("an integer from 1 to 10000000");
    rejects(info("path", "m.py", "batch_size", 2.5), "model_info.batch_size");
    rejects(info("path", "m.py", "timeout_seconds", 0), "model_info.timeout_seconds")
        .hasMessageContaining("greater than 0");
    rejects(info("path", "m.py", "timeout_seconds", "5"), "model_info.timeout_seconds");
  }

  @Test
  void unknownKeysSuggestTheClosest() {
    rejects(info("path", "m.py", "batchsize", 10), "model_info.batchsize")
        .hasMessageContaining("batch_size");
    rejects(info("path", "m.jar", "class", "a.B"), "model_info.class")
        .hasMessageContaining("class_name");
  }

  @Test
  void notAnObject() {
    Map<String, Object> c = Fixtures.config("r.csv", "e.csv", "label", null);
    c.put("model_info", "model.py");
    assertThatThrownBy(() -> TestRunConfig.parse(c))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("model_info: expected an object");
  }
}
