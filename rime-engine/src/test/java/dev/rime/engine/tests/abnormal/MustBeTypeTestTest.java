// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import static dev.rime.engine.tests.abnormal.Cases.metric;
import static dev.rime.engine.tests.abnormal.Cases.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.ValueType;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seven Must be … tests on one fixture with a column of each value type. Reference: 12 clean
 * rows. Evaluation: 6 rows, each column with its own planted wrong values:
 *
 * <pre>
 *   i (int)   f (float)  s (string)  b (bool)  e (email)    u (url)             d (domain)
 *   1         0.5        red         true      a@x.com      https://x.com       x.com
 *   abc  x    1          blue        false     b@y.org      http://y.org/p      y.org
 *   2.5  x    inf        42      x   maybe  x  nope     x   www.x.com       x   not a domain x
 *   3.0       NaN        green       yes       c@x.com      ftp://x.com         x.com
 *   nan       x      x   (null)      1         (null)       (null)              (null)
 *   (null)    (null)     red         (null)    d@x.com      https://x.com:80    x.com
 * </pre>
 *
 * Failing: i 2 (abc, 2.5; 3.0 is whole, nan missing), f 1 (x), s 1 (42: the reference has no
 * numbers), b 1 (maybe; yes and 1 are booleans), e 1, u 1, d 1.
 */
