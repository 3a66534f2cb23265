// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.performance;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.ModelMetrics;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AUC: the model's AUC on reference and evaluation data. Degradation = reference − evaluation is
 * judged against {@code degradation_thresholds}; when {@code absolute_thresholds} (descending
 * floors, null by default) are given the evaluation AUC is judged against them too, and the case
 * takes the higher severity. Skipped when the evaluation AUC is undefined (one label class).
 */
public final class AucTest implements StressTest {

  @Override
  public String id() {
    return "auc";
  }

  @Override
  public String displayName() {
    return "AUC";
  }

  @Override
  public String category() {
    return "Model Performance";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.thresholds("degradation_thresholds", Range.UNIT, 0.02, 0.05, 0.1),
        Param.floors("absolute_thresholds", Range.UNIT));
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    ctx.requireBinaryClassification();
    ctx.requireLabels();
    ctx.requirePredictions();
    ModelMetrics ref = ctx.refMetrics();
    ModelMetrics eval = ctx.evalMetrics();
    if (eval.auc() == null) {
      throw new SkipTest("AUC is undefined on the evaluation data (only one label class)");
    }
    Thresholds degradation = params.thresholds("degradation_thresholds");
    Thresholds absolute = params.floors("absolute_thresholds");

    // Measure.
    Double diff = ref.auc() == null ? null : ref.auc() - eval.auc();

    // Judge.
    Severity byDegradation = diff == null ? Severity.NONE : degradation.severity(diff);
    Severity byAbsolute = absolute == null ? Severity.NONE : absolute.severity(eval.auc());
    Severity severity = byDegradation.max(byAbsolute);

    List<String> why = new ArrayList<>();
    if (diff == null) {
      why.add("the reference AUC is undefined, so degradation was not judged");
    } else {
      why.add(
          byDegradation == Severity.NONE
              ? String.format(
                  Locale.ROOT,
                  "degradation %.4g is below the low threshold %.4g",
                  diff,
                  degradation.low())
              : String.format(
                  Locale.ROOT,
                  "degradation %.4g reaches the %s threshold %.4g",
                  diff,
                  byDegradation.name().toLowerCase(Locale.ROOT),
                  degradation.of(byDegradation)));
    }
    if (absolute != null) {
      why.add(
          byAbsolute == Severity.NONE
              ? String.format(
                  Locale.ROOT, "the evaluation AUC is not below the floor %.4g", absolute.low())
              : String.format(
                  Locale.ROOT,
                  "the evaluation AUC is below the %s floor %.4g",
                  byAbsolute.name().toLowerCase(Locale.ROOT),
                  absolute.of(byAbsolute)));
    }
    return List.of(
        CaseBuilder.of(this)
            .judged(severity)
            .importance(diff)
            .metric("ref_auc", ref.auc())
            .metric("eval_auc", eval.auc())
            .metric("degradation", diff)
            .detail("degradation_thresholds", degradation.toList())
            .detail("absolute_thresholds", absolute == null ? null : absolute.toList())
            .description(
                String.format(
                        Locale.ROOT,
                        "AUC is %s on the reference and %.4g on the evaluation data; ",
                        ref.auc() == null
                            ? "undefined"
                            : String.format(Locale.ROOT, "%.4g", ref.auc()),
                        eval.auc())
                    + String.join("; ", why)
                    + ".")
            .build());
  }
}
