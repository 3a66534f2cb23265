// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtectedProxiesTestTest {

  @TempDir Path dir;
  private Db db;
  private final StressTest test = new ProtectedProxiesTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> row(TestCase c, String feature) {
    return ((List<Map<String, Object>>) c.details().get("features"))
        .stream().filter(r -> r.get("feature").equals(feature)).findFirst().orElseThrow();
  }

  @Test
  void referenceDataUncertaintyMatchesScikitLearn() {
    TestContext ctx = Fixtures.context(db, FairnessReference.config(), FairnessReference.dir());
    List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
    assertThat(cases).hasSize(3);
    for (TestCase c : cases) {
      String p = c.features().get(0);
      // group is protected but not used by the model: not a candidate, still a protected feature.
      assertThat(((List<?>) c.details().get("features"))).hasSize(4);
      for (String f : List.of("zip", "income", "colour", "hobby")) {
        for (String side : List.of("ref", "eval")) {
          assertThat((Double) row(c, f).get(side + "_uncertainty"))
              .as(p + "|" + f + " " + side)
              .isCloseTo(FairnessReference.number("uncertainty", p + "|" + f, side), within(1e-12));
        }
      }
    }
    // zip reveals 0.54 of sex: HIGH; income 0.29 of age: LOW; nothing reveals group.
    assertThat(cases)
        .extracting(TestCase::severity)
        .containsExactly(Severity.HIGH, Severity.LOW, Severity.NONE);
    assertThat(cases.get(0).features()).containsExactly("sex", "zip");
    assertThat(cases.get(0).details()).containsEntry("worst_feature", "zip");
    assertThat(cases.get(0).metrics()).containsEntry("num_proxies", 1.0);
    assertThat(cases.get(1).features()).containsExactly("age", "income");
    assertThat(cases.get(2).features()).containsExactly("group");
    assertThat(cases.get(2).description()).endsWith("below the low threshold 0.2000: no proxy.");
  }

  @Test
  void aCopyOfTheProtectedFeatureIsAProxyWhenBeyondChance() {
    // x copies p exactly: U = 1. With 40 rows the permutation test says no independent feature
    // gets there (p = 1/501); with 4 rows, half the shufflings do.
    List<String> many = Tiny.rows("p,x,z", "a,u,1", 20, "b,v,1", 20);
    TestContext ctx = Tiny.context(db, dir, many, many, List.of("p"));
    TestCase c = test.run(ctx, TestParams.defaults(test)).get(0);
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.metrics().get("max_uncertainty")).isCloseTo(1.0, within(1e-12));
    assertThat((Double) row(c, "x").get("p_value")).isEqualTo(1 / 501.0);
    // z is constant: it explains nothing.
    assertThat(row(c, "z").get("ref_uncertainty")).isEqualTo(0.0);

    List<String> few = Tiny.rows("p,x", "a,u", 2, "b,v", 2);
    TestContext small = Tiny.context(db, dir, few, few, List.of("p"));
    TestCase s = test.run(small, TestParams.defaults(test)).get(0);
    assertThat(s.status()).isEqualTo(TestStatus.PASS);
    assertThat(s.description()).contains("so no proxy is claimed.");
  }

  @Test
  void aHighCardinalityProtectedFeatureIsCodedByItsMostFrequentValues() {
    // 300 values, two rows each; x copies p. Both are coded as 50 values, 'other' and 'null', the
    // same way: x still determines p's code, U = 1.
    List<String> data = new java.util.ArrayList<>(List.of("p,x"));
    for (int i = 0; i < 600; i++) {
      data.add("v" + (i % 300) + ",w" + (i % 300));
    }
    TestContext ctx = Tiny.context(db, dir, data, data, List.of("p"));
    TestCase c = test.run(ctx, TestParams.defaults(test)).get(0);
    assertThat(c.metrics().get("max_uncertainty")).isCloseTo(1.0, within(1e-12));
    assertThat(c.severity()).isEqualTo(Severity.HIGH);
    assertThat(c.details().get("binning"))
        .isEqualTo(
            Map.of(
                "p",
                "50 categories (the 50 most frequent in both datasets at most), every other value as"
                    + " 'other', missing values a code of their own"));
  }

  @Test
  void skipsWhatCannotBeRelated() {
    // id is an identifier (unique text): not coded; the only other feature is protected too.
    List<String> data = new java.util.ArrayList<>(List.of("id,p,q"));
    for (int i = 0; i < 30; i++) {
      data.add("row" + i + "," + (i % 2) + ",c" + (i % 3));
    }
    TestContext ctx = Tiny.context(db, dir, data, data, List.of("id", "p", "q"));
    List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
    assertThat(cases).extracting(TestCase::status).containsOnly(TestStatus.SKIP);
    assertThat(cases.get(0).description())
        .isEqualTo(
            "Skipped: 'id' is neither numeric nor categorical: its values cannot be related to"
                + " other features");
    assertThat(cases.get(1).description())
        .isEqualTo(
            "Skipped: no other numeric or categorical feature the model uses to relate to 'p'");
  }
}
