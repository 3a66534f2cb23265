// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultWriterTest {

  @TempDir Path dir;

  @Test
  void csvIsTheFlattenedLatestSchema() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("psi", 0.5);
    metrics.put("impact", null);
    TestCase c =
        new TestCase(
            null,
            "categorical_drift",
            "Categorical Feature Drift",
            "Drift",
            List.of("a", "b"),
            TestStatus.FAIL,
            Severity.LOW,
            0.25,
            metrics,
            "PSI is 0.5, \"high\"",
            Map.of());

    String csv = ResultWriter.csv(List.of(c));

    // the case in schema 1.0.0, flattened: metrics.* columns, features as JSON text, details {}
    // gives no column; quotes doubled, fields with commas or quotes quoted
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "test_run_id,test_id,test_batch_type,category,features,status,severity,"
                + "importance_score,metrics.psi,metrics.impact,description",
            ",categorical_drift,Categorical Feature Drift,Drift,\"[\"\"a\"\",\"\"b\"\"]\",FAIL,LOW,"
                + "0.25,0.5,,\"PSI is 0.5, \"\"high\"\"\"");
  }

  @Test
  void writesTheThreeFiles() {
    Fixtures.csv(dir, "ref.csv", EngineTest.generated(1, 50, 0));
    Fixtures.csv(dir, "eval.csv", EngineTest.generated(2, 50, 0));
    TestRunResult result =
        Engine.run(Fixtures.config("ref.csv", "eval.csv", "label", "pred"), dir, null);
    Path out = dir.resolve("out");

    ResultWriter.write(result, out);

    assertThat(out.resolve("test_cases.csv")).exists();
    assertThat(out.resolve("test_cases.json")).exists();
    assertThat(out.resolve("test_run.json")).exists();
    assertThat(Files.exists(out.resolve("test_run.json"))).isTrue();
  }
}
