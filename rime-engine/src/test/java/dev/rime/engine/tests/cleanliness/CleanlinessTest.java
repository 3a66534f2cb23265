// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.cleanliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanlinessTest {

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void open() {
    db = Db.open();
    Fixtures.csv(dir, "ref.csv", "a,b,label,p", "1,x,1,0.1", "2,y,1,0.2", "3,z,1,0.3", "4,w,0,0.4");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TestContext ctx(String label, String pred) {
    return Fixtures.context(db, Fixtures.config("ref.csv", "eval.csv", label, pred), dir);
  }

  @Test
  void duplicatesIgnoreThePredictionColumn() {
    Fixtures.csv(
        dir,
        "eval.csv",
        "a,b,label,p",
        "1,x,1,0.1",
        "1,x,1,0.9",
        "2,y,1,0.5",
        "2,y,1,0.5",
        "3,z,1,0.1");
    StressTest t = new DuplicateRowsTest();
    // Over a, b, label: distinct (1,x,1), (2,y,1), (3,z,1): 5 - 3 = 2 duplicates, 0.4 >= 0.1.
    TestCase c = t.run(ctx("label", "p"), TestParams.defaults(t)).get(0);
    assertThat(c.metrics().get("num_duplicate_rows")).isEqualTo(2.0);
    assertThat(c.metrics().get("duplicate_rows_fraction")).isEqualTo(0.4);
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    // Without a prediction column p counts: distinct rows 4, 1 duplicate, 0.2.
    TestCase withP = t.run(ctx("label", null), TestParams.defaults(t)).get(0);
    assertThat(withP.metrics().get("num_duplicate_rows")).isEqualTo(1.0);
    // Excluding a and p too: b, label: (x,1), (y,1), (z,1): still 2 duplicates.
    TestParams excl = new TestParams("t", t.defaultParams(), List.of("a"));
    assertThat(t.run(ctx("label", "p"), excl).get(0).metrics().get("num_duplicate_rows"))
        .isEqualTo(2.0);
  }

  @Test
  void fewDuplicatesWarnAndNoneePass() {
    List<String> lines = new ArrayList<>(List.of("a,b,label,p"));
    for (int i = 0; i < 200; i++) {
      lines.add(i + ",v,1,0.5");
    }
    lines.add("0,v,1,0.5"); // 1 duplicate in 201 rows: 0.005 < 0.01
    Fixtures.csv(dir, "eval.csv", lines);
    StressTest t = new DuplicateRowsTest();
    TestCase warn = t.run(ctx("label", "p"), TestParams.defaults(t)).get(0);
    assertThat(warn.status()).isEqualTo(TestStatus.WARNING);
    assertThat(warn.severity()).isEqualTo(Severity.NONE);

    db.close();
    db = Db.open();
    Fixtures.csv(dir, "eval.csv", lines.subList(0, 201));
    TestCase pass = t.run(ctx("label", "p"), TestParams.defaults(t)).get(0);
    assertThat(pass.status()).isEqualTo(TestStatus.PASS);
    assertThat(pass.metrics().get("num_duplicate_rows")).isZero();
  }

  @Test
  void labelImbalanceNormalisedAndRaw() {
    Fixtures.csv(dir, "eval.csv", "a,b,label,p", "1,x,1,0.1", "2,x,1,0.1", "3,x,1,0.1");
    StressTest t = new LabelImbalanceTest();
    // Reference 3 of 4 positive: p_max 0.75 -> (0.75 - 0.5) / 0.5 = 0.5; evaluation all positive:
    // 1.0 -> judged 1.0 >= 0.9: High.
    TestCase c = t.run(ctx("label", "p"), TestParams.defaults(t)).get(0);
    assertThat(c.metrics().get("ref_imbalance")).isCloseTo(0.5, within(1e-15));
    assertThat(c.metrics().get("eval_imbalance")).isEqualTo(1.0);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    TestCase raw = t.run(ctx("label", "p"), TestParams.defaults(t).with("normalize", false)).get(0);
    assertThat(raw.metrics().get("ref_imbalance")).isEqualTo(0.75);
  }

  @Test
  void labelImbalancePassesWhenBalanced() {
    Fixtures.csv(dir, "eval.csv", "a,b,label,p", "1,x,1,0.1", "2,x,0,0.1");
    StressTest t = new LabelImbalanceTest();
    TestCase c = t.run(ctx("label", "p"), TestParams.defaults(t)).get(0);
    // max(0.5, 0.0) = 0.5 < 0.6.
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.importanceScore()).isCloseTo(0.5, within(1e-15));
  }
}
