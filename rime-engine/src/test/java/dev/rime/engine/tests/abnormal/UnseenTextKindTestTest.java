// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import static dev.rime.engine.tests.abnormal.Cases.metric;
import static dev.rime.engine.tests.abnormal.Cases.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unseen Email / URL / Domain on one fixture. Reference (all well-formed, so the kinds are
 * inferred): emails at example.com and mail.org, URLs on www.example.com and shop.example.org,
 * domains example.com and mail.org. Evaluation rows:
 *
 * <pre>
 *   email                 url                              domain
 *   Someone@EXAMPLE.com   HTTPS://WWW.EXAMPLE.COM          EXAMPLE.COM   seen (case)
 *   new@other.net         https://evil.example.net/x       new.io        unseen
 *   not-an-email          www.example.com                  not a domain  malformed: not counted
 *   (null)                (null)                           (null)        missing
 * </pre>
 */
class UnseenTextKindTestTest {

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void write() {
    db = Db.open();
    Fixtures.csv(
        dir,
        "ref.csv",
        "email,url,domain",
        "ann@example.com,https://www.example.com/a,example.com",
        "bob@mail.org,http://shop.example.org:8080/?q=1,mail.org",
        "cy.d+x@example.com,https://user@www.example.com/b#c,example.com",
        "dee@mail.org,https://www.example.com,mail.org");
    Fixtures.csv(
        dir,
        "eval.csv",
        "email,url,domain",
        "Someone@EXAMPLE.com,HTTPS://WWW.EXAMPLE.COM,EXAMPLE.COM",
        "new@other.net,https://evil.example.net/x,new.io",
        "not-an-email,www.example.com,not a domain",
        ",,");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theKindsAreInferred() {
    TestContext ctx = Cases.ctx(db, dir, "ref.csv", "eval.csv");
    assertThat(ctx.columns())
        .extracting(c -> c.type())
        .containsExactly(FeatureType.EMAIL, FeatureType.URL, FeatureType.DOMAIN);
  }

  @Test
  void eachKindFlagsItsUnseenDomainOnly() {
    TestContext ctx = Cases.ctx(db, dir, "ref.csv", "eval.csv");
    Map<StressTest, String> tests =
        Map.of(
            new UnseenEmailTest(),
            "email",
            new UnseenUrlTest(),
            "url",
            new UnseenDomainTest(),
            "domain");
    Map<String, String> unseen =
        Map.of("email", "other.net", "url", "evil.example.net", "domain", "new.io");
    tests.forEach(
        (test, feature) -> {
          List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
          assertThat(cases).as(test.id()).hasSize(1);
          TestCase c = cases.get(0);
          assertThat(c.features()).containsExactly(feature);
          // 1 failing row of 4, no labels or predictions: impact 0.25 -> HIGH.
          assertThat(metric(c, "num_failing_rows")).as(test.id()).isEqualTo(1.0);
          assertThat(c.importanceScore()).isEqualTo(0.25);
          assertThat(c.severity()).isEqualTo(Severity.HIGH);
          assertThat(c.details().get("examples"))
              .as(test.id())
              .isEqualTo(List.of(Map.of("value", unseen.get(feature), "count", 1L)));
          assertThat(c.details()).containsEntry("num_reference_domains", 2L);
        });
  }

  @Test
  void passesWhenEveryDomainWasSeen() {
    Fixtures.csv(dir, "eval.csv", "email,url,domain", "x@mail.org,http://www.example.com,mail.org");
    TestCase c = one(new UnseenEmailTest(), Cases.ctx(db, dir, "ref.csv", "eval.csv"), "email");
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.description())
        .isEqualTo(
            "No evaluation rows have e-mail address domains never seen in the reference data in"
                + " 'email', so the test passes.");
  }

  @Test
  void skipsWithoutFeaturesOfTheKindOrWithoutWellFormedReferenceValues() throws Exception {
    Fixtures.csv(dir, "ref.csv", "name,code", "ann,x", "bob,y");
    Fixtures.csv(dir, "eval.csv", "name,code", "cy,x");
    TestContext plain = Cases.ctx(db, dir, "ref.csv", "eval.csv");
    assertThat(new UnseenUrlTest().run(plain, TestParams.defaults(new UnseenUrlTest())))
        .singleElement()
        .satisfies(c -> assertThat(c.description()).isEqualTo("Skipped: no URL features to test"));
    // Declared an e-mail column by the feature type file, with no value in the reference.
    Fixtures.csv(dir, "ref.csv", "name,code", ",x", ",y");
    Files.writeString(dir.resolve("types.csv"), "FeatureName,FeatureType\nname,EmailColumn\n");
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    Fixtures.dataInfo(config).put("feature_type_path", "types.csv");
    TestCase c = one(new UnseenEmailTest(), Fixtures.context(db, config, dir), "name");
    assertThat(c.status()).isEqualTo(TestStatus.SKIP);
    assertThat(c.description()).contains("no well-formed e-mail address in the reference data");
  }
}
