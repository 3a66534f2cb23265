// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.DatasetSummary;
import dev.rime.api.result.FeatureSummary;
import dev.rime.api.result.MetricPair;
import dev.rime.api.result.Provenance;
import dev.rime.api.result.SeverityCounts;
import dev.rime.api.result.SummaryCounts;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class TestRunStoreTest extends StoreTestBase {

  TestRunStore runs;

  @BeforeEach
  void setUp() {
    runs = database.testRuns();
    project("p1");
    pendingJob("j1", "p1", 1);
  }

  static TestRunSummary summary(String runId) {
    Map<String, MetricPair> perf = new LinkedHashMap<>();
    perf.put("AUC", new MetricPair(0.84, 0.79));
    perf.put("Accuracy", new MetricPair(0.8, null));
    return new TestRunSummary(
        runId,
        "j1",
        "p1",
        "Titanic",
        "Binary Classification",
        1_700_000_000L,
        1234,
        new DatasetSummary("/d/ref.csv", 914, 13, 5000, "ab"),
        new DatasetSummary("/d/eval.csv", 395, 13, 2000, "cd"),
        new SummaryCounts(2, 1, 0, 1, 0),
        new SeverityCounts(1, 0, 1, 0),
        perf,
        395,
        12,
        List.of(new FeatureSummary("sex", "categorical", "inferred", "2 distinct strings")),
        new Provenance("0.1.0", Map.of("run_name", "Titanic"), 0, "17", "v1.4"));
  }

  static TestCase testCase(int i) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("num_failing_rows", (double) i);
    metrics.put("auc", null);
    return new TestCase(
        null,
        "unseen_categorical",
        "Unseen Categorical",
        "Abnormal Inputs",
        List.of("feature_" + i),
        i % 2 == 0 ? TestStatus.PASS : TestStatus.FAIL,
        i % 2 == 0 ? Severity.NONE : Severity.MEDIUM,
        i * 0.5,
        metrics,
        "case " + i,
        Map.of("examples", List.of(Map.of("value", "ü", "count", 2))));
  }

  @Test
  void storesRunAndCasesAndPagesThroughThem() {
    List<TestCase> cases = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      cases.add(testCase(i));
    }
    runs.insert(summary("r1"), cases, 10);

    assertThat(runs.get("r1")).contains(summary("r1"));
    assertThat(runs.get("r2")).isEmpty();

    TestRunStore.TestCasePage first = runs.listCases("r1", -1, 2);
    assertThat(first.testCases())
        .containsExactly(cases.get(0).withTestRunId("r1"), cases.get(1).withTestRunId("r1"));
    assertThat(first.nextAfterSeq()).isEqualTo(1);
    TestRunStore.TestCasePage second = runs.listCases("r1", first.nextAfterSeq(), 2);
    assertThat(second.testCases())
        .extracting(TestCase::description)
        .containsExactly("case 2", "case 3");
    TestRunStore.TestCasePage last = runs.listCases("r1", second.nextAfterSeq(), 2);
    assertThat(last.testCases()).extracting(TestCase::description).containsExactly("case 4");
    assertThat(last.nextAfterSeq()).isNull();
  }

  @Test
  void aRunWithoutCasesIsFine() {
    runs.insert(summary("r1"), List.of(), 10);
    assertThat(runs.listCases("r1", -1, 10).testCases()).isEmpty();
  }

  @Test
  void nothingIsLeftHalfWrittenWhenTheTransactionFails() {
    Db db = database.db();
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    () -> {
                      runs.insert(summary("r1"), List.of(testCase(1), testCase(2)), 10);
                      database.jobs().markRunning("j1", 5);
                      throw new IllegalStateException("crash after writing");
                    }))
        .hasMessage("crash after writing");
    assertThat(runs.get("r1")).isEmpty();
    assertThat(runs.listCases("r1", -1, 10).testCases()).isEmpty();
    assertThat(database.jobs().get("j1").orElseThrow().status().name()).isEqualTo("PENDING");
  }

  @Test
  void aJobMayStoreSeveralRunsButARunIdOnce() {
    // a continuous test stores its stress test and one run per time bin, all under its job
    runs.insert(summary("r1"), List.of(), 10);
    runs.insert(summary("r2"), List.of(), 11);
    assertThat(runs.get("r2")).isPresent();
    assertThatThrownBy(() -> runs.insert(summary("r1"), List.of(), 12))
        .isInstanceOf(RuntimeException.class);
    assertThat(runs.get("r1").orElseThrow().name()).isEqualTo("Titanic");
  }
}
