// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.api.Severity;
import dev.rime.api.result.TestCase;
import dev.rime.engine.config.Range;
import dev.rime.engine.data.Column;
import dev.rime.engine.stats.Contingency;
import dev.rime.engine.stats.NullSimulation;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.FeatureCases;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.SignificanceParams;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import dev.rime.engine.tests.Thresholds;
import dev.rime.engine.tests.dependence.Discretised;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Discrimination By Proxy: features the model uses that reveal a protected feature, so the model
 * can discriminate through them without seeing it. For each protected feature and each other
 * numeric or categorical feature the model uses ({@link Discretised} codes of both: a numeric
 * feature in reference-decile bins, a categorical one by its 50 most frequent categories, missing
 * values a code of their own), Theil's uncertainty coefficient U = MI / H(protected) — the share of
 * the protected feature's entropy the feature explains ({@link Contingency#uncertaintyOfRows()}) —
 * on both datasets; the larger is judged against {@code severity_thresholds}, and counts only when
 * beyond what an independent feature shows (permutation test, {@link NullSimulation#permutation}, p
 * &lt; {@code p_value_threshold}). One case per protected feature; its severity is the strongest
 * proxy's. Cost: one read of the codes per dataset for all pairs, P × F tables (ADR 0010).
 */
public final class ProtectedProxiesTest implements StressTest {

  /** One feature measured against a protected feature. */
  private record Proxy(
      String feature,
      Double ref,
      Double eval,
      Severity reached,
      NullSimulation sig,
      boolean claimed) {
    double judged() {
      return Math.max(ref == null ? 0 : ref, eval == null ? 0 : eval);
    }
  }

  @Override
  public String id() {
    return "protected_proxies";
  }

  @Override
  public String displayName() {
    return "Discrimination By Proxy";
  }

  @Override
  public String category() {
    return "Bias and Fairness";
  }

  @Override
  public List<Param> params() {
    return List.of(
        Param.thresholds("severity_thresholds", Range.UNIT, 0.2, 0.3, 0.4),
        SignificanceParams.P_VALUE_THRESHOLD,
        SignificanceParams.NUM_NULL_SIMULATIONS);
  }

  @Override
  public void checkParams(TestParams params) {
    SignificanceParams.checkSimulations(params);
  }

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    List<Column> protectedFeatures = ProtectedGroups.features(ctx, params);
    List<String> allProtected = ctx.config().dataInfo().protectedFeatures();
    List<String> candidates =
        ctx.features(params, c -> c.isNumeric() || c.isCategorical()).stream()
            .map(Column::name)
            .filter(n -> !allProtected.contains(n))
            .toList();

    // Every pair's tables, counted together: one read of the codes per dataset.
    Discretised codes = Discretised.of(ctx);
    List<List<String>> pairs = new ArrayList<>();
    for (Column p : protectedFeatures) {
      if (codes.isCoded(p.name())) {
        candidates.forEach(f -> pairs.add(List.of(p.name(), f)));
      }
    }
    Map<List<String>, Contingency[]> tables = new HashMap<>();
    for (int side = 0; side < 2; side++) {
      int s = side;
      codes.pairTables(
          side == 1,
          pairs,
          (k, t) -> tables.computeIfAbsent(pairs.get(k), x -> new Contingency[2])[s] = t);
    }
    return FeatureCases.each(
        this, protectedFeatures, "protected", c -> test(ctx, params, c, codes, candidates, tables));
  }

  private TestCase test(
      TestContext ctx,
      TestParams params,
      Column c,
      Discretised codes,
      List<String> candidates,
      Map<List<String>, Contingency[]> tables) {
    Thresholds thresholds = params.thresholds("severity_thresholds");
    double alpha = SignificanceParams.alpha(params);
    int simulations = SignificanceParams.simulations(params);
    ProtectedGroups.of(ctx, c);
    if (!codes.isCoded(c.name())) {
      throw new SkipTest(
          "'"
              + c.name()
              + "' is neither numeric nor categorical: its values cannot be related to other"
              + " features");
    }
    if (candidates.isEmpty()) {
      throw new SkipTest(
          "no other numeric or categorical feature the model uses to relate to '" + c.name() + "'");
    }

    // Measure.
    List<Proxy> measured = new ArrayList<>();
    for (String f : candidates) {
      Contingency[] t = tables.get(List.of(c.name(), f));
      Double ref = t[0].uncertaintyOfRows();
      Double eval = t[1].uncertaintyOfRows();
      if (ref == null && eval == null) {
        throw new SkipTest("'" + c.name() + "' has a single value in both datasets");
      }
      boolean evalLarger = ref == null || (eval != null && eval > ref);
      Contingency judged = t[evalLarger ? 1 : 0];
      Severity reached = thresholds.severity(evalLarger ? eval : ref);
      NullSimulation sig =
          reached == Severity.NONE
              ? null
              : NullSimulation.permutation(
                  judged.counts(),
                  judged.rows(),
                  judged.cols(),
                  simulations,
                  SignificanceParams.seed(
                      ctx, this, c.name() + "/" + f + (evalLarger ? "/eval" : "/ref")),
                  cells -> Contingency.uncertaintyOfRows(cells, judged.rows(), judged.cols()));
      measured.add(new Proxy(f, ref, eval, reached, sig, sig != null && sig.pValue() < alpha));
    }
    measured.sort(Comparator.comparingDouble(Proxy::judged).reversed());

    // Judge: the strongest proxy claimed.
    List<Proxy> claimed = measured.stream().filter(Proxy::claimed).toList();
    Severity severity = claimed.isEmpty() ? Severity.NONE : claimed.get(0).reached();
    Proxy worst = claimed.isEmpty() ? measured.get(0) : claimed.get(0);
    List<Map<String, Object>> table = new ArrayList<>();
    for (Proxy p : measured) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("feature", p.feature());
      row.put("ref_uncertainty", p.ref());
      row.put("eval_uncertainty", p.eval());
      row.put("p_value", p.sig() == null ? null : p.sig().pValue());
      row.put("null_mean", p.sig() == null ? null : p.sig().nullMean());
      row.put("level_reached", Thresholds.severityName(p.reached()));
      row.put("proxy", p.claimed());
      table.add(row);
    }
    List<String> features = new ArrayList<>(List.of(c.name()));
    claimed.forEach(p -> features.add(p.feature()));
    String head =
        String.format(
            Locale.ROOT,
            "Of %d feature%s the model uses, the one revealing most of '%s' is '%s': it explains"
                + " %.4g of its entropy (uncertainty coefficient, reference %s, evaluation %s)",
            measured.size(),
            measured.size() == 1 ? "" : "s",
            c.name(),
            worst.feature(),
            worst.judged(),
            fmt(worst.ref()),
            fmt(worst.eval()));
    String tail;
    if (!claimed.isEmpty()) {
      tail =
          String.format(
              Locale.ROOT,
              ", reaching the %s threshold %s beyond chance (permutation p-value %.3g); %d"
                  + " feature%s reach%s the low threshold beyond chance, so the model can"
                  + " discriminate by proxy: severity %s.",
              Thresholds.levelName(severity),
              fmt(thresholds.of(severity)),
              worst.sig().pValue(),
              claimed.size(),
              claimed.size() == 1 ? "" : "s",
              claimed.size() == 1 ? "es" : "",
              Thresholds.severityName(severity));
    } else if (worst.reached() != Severity.NONE) {
      tail =
          String.format(
              Locale.ROOT,
              ", reaching the %s threshold %s, but a feature independent of it shows as much with"
                  + " these rows and categories (p-value %.3g, not below p_value_threshold %s;"
                  + " mean from chance alone %.4g), so no proxy is claimed.",
              Thresholds.levelName(worst.reached()),
              fmt(thresholds.of(worst.reached())),
              worst.sig().pValue(),
              fmt(alpha),
              worst.sig().nullMean());
    } else {
      tail =
          String.format(
              Locale.ROOT, ", below the low threshold %s: no proxy.", fmt(thresholds.low()));
    }
    return CaseBuilder.of(this)
        .features(features)
        .judged(severity)
        .importance(worst.judged())
        .metric("max_uncertainty", measured.get(0).judged())
        .metric("num_proxies", claimed.size())
        .metric("num_features_tested", measured.size())
        .detail("worst_feature", worst.feature())
        .detail("severity_thresholds", thresholds.toList())
        .detail("p_value_threshold", alpha)
        .detail("num_null_simulations", simulations)
        .detail(
            "measure",
            "Theil's uncertainty coefficient MI / H(protected feature), on Discretised codes")
        .detail("binning", codes.describe(c.name()))
        .detail("features", table)
        .description(head + tail)
        .build();
  }

  private static String fmt(Double v) {
    return v == null ? "undefined" : String.format(Locale.ROOT, "%.4g", v);
  }
}
