// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Json;
import dev.rime.api.result.TestRunSummary;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Titanic example's ONNX model ({@code examples/titanic/onnx}, scikit-learn 1.5.2 exported by
 * skl2onnx 1.20.0) run by RIME in the JVM: its metrics are scikit-learn's on the same rows.
 */
class TitanicOnnxTest {

  @TempDir Path tmp;

  @Test
  void theOnnxModelsMetricsAreScikitLearns() throws Exception {
    Path out = tmp.resolve("out");
    Cli.Result r =
        Cli.run(
            "run",
            RunCommandTest.REPO.resolve("examples/titanic/config-onnx.json").toString(),
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    TestRunSummary s =
        Json.lenient().readValue(out.resolve("test_run.json").toFile(), TestRunSummary.class);
    Map<String, Object> expected =
        Json.lenient()
            .readValue(
                RunCommandTest.REPO.resolve("examples/titanic/onnx/expected.json").toFile(),
                Json.MAP);
    for (String set : new String[] {"reference", "evaluation"}) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) expected.get(set);
      boolean ref = set.equals("reference");
      var auc = s.modelPerf().get("AUC");
      var accuracy = s.modelPerf().get("Accuracy");
      // ONNX Runtime computes in float32: probabilities within 2e-7 of scikit-learn's, none of
      // them within 8e-4 of the 0.5 threshold, and no pair reordered
      assertThat(ref ? auc.refMetric() : auc.evalMetric())
          .as(set + " AUC")
          .isCloseTo(((Number) m.get("roc_auc")).doubleValue(), within(1e-9));
      assertThat(ref ? accuracy.refMetric() : accuracy.evalMetric())
          .as(set + " accuracy")
          .isCloseTo(((Number) m.get("accuracy")).doubleValue(), within(1e-12));
    }
    assertThat(s.features())
        .anySatisfy(
            f -> {
              assertThat(f.name()).isEqualTo("__rime_pred");
              assertThat(f.source()).isEqualTo("model");
              assertThat(f.reason()).contains("titanic.onnx");
            });
  }
}
