// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import static dev.rime.engine.tests.abnormal.Cases.metric;
import static dev.rime.engine.tests.abnormal.Cases.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmptyStringTestTest {

  @TempDir Path dir;
  private Db db;
  private final EmptyStringTest test = new EmptyStringTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void emptyAndBlankStringsFailWhereTheReferenceHadNone() {
    // JSON keeps empty strings. Reference s: a, b, null. Evaluation: "", "  ", a no-break space,
    // a tab, "a", null: 4 of 6 fail, one of them empty.
    Fixtures.csv(dir, "ref.jsonl", "{\"s\": \"a\"}", "{\"s\": \"b\"}", "{\"s\": null}");
    Fixtures.csv(
        dir,
        "eval.jsonl",
        "{\"s\": \"\"}",
        "{\"s\": \"  \"}",
        "{\"s\": \"\\u00a0\"}",
        "{\"s\": \"\\t\"}",
        "{\"s\": \"a\"}",
        "{\"s\": null}");
    TestCase c = one(test, Cases.ctx(db, dir, "ref.jsonl", "eval.jsonl"), "s");
    assertThat(metric(c, "num_failing_rows")).isEqualTo(4.0);
    assertThat(c.details()).containsEntry("num_empty", 1L);
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
  }

  @Test
  void aCsvEmptyFieldIsNullButABlankOneIsAString() {
    // DuckDB reads an empty CSV field (quoted or not) as null; " " stays a string.
    Fixtures.csv(dir, "ref.csv", "s,n", "a,1", "b,2");
    Fixtures.csv(dir, "eval.csv", "s,n", ",1", "\"\",2", " ,3", "a,4");
    TestCase c = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), "s");
    assertThat(metric(c, "num_failing_rows")).isEqualTo(1.0);
    assertThat(c.details()).containsEntry("num_empty", 0L);
  }

  @Test
  void skipsFeaturesWithBlankReferenceStringsAndPassesCleanOnes() {
    Fixtures.csv(dir, "ref.csv", "s,t", "a,x", " ,y");
    Fixtures.csv(dir, "eval.csv", "s,t", " ,x");
    TestCase s = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), "s");
    assertThat(s.status()).isEqualTo(TestStatus.SKIP);
    assertThat(s.description()).contains("1 empty or blank strings in the reference data");
    TestCase t = one(test, Cases.ctx(db, dir, "ref.csv", "eval.csv"), "t");
    assertThat(t.status()).isEqualTo(TestStatus.PASS);
  }
}
