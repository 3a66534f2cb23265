// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Json;
import dev.rime.api.result.TestRunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rime run}: the engine alone, from the command line. */
class RunCommandTest {

  @TempDir Path tmp;

  static final Path REPO = Path.of("").toAbsolutePath().getParent();

  @Test
  void reportsTheAucOfDataItHasNeverSeenExactly() throws Exception {
    GeneratedData data = GeneratedData.write(tmp, 20261128L, 1500);
    Path config = tmp.resolve("config.json");
    Files.writeString(config, data.config("generated"));
    Path out = tmp.resolve("out");

    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    TestRunSummary s =
        Json.lenient().readValue(out.resolve("test_run.json").toFile(), TestRunSummary.class);
    assertThat(s.modelPerf().get("AUC").evalMetric()).isCloseTo(data.evalAuc, within(1e-9));
    assertThat(s.modelPerf().get("AUC").refMetric()).isCloseTo(data.refAuc, within(1e-9));
    assertThat(out.resolve("test_cases.csv")).exists();
    assertThat(out.resolve("test_cases.json")).exists();
    assertThat(r.out()).contains("Run 'generated'").contains("AUC");
  }

  @Test
  void reproducesScikitLearnOnTheTitanicExample() throws Exception {
    Path out = tmp.resolve("out");
    Cli.Result r =
        Cli.run(
            "run",
            REPO.resolve("examples/titanic/config.json").toString(),
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    TestRunSummary s =
        Json.lenient().readValue(out.resolve("test_run.json").toFile(), TestRunSummary.class);
    // examples/titanic/expected_metrics.json: scikit-learn 1.9.1 on the same rows (make_example.py)
    Map<String, Object> expected =
        Json.lenient()
            .readValue(REPO.resolve("examples/titanic/expected_metrics.json").toFile(), Json.MAP);
    for (String set : new String[] {"reference", "evaluation"}) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) expected.get(set);
      boolean ref = set.equals("reference");
      assertThat(pick(s, "AUC", ref)).as(set + " AUC").isCloseTo(num(m, "roc_auc"), within(1e-9));
      assertThat(pick(s, "Accuracy", ref))
          .as(set + " accuracy")
          .isCloseTo(num(m, "accuracy"), within(1e-9));
      assertThat(pick(s, "Average Prediction", ref)).isCloseTo(num(m, "mean_pred"), within(1e-9));
      assertThat(pick(s, "Positive Prediction Rate", ref))
          .isCloseTo(num(m, "positive_prediction_rate"), within(1e-9));
    }
    assertThat(s.ref().rows()).isEqualTo(914);
    assertThat(s.eval().rows()).isEqualTo(395);
  }

  @Test
  void failOnGivesExitCodeOneWhenATestFailsThatBadly() throws Exception {
    Path config = REPO.resolve("examples/titanic/config.json");
    assertThat(Cli.run("run", config.toString(), "--fail-on", "high").exitCode()).isEqualTo(1);
    assertThat(Cli.run("run", config.toString()).exitCode()).isZero();
    Cli.Result bad = Cli.run("run", config.toString(), "--fail-on", "extreme");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--fail-on");
  }

  @Test
  void badInputGivesOneClearLine() throws Exception {
    Cli.Result missing = Cli.run("run", tmp.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("config file not found").doesNotContain("Exception");

    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, "{\n  \"run_name\": \"x\",\n  \"data_info\": {,}\n}\n");
    Cli.Result syntax = Cli.run("run", broken.toString());
    assertThat(syntax.exitCode()).isEqualTo(2);
    assertThat(syntax.err()).contains("broken.json is not valid JSON at line 3, column 17");

    Path twice = tmp.resolve("twice.json");
    Files.writeString(twice, "{\"run_name\": \"a\", \"run_name\": \"b\"}");
    Cli.Result duplicate = Cli.run("run", twice.toString());
    assertThat(duplicate.exitCode()).isEqualTo(2);
    assertThat(duplicate.err()).contains("run_name");

    GeneratedData data = GeneratedData.write(tmp, 1, 200);
    Path typo = tmp.resolve("typo.json");
    Files.writeString(typo, data.config("x").replace("\"label_col\"", "\"lable_col\""));
    Cli.Result r = Cli.run("run", typo.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("data_info.lable_col").contains("label_col");

    Path noLabel = tmp.resolve("nolabel.json");
    Files.writeString(noLabel, data.config("x").replace("\"label\"", "\"survived\""));
    Cli.Result r2 = Cli.run("run", noLabel.toString());
    assertThat(r2.exitCode()).isEqualTo(2);
    assertThat(r2.err()).contains("survived").contains("ref.csv");

    Path noFile = tmp.resolve("nofile.json");
    Files.writeString(noFile, data.config("x").replace("eval.csv", "missing.csv"));
    Cli.Result r3 = Cli.run("run", noFile.toString());
    assertThat(r3.exitCode()).isEqualTo(2);
    assertThat(r3.err()).contains("data_info.eval_path").contains("missing.csv");
  }

  private static double pick(TestRunSummary s, String metric, boolean ref) {
    return ref ? s.modelPerf().get(metric).refMetric() : s.modelPerf().get(metric).evalMetric();
  }

  private static double num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }
}
