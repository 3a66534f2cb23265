// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.config.TestRunConfig;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestCatalogue;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtectedFeatureDriftTestTest {

  @TempDir Path dir;
  private Db db;
  private final StressTest test = new ProtectedFeatureDriftTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void referenceDataPsiOfTheGroupsMatchesNumpy() {
    TestContext ctx = Fixtures.context(db, FairnessReference.config(), FairnessReference.dir());
    List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
    assertThat(cases).extracting(TestCase::testId).containsOnly("protected_feature_drift");
    assertThat(cases).extracting(TestCase::category).containsOnly("Bias and Fairness");
    for (TestCase c : cases) {
      String f = c.features().get(0);
      assertThat(c.metrics().get("psi"))
          .as(f)
          .isCloseTo(FairnessReference.number("psi", f), within(1e-12));
    }
    // sex goes from 70% F to 35% F (PSI 0.44, far beyond noise); age and group do not move.
    assertThat(cases.get(0).status()).isEqualTo(TestStatus.FAIL);
    assertThat(cases.get(0).severity()).isNotEqualTo(Severity.NONE);
    assertThat(cases.get(1).status()).isEqualTo(TestStatus.PASS);
    assertThat(cases.get(2).status()).isEqualTo(TestStatus.PASS);
    // age drifts as its 10 bins (and missing values are dropped, ignore_nans).
    assertThat(cases.get(1).details()).containsEntry("num_bins", 10);
  }

  @Test
  void takesCategoricalDriftsParameters() {
    StressTest categorical = TestCatalogue.byId("categorical_drift").orElseThrow();
    assertThat(test.defaultParams()).isEqualTo(categorical.defaultParams());
    Map<String, Object> config = Fixtures.config("r.csv", "e.csv", null, null);
    config.put(
        "tests_config",
        Map.of("protected_feature_drift", Map.of("drift_statistic", "Chi-Squared")));
    TestRunConfig parsed = TestRunConfig.parse(config);
    assertThat(parsed.testsConfig().paramsFor(test).string("drift_statistic"))
        .isEqualTo("Chi-Squared");
  }

  @Test
  void eachProtectedFeatureIsOneCaseAndTextIsCategories() {
    List<String> ref = Tiny.rows("p,x", "a,1", 100, "b,2", 100);
    List<String> eval = Tiny.rows("p,x", "a,1", 190, "b,2", 10);
    TestContext ctx = Tiny.context(db, dir, ref, eval, List.of("p"));
    TestCase c = test.run(ctx, TestParams.defaults(test)).get(0);
    // PSI (0.5 − 0.95) ln(0.5/0.95) + (0.5 − 0.05) ln(0.5/0.05) = 0.2888 + 1.0362.
    double psi = -0.45 * Math.log(0.5 / 0.95) + 0.45 * Math.log(10);
    assertThat(c.metrics().get("psi")).isCloseTo(psi, within(1e-12));
    assertThat(c.status()).isEqualTo(TestStatus.FAIL);
    assertThat(c.features()).containsExactly("p");
  }
}
