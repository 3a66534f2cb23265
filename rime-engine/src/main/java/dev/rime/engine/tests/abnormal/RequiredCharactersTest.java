// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.data.Sql;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Required Characters: evaluation rows whose (non-missing) value of a feature lacks a string every
 * value of that feature must contain: {@code @} and {@code .} for e-mail features, {@code ://} for
 * URL features, {@code .} for domain features, plus, for any feature, the strings given in {@code
 * column_specific_params: {"<column>": {"required_characters": [...]}}}. Values are compared as
 * text ({@code CAST(... AS VARCHAR)}). Judged by {@link AbnormalInputs}.
 */
public final class RequiredCharactersTest implements StressTest {

  /** The key of a column's object in {@code column_specific_params}. */
  static final String REQUIRED = "required_characters";

  @Override
  public String id() {
    return "req_characters";
  }

  @Override
  public String displayName() {
    return "Required Characters";
  }

  @Override
  public String category() {
    return "Abnormal Inputs";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.columnMap("column_specific_params", Param.object("", Param.strings(REQUIRED))),
        Param.performanceChangeConfig());
  }

  /** The strings the kind of a feature requires. */
  public static List<String> byKind(FeatureType type) {
    switch (type) {
      case EMAIL:
        return List.of("@", ".");
      case URL:
        return List.of("://");
      case DOMAIN:
        return List.of(".");
      default:
        return List.of();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<TestCase> run(TestContext ctx, TestParams params) {
    Map<String, Object> given = params.columnMap("column_specific_params");
    List<Column> all = ctx.features(params, c -> true);
    Map<String, List<String>> required = new LinkedHashMap<>();
    for (Column c : all) {
      LinkedHashSet<String> chars = new LinkedHashSet<>(byKind(c.type()));
      if (given.get(c.name()) instanceof Map<?, ?> own && own.get(REQUIRED) instanceof List<?> l) {
        chars.addAll((List<String>) l);
      }
      if (!chars.isEmpty()) {
        required.put(c.name(), List.copyOf(chars));
      }
    }
    List<TestCase> out = new ArrayList<>();
    for (String name : given.keySet()) {
      if (all.stream().noneMatch(c -> c.name().equals(name))) {
        out.add(
            CaseBuilder.skip(
                this,
                List.of(name),
                "'"
                    + name
                    + "' (in column_specific_params) is not a tested feature: it is excluded,"
                    + " not used by the model, the label or prediction, or missing from one of"
                    + " the files"));
      }
    }
    List<Column> features =
        all.stream().filter(c -> required.containsKey(c.name())).collect(Collectors.toList());
    if (features.isEmpty()) {
      if (out.isEmpty()) {
        out.add(
            CaseBuilder.skip(
                this,
                List.of(),
                "no e-mail, URL or domain features, and column_specific_params names no feature"));
      }
      return out;
    }
    out.addAll(
        FeatureCases.each(
            this, features, "required", c -> test(ctx, params, c, required.get(c.name()))));
    return out;
  }

  private TestCase test(TestContext ctx, TestParams params, Column c, List<String> chars) {
    String v = c.textExpr();
    List<String> lacks = new ArrayList<>();
    for (String ch : chars) {
      lacks.add("NOT contains(v, " + Sql.str(ch) + ")");
    }
    String lacking = "(" + String.join(" OR ", lacks) + ")";
    String counts = AbnormalInputs.evaluationValues(ctx, v);
    String failing = AbnormalInputs.failingValues(ctx, v, counts, lacking);
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < lacks.size(); i++) {
      sql.append(i > 0 ? ", " : "")
          .append("COALESCE(sum(n) FILTER (WHERE ")
          .append(lacks.get(i))
          .append("), 0)");
    }
    sql.append(" FROM ").append(counts);
    long[] numbers =
        ctx.db()
            .queryOne(
                sql.toString(),
                rs -> {
                  long[] n = new long[chars.size()];
                  for (int i = 0; i < n.length; i++) {
                    n[i] = rs.getLong(i + 1);
                  }
                  return n;
                });
    Map<String, Object> numLacking = new LinkedHashMap<>();
    for (int i = 0; i < chars.size(); i++) {
      numLacking.put(chars.get(i), numbers[i]);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("required_characters", chars);
    details.put("num_lacking", numLacking);
    details.put("examples", AbnormalInputs.countedExamples(ctx, counts, lacking));
    return AbnormalInputs.judge(
        ctx,
        this,
        params,
        c,
        failing,
        "values lacking a required string (" + String.join(" ", quoted(chars)) + ")",
        details);
  }

  private static List<String> quoted(List<String> chars) {
    return chars.stream().map(s -> "'" + s + "'").collect(Collectors.toList());
  }
}
