// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds one {@link TestCase} of a test. Non-finite numbers (NaN, infinities) in metrics, the
 * importance score and details become null, so results never carry NaN into JSON.
 */
public final class CaseBuilder {

  private final StressTest test;
  private List<String> features = List.of();
  private TestStatus status = TestStatus.PASS;
  private Severity severity = Severity.NONE;
  private Double importance;
  private final Map<String, Double> metrics = new LinkedHashMap<>();
  private String description = "";
  private final Map<String, Object> details = new LinkedHashMap<>();

  private CaseBuilder(StressTest test) {
    this.test = test;
  }

  /** A case of {@code test}; PASS / NONE until told otherwise. */
  public static CaseBuilder of(StressTest test) {
    return new CaseBuilder(test);
  }

  /** A SKIP case saying why the test does not apply. */
  public static TestCase skip(StressTest test, List<String> features, String reason) {
    return of(test)
        .features(features)
        .status(TestStatus.SKIP)
        .description("Skipped: " + reason)
        .detail("skip_reason", reason)
        .build();
  }

  /**
   * The case of a test that raised: status FAIL, severity LOW, no metrics, the exception in the
   * description and the head of its stack in {@code details.error}.
   */
  public static TestCase error(StressTest test, List<String> features, Throwable error) {
    String stack =
        Arrays.stream(error.getStackTrace())
            .limit(8)
            .map(StackTraceElement::toString)
            .collect(Collectors.joining("\n  at ", error + "\n  at ", ""));
    return of(test)
        .features(features)
        .status(TestStatus.FAIL)
        .severity(Severity.LOW)
        .description("test raised " + error.getClass().getSimpleName() + ": " + error.getMessage())
        .detail("error", stack)
        .build();
  }

  public CaseBuilder features(List<String> features) {
    this.features = List.copyOf(features);
    return this;
  }

  public CaseBuilder feature(String feature) {
    return features(List.of(feature));
  }

  public CaseBuilder status(TestStatus status) {
    this.status = status;
    return this;
  }

  public CaseBuilder severity(Severity severity) {
    this.severity = severity;
    return this;
  }

  /** FAIL with the severity given, or PASS / NONE when the severity is NONE. */
  public CaseBuilder judged(Severity severity) {
    this.severity = severity;
    this.status = severity == Severity.NONE ? TestStatus.PASS : TestStatus.FAIL;
    return this;
  }

  public CaseBuilder importance(Double importance) {
    this.importance = finite(importance);
    return this;
  }

  public CaseBuilder metric(String name, Double value) {
    metrics.put(name, finite(value));
    return this;
  }

  public CaseBuilder metric(String name, long value) {
    metrics.put(name, (double) value);
    return this;
  }

  public CaseBuilder description(String description) {
    this.description = description;
    return this;
  }

  public CaseBuilder detail(String name, Object value) {
    details.put(name, sanitize(value));
    return this;
  }

  public TestCase build() {
    return new TestCase(
        null,
        test.id(),
        test.displayName(),
        test.category(),
        features,
        status,
        severity,
        importance,
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics)),
        description,
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details)));
  }

  private static Double finite(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }

  /** Replaces non-finite doubles by null, recursively through maps and lists. */
  static Object sanitize(Object v) {
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? v : null;
    }
    if (v instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) v).forEach((k, x) -> out.put(k, sanitize(x)));
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      ((List<?>) v).forEach(x -> out.add(sanitize(x)));
      return out;
    }
    return v;
  }
}
