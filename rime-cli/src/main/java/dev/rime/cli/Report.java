// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.MetricPair;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunSummary;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-text reports of a run for the terminal. */
final class Report {

  private Report() {}

  static void summary(PrintStream out, TestRunSummary s) {
    out.printf(
        Locale.ROOT,
        "Run '%s' (%s), %.1f s, engine %s%n",
        s.name(),
        s.modelTask(),
        s.durationMillis() / 1000.0,
        s.provenance() == null ? "?" : s.provenance().engineVersion());
    out.printf(Locale.ROOT, "  reference:  %s (%d rows)%n", s.ref().path(), s.ref().rows());
    out.printf(Locale.ROOT, "  evaluation: %s (%d rows)%n", s.eval().path(), s.eval().rows());
    if (s.modelPerf() != null && !s.modelPerf().isEmpty()) {
      // As wide as the longest metric name (e.g. Mean Absolute Percentage Error), at least 28.
      int width = 28;
      for (String name : s.modelPerf().keySet()) {
        width = Math.max(width, name.length());
      }
      String row = "  %-" + width + "s %12s %12s%n";
      out.printf(Locale.ROOT, row, "model performance", "reference", "evaluation");
      for (Map.Entry<String, MetricPair> e : s.modelPerf().entrySet()) {
        out.printf(
            Locale.ROOT,
            row,
            e.getKey(),
            number(e.getValue().refMetric()),
            number(e.getValue().evalMetric()));
      }
    }
    out.printf(
        Locale.ROOT,
        "  test cases: %d (%d pass, %d warning, %d fail, %d skip)%n",
        s.summaryCounts().total(),
        s.summaryCounts().pass(),
        s.summaryCounts().warning(),
        s.summaryCounts().fail(),
        s.summaryCounts().skip());
    out.printf(
        Locale.ROOT,
        "  severity:   %d high, %d medium, %d low, %d none%n",
        s.severityCounts().high(),
        s.severityCounts().medium(),
        s.severityCounts().low(),
        s.severityCounts().none());
    out.printf(
        Locale.ROOT,
        "  evaluation rows flagged by abnormal-input tests: %d of %d%n",
        s.numFailingInputs(),
        s.numInputs());
  }

  /**
   * Cases by category, in the order they ran: how many passed, warned, failed and skipped, and the
   * highest severity, so passing categories (e.g. Attacks a robust model withstood) show too.
   */
  static void byCategory(PrintStream out, List<TestCase> cases) {
    java.util.Map<String, int[]> counts = new java.util.LinkedHashMap<>();
    java.util.Map<String, Severity> worst = new java.util.HashMap<>();
    for (TestCase c : cases) {
      counts
          .computeIfAbsent(c.category(), k -> new int[TestStatus.values().length])[
          c.status().ordinal()]++;
      worst.merge(c.category(), c.severity(), Severity::max);
    }
    if (counts.isEmpty()) {
      return;
    }
    out.println("Test cases by category:");
    out.printf(
        Locale.ROOT,
        "  %-32s %6s %6s %6s %6s  %s%n",
        "CATEGORY",
        "PASS",
        "WARN",
        "FAIL",
        "SKIP",
        "HIGHEST SEVERITY");
    for (java.util.Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] n = e.getValue();
      Severity sev = worst.get(e.getKey());
      out.printf(
          Locale.ROOT,
          "  %-32s %6d %6d %6d %6d  %s%n",
          cut(e.getKey(), 32),
          n[TestStatus.PASS.ordinal()],
          n[TestStatus.WARNING.ordinal()],
          n[TestStatus.FAIL.ordinal()],
          n[TestStatus.SKIP.ordinal()],
          sev == Severity.NONE ? "-" : sev.name());
    }
    out.println();
  }

  /** Failing cases, most severe first, one line each. */
  static void failingCases(PrintStream out, List<TestCase> cases) {
    List<TestCase> failing =
        cases.stream()
            .filter(c -> c.status() == TestStatus.FAIL)
            .sorted(
                Comparator.comparing((TestCase c) -> c.severity().ordinal())
                    .reversed()
                    .thenComparing(TestCase::category)
                    .thenComparing(TestCase::testBatchType))
            .toList();
    if (failing.isEmpty()) {
      out.println("No failing test cases.");
      return;
    }
    out.println("Failing test cases (" + failing.size() + "), most severe first:");
    out.printf(
        Locale.ROOT, "  %-8s %-28s %-18s %s%n", "SEVERITY", "TEST", "FEATURES", "WHAT WAS FOUND");
    for (TestCase c : failing) {
      out.printf(
          Locale.ROOT,
          "  %-8s %-28s %-18s %s%n",
          c.severity() == Severity.NONE ? "-" : c.severity().name(),
          cut(c.testBatchType(), 28),
          cut(String.join(",", c.features()), 18),
          c.description() == null ? "" : c.description());
    }
  }

  static String number(Double d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.4f", d);
  }

  private static String cut(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}
