// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.cleanliness;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Required Features: the evaluation data's columns against the features the model needs (ADR 0009).
 * Required are {@code required_feats}, or when null the reference data's features the model uses
 * (not the label, the prediction or {@code features_not_in_model}); excluded columns are neither
 * required nor judged. The case fails with severity HIGH when
 *
 * <ul>
 *   <li>a required feature is missing from the evaluation data;
 *   <li>with {@code required_only} or {@code allowed_feats}, the evaluation data has a column that
 *       is neither required, nor in {@code allowed_feats}, nor the label or prediction column;
 *   <li>with {@code ordered}, the required features it has do not appear in {@code required_feats}'
 *       order.
 * </ul>
 *
 * Each is a broken contract between the data and the model, which may then not run at all.
 */
public final class RequiredFeaturesTest implements StressTest {

  @Override
  public String id() {
    return "required_features";
  }

  @Override
  public String displayName() {
    return "Required Features";
  }

  @Override
  public String category() {
    return "Data Cleanliness";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.optionalStrings("required_feats"),
        Param.optionalStrings("allowed_feats"),
        Param.bool("ordered", false),
        Param.bool("required_only", false));
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<String> excluded = params.excludeColumns();
    List<String> given = params.strings("required_feats");
    List<String> allowedGiven = params.strings("allowed_feats");
    boolean ordered = params.bool("ordered");
    boolean requiredOnly = params.bool("required_only");
    List<String> evalColumns = new ArrayList<>(ctx.eval().columns().keySet());
    Set<String> roles = new LinkedHashSet<>();
    if (ctx.hasLabels()) {
      roles.add(ctx.labelColumn().name());
    }
    if (ctx.hasPredictions()) {
      roles.add(ctx.predictionColumn().name());
    }

    // Measure.
    List<String> required =
        new ArrayList<>(
            new LinkedHashSet<>(
                given != null
                    ? given
                    : ctx.columns().stream()
                        .filter(c -> c.refType() != null && c.isFeature() && c.inModel())
                        .map(Column::name)
                        .collect(Collectors.toList())));
    required.removeAll(excluded);
    List<String> missing =
        required.stream().filter(r -> !evalColumns.contains(r)).collect(Collectors.toList());
    boolean restricted = requiredOnly || allowedGiven != null;
    Set<String> permitted = new LinkedHashSet<>(required);
    if (allowedGiven != null) {
      permitted.addAll(allowedGiven);
    }
    permitted.addAll(roles);
    permitted.addAll(excluded);
    List<String> disallowed =
        restricted
            ? evalColumns.stream().filter(c -> !permitted.contains(c)).collect(Collectors.toList())
            : List.of();
    List<String> present =
        required.stream().filter(evalColumns::contains).collect(Collectors.toList());
    List<String> evalOrder =
        evalColumns.stream().filter(required::contains).collect(Collectors.toList());
    boolean inOrder = present.equals(evalOrder);

    // Judge.
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add(
          String.format(
              Locale.ROOT,
              "lacks %d of %d required features: %s",
              missing.size(),
              required.size(),
              quoted(missing)));
    }
    if (!disallowed.isEmpty()) {
      problems.add(
          String.format(
              Locale.ROOT,
              "has %d column(s) %s does not allow: %s",
              disallowed.size(),
              allowedGiven != null ? "allowed_feats" : "required_only",
              quoted(disallowed)));
    }
    if (ordered && !inOrder) {
      problems.add("has the required features in the order " + quoted(evalOrder));
    }
    Severity severity = problems.isEmpty() ? Severity.NONE : Severity.HIGH;
    String source = given != null ? "required_feats" : "the reference data's features";
    String description;
    if (problems.isEmpty()) {
      description =
          String.format(
              Locale.ROOT,
              "The evaluation data has all %d required features (%s)%s%s.",
              required.size(),
              source,
              ordered ? ", in order" : "",
              restricted ? ", and no column that is not allowed" : "");
    } else {
      description =
          "The evaluation data "
              + String.join("; ", problems)
              + " (required: "
              + source
              + "). A model expecting them may not run: severity High.";
    }
    List<String> atFault = new ArrayList<>(missing);
    atFault.addAll(disallowed);
    return List.of(
        CaseBuilder.of(this)
            .features(atFault)
            .judged(severity)
            .importance(
                (double) (missing.size() + disallowed.size() + (ordered && !inOrder ? 1 : 0)))
            .metric("num_required", required.size())
            .metric("num_missing", missing.size())
            .metric("num_disallowed", disallowed.size())
            .metric("in_order", ordered ? (inOrder ? 1.0 : 0.0) : null)
            .detail("required_features", required)
            .detail("required_source", given != null ? "required_feats" : "reference")
            .detail("missing", missing)
            .detail("disallowed", disallowed)
            .detail("allowed_feats", allowedGiven)
            .detail("ordered", ordered)
            .detail("required_only", requiredOnly)
            .detail("evaluation_order", ordered ? evalOrder : null)
            .description(description)
            .build());
  }

  private static String quoted(List<String> names) {
    List<String> shown = names.subList(0, Math.min(10, names.size()));
    String list = shown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    return names.size() > shown.size()
        ? list + " and " + (names.size() - shown.size()) + " more"
        : list;
  }
}
