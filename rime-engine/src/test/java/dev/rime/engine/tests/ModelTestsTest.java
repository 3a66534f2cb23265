// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.tests.subset.SubsetPerformanceTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subset Performance paths on tiny hand-worked data. */
class ModelTestsTest {

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void open() {
    db = Db.open();
    // Reference AUC 1.0 (positives 0.8, 0.9 above negatives 0.1, 0.2).
    Fixtures.csv(dir, "ref.csv", "g,y,p", "a,0,0.1", "a,0,0.2", "b,1,0.8", "b,1,0.9");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestContext ctx(String label) {
    return Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", label, "p"), dir);
  }

  @Test
  void subsetAccuracyFailsTheWorseGroup() {
    // 25 rows in a (all right), 25 in b (10 right): overall 35 / 50 = 0.7; b 0.4: diff 0.3,
    // margin 1.96 sqrt(0.24 / 25) = 0.192 < 0.3 -> failing, 0.3 >= 0.2: High; a: diff -0.3.
    List<String> lines = new ArrayList<>(List.of("g,y,p"));
    for (int i = 0; i < 25; i++) {
      lines.add("a,1,0.9");
      lines.add(i < 10 ? "b,1,0.9" : "b,1,0.1");
    }
    Fixtures.csv(dir, "eval.csv", lines);
    StressTest t = new SubsetPerformanceTest(Metric.ACCURACY);
    TestCase c = t.run(ctx("y"), TestParams.defaults(t)).get(0);
    assertThat(c.features()).containsExactly("g");
    assertThat(c.metrics().get("overall_perf")).isCloseTo(0.7, within(1e-15));
    assertThat(c.metrics().get("worst_subset_diff")).isCloseTo(0.3, within(1e-12));
    assertThat(c.metrics().get("num_failing_subsets")).isEqualTo(1.0);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.details()).containsEntry("worst_subset", "b");
    @SuppressWarnings("unchecked")
    Map<String, Object> b = ((List<Map<String, Object>>) c.details().get("subsets")).get(1);
    assertThat((Double) b.get("margin_error"))
        .isCloseTo(1.959963984540054 * Math.sqrt(0.24 / 25), within(1e-12));
  }

  @Test
  void smallSubsetsAreReportedNotJudged() {
    Fixtures.csv(dir, "eval.csv", "g,y,p", "a,1,0.9", "b,1,0.1", "b,0,0.9");
    StressTest t = new SubsetPerformanceTest(Metric.ACCURACY);
    TestCase c = t.run(ctx("y"), TestParams.defaults(t)).get(0);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.metrics().get("num_subsets")).isEqualTo(2.0);
    assertThat(c.description()).contains("none was judged");
  }

  @Test
  @SuppressWarnings("unchecked")
  void numericCategoriesNameTheirSubsetsByValue() {
    // g is a DOUBLE column (as pandas writes ints with NaN) with 2 values: categorical. Subsets
    // are named 1 and 2, as the same categories read as integers would be, and NaN is null.
    Fixtures.csv(dir, "ref.csv", "g,y,p", "1.0,0,0.1", "2.0,0,0.2", "1.0,1,0.8", ",1,0.9");
    Fixtures.csv(dir, "eval.csv", "g,y,p", "1.0,0,0.1", "2.0,1,0.9", "NaN,1,0.8", "2.0,0,0.3");
    StressTest t = new SubsetPerformanceTest(Metric.ACCURACY);
    TestCase c = t.run(ctx("y"), TestParams.defaults(t)).get(0);
    assertThat(c.features()).containsExactly("g");
    List<Map<String, Object>> subsets = (List<Map<String, Object>>) c.details().get("subsets");
    assertThat(subsets).extracting(m -> m.get("name")).containsExactly("1", "2", "null");
    assertThat(subsets)
        .extracting(m -> m.get("criterion"))
        .containsExactly("g == 1", "g == 2", "g is null");
  }
}