class MustBeTypeTestTest {

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void write() {
    db = Db.open();
    List<String> ref = new ArrayList<>(List.of("i,f,s,b,e,u,d"));
    String[] colors = {"red", "blue", "green"};
    for (int k = 0; k < 12; k++) {
      ref.add(
          String.join(
              ",",
              Integer.toString(k % 11),
              (k % 11) + ".25",
              colors[k % 3],
              k % 2 == 0 ? "true" : "false",
              "user" + k + "@example.com",
              "https://example.com/" + k,
              k % 2 == 0 ? "example.com" : "mail.example.org"));
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(
        dir,
        "eval.csv",
        "i,f,s,b,e,u,d",
        "1,0.5,red,true,a@x.com,https://x.com,x.com",
        "abc,1,blue,false,b@y.org,http://y.org/p,y.org",
        "2.5,inf,42,maybe,nope,www.x.com,not a domain",
        "3.0,NaN,green,yes,c@x.com,ftp://x.com,x.com",
        "nan,x,,1,,,",
        ",,red,,d@x.com,https://x.com:80,x.com");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void valueTypesOfTheReference() {
    TestContext ctx = Cases.ctx(db, dir, "ref.csv", "eval.csv");
    Map<String, ValueType> types = new LinkedHashMap<>();
    for (Column c : ctx.columns()) {
      types.put(c.name(), c.valueType());
    }
    assertThat(types)
        .containsExactly(
            Map.entry("i", ValueType.INT),
            Map.entry("f", ValueType.FLOAT),
            Map.entry("s", ValueType.STRING),
            Map.entry("b", ValueType.BOOL),
            Map.entry("e", ValueType.EMAIL),
            Map.entry("u", ValueType.URL),
            Map.entry("d", ValueType.DOMAIN));
  }

  @Test
  void eachTestFailsItsOwnColumnOnly() {
    TestContext ctx = Cases.ctx(db, dir, "ref.csv", "eval.csv");
    Map<StressTest, Object[]> expected = new LinkedHashMap<>();
    expected.put(new IntFeatureTypeTest(), new Object[] {"i", 2.0, List.of("2.5", "abc")});
    expected.put(new FloatFeatureTypeTest(), new Object[] {"f", 1.0, List.of("x")});
    expected.put(new StrFeatureTypeTest(), new Object[] {"s", 1.0, List.of("42")});
    expected.put(new BoolFeatureTypeTest(), new Object[] {"b", 1.0, List.of("maybe")});
    expected.put(new EmailFeatureTypeTest(), new Object[] {"e", 1.0, List.of("nope")});
    expected.put(new UrlFeatureTypeTest(), new Object[] {"u", 1.0, List.of("www.x.com")});
    expected.put(new DomainFeatureTypeTest(), new Object[] {"d", 1.0, List.of("not a domain")});
    expected.forEach(
        (test, e) -> {
          List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
          assertThat(cases).as(test.id()).hasSize(1);
          TestCase c = cases.get(0);
          assertThat(c.features()).as(test.id()).containsExactly((String) e[0]);
          assertThat(metric(c, "num_failing_rows")).as(test.id()).isEqualTo(e[1]);
          assertThat(c.status()).isEqualTo(TestStatus.FAIL);
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> examples =
              (List<Map<String, Object>>) c.details().get("examples");
          assertThat(examples).extracting(x -> x.get("value")).as(test.id()).isEqualTo(e[2]);
        });
  }

  @Test
  void cleanEvaluationDataPasses() {
    Fixtures.csv(
        dir,
        "eval.csv",
        "i,f,s,b,e,u,d",
        "7,7,red,false,z@z.io,https://z.io,z.io",
        "-3,1e3,blue,TRUE,y@z.io,http://10.0.0.1:8080/x,a.b.c.io");
    TestContext ctx = Cases.ctx(db, dir, "ref.csv", "eval.csv");
    for (StressTest t :
        List.of(
            new IntFeatureTypeTest(),
            new FloatFeatureTypeTest(),
            new StrFeatureTypeTest(),
            new BoolFeatureTypeTest(),
            new EmailFeatureTypeTest(),
            new UrlFeatureTypeTest(),
            new DomainFeatureTypeTest())) {
      assertThat(t.run(ctx, TestParams.defaults(t)))
          .as(t.id())
          .allSatisfy(c -> assertThat(c.status()).isEqualTo(TestStatus.PASS));
    }
  }

  @Test
  void aStringColumnArrivingAsNumbersIsJudgedByItsText() {
    // The evaluation column is read as BIGINT. Its values are numbers where the reference has
    // only text: 2 fail (the null is missing).
    Fixtures.csv(dir, "ref.csv", "s,n", "red,1", "blue,2");
    Fixtures.csv(dir, "eval.csv", "s,n", "1,1", "2,2", ",3");
    TestCase c = one(new StrFeatureTypeTest(), Cases.ctx(db, dir, "ref.csv", "eval.csv"), "s");
    assertThat(metric(c, "num_failing_rows")).isEqualTo(2.0);
    assertThat(c.description()).contains("numbers where the reference data has only text");
  }

  @Test
  void ticketsThatHappenToBeAllNumbersInTheEvaluationFilePass() {
    // Titanic tickets: the reference mixes codes and numbers. An evaluation file whose tickets are
    // all numbers is read as BIGINT; they are the same tickets as in a file with one code, where
    // they pass, so they pass here too (every row failed when judged by the SQL type).
    Fixtures.csv(dir, "ref.csv", "ticket,n", "PC 17599,1", "24160,2", "A/5 21171,3");
    Fixtures.csv(dir, "eval.csv", "ticket,n", "113781,1", "24160,2", "349909,3");
    TestContext ctx = Cases.ctx(db, dir, "ref.csv", "eval.csv");
    assertThat(ctx.eval().columns().get("ticket")).isEqualTo("BIGINT");
    TestCase c = one(new StrFeatureTypeTest(), ctx, "ticket");
    assertThat(metric(c, "num_failing_rows")).isZero();
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  void aTextColumnReadAsBooleanInTheEvaluationFileIsText() {
    // Reference answers are text; an evaluation file with only "true"/"false" is read as BOOLEAN,
    // but those values are words, not numbers: nothing fails.
    Fixtures.csv(dir, "ref.csv", "answer,n", "yes,1", "no,2", "maybe,3");
    Fixtures.csv(dir, "eval.csv", "answer,n", "true,1", "false,2");
    TestContext ctx = Cases.ctx(db, dir, "ref.csv", "eval.csv");
    assertThat(ctx.eval().columns().get("answer")).isEqualTo("BOOLEAN");
    TestCase c = one(new StrFeatureTypeTest(), ctx, "answer");
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
  }

  @Test
  void numbersAreTextWhereTheReferenceMixesThem() {
    // Ticket codes: some are numbers in the reference, so a number in the evaluation is fine.
    Fixtures.csv(dir, "ref.csv", "ticket,n", "PC 17599,1", "24160,2", "A/5 21171,3");
    Fixtures.csv(dir, "eval.csv", "ticket,n", "113781,1", "STON/O2. 3101282,2");
    TestCase c = one(new StrFeatureTypeTest(), Cases.ctx(db, dir, "ref.csv", "eval.csv"), "ticket");
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.description()).contains("numbers count as text here");
  }

  @Test
  void wholeNumbersWrittenAsFloatsAreIntegers() {
    // pandas writes integers with missing values as floats: the reference is DOUBLE, all whole.
    List<String> ref = new ArrayList<>(List.of("i"));
    for (int k = 0; k < 12; k++) {
      ref.add(k == 5 ? "" : k + ".0");
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", "i", "3", "4.5");
    TestContext ctx = Cases.ctx(db, dir, "ref.csv", "eval.csv");
    assertThat(ctx.columns().get(0).valueType()).isEqualTo(ValueType.INT);
    TestCase c = one(new IntFeatureTypeTest(), ctx, "i");
    assertThat(metric(c, "num_failing_rows")).isEqualTo(1.0);
  }

  @Test
  void skipsWithoutFeaturesOfTheType() {
    Fixtures.csv(dir, "ref.csv", "s", "a", "b");
    Fixtures.csv(dir, "eval.csv", "s", "a");
    TestContext ctx = Cases.ctx(db, dir, "ref.csv", "eval.csv");
    BoolFeatureTypeTest t = new BoolFeatureTypeTest();
    assertThat(t.run(ctx, TestParams.defaults(t)))
        .singleElement()
        .satisfies(
            c -> assertThat(c.description()).isEqualTo("Skipped: no boolean features to test"));
  }
}
