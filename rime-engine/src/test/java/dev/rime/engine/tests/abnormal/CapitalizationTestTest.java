// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import static dev.rime.engine.tests.abnormal.Cases.metric;
import static dev.rime.engine.tests.abnormal.Cases.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference city: Paris, paris, Zürich, 東京, New York; n (integers read as text, not tested).
 * Evaluation:
 *
 * <pre>
 *   PARIS      fails (paris, Paris)
 *   Paris      seen
 *   ZÜRICH     fails (lower: zürich)
 *   東京        seen (no case)
 *   Berlin     unseen, not a capitalization
 *   new york   fails
 *   (null)     missing
 * </pre>
 */
class CapitalizationTestTest {

  @TempDir Path dir;
  private Db db;
  private final CapitalizationTest test = new CapitalizationTest();

  @BeforeEach
  void write() {
    db = Db.open();
    Fixtures.csv(dir, "ref.csv", "city,n", "Paris,1", "paris,2", "Zürich,3", "東京,4", "New York,5");
    Fixtures.csv(
        dir,
        "eval.csv",
        "city,n",
        "PARIS,1",
        "Paris,2",
        "ZÜRICH,3",
        "東京,4",
        "Berlin,5",
        "new york,6",
        ",7");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void flagsValuesSeenOnlyWithAnotherCapitalization() {
    List<TestCase> cases =
        test.run(Cases.ctx(db, dir, "ref.csv", "eval.csv"), TestParams.defaults(test));
    assertThat(cases)
        .singleElement()
        .satisfies(c -> assertThat(c.features()).containsExactly("city"));
    TestCase c = cases.get(0);
    assertThat(metric(c, "num_failing_rows")).isEqualTo(3.0);
    assertThat(c.importanceScore()).isEqualTo(3.0 / 7);
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.details().get("examples"))
        .isEqualTo(
            List.of(
                Map.of(
                    "value", "PARIS", "count", 1L, "reference_values", List.of("Paris", "paris")),
                Map.of("value", "ZÜRICH", "count", 1L, "reference_values", List.of("Zürich")),
                Map.of("value", "new york", "count", 1L, "reference_values", List.of("New York"))));
  }

  @Test
  void passesWhenEveryValueIsSpelledAsInTheReference() {
    Fixtures.csv(dir, "eval.csv", "city,n", "Paris,1", "東京,2", "Lyon,3");
    TestCase c = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), "city");
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }
}
