// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.config.ConfigException;
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

class PredictProtectedFeaturesTestTest {

  @TempDir Path dir;
  private Db db;
  private final StressTest test = new PredictProtectedFeaturesTest();

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void referenceDataMatchesCategoricalNaiveBayes() {
    TestContext ctx = Fixtures.context(db, FairnessReference.config(), FairnessReference.dir());
    List<TestCase> cases = test.run(ctx, TestParams.defaults(test));
    for (TestCase c : cases) {
      String f = c.features().get(0);
      for (String m : List.of("balanced_accuracy", "accuracy", "majority_baseline_accuracy")) {
        assertThat(c.metrics().get(m))
            .as(f + " " + m)
            .isCloseTo(FairnessReference.number("naive_bayes", f, m), within(1e-12));
      }
      assertThat(c.details())
          .containsEntry("train_features", List.of("zip", "income", "colour"))
          .containsEntry(
              "left_out_features",
              Map.of(
                  "hobby",
                  "120 reference values, above max_categorical_train_feature_cardinality 100"));
    }
    // zip gives sex away (balanced accuracy 0.93): HIGH; age and group are not revealed. group's
    // plain accuracy is 0.954, by answering 'a' every time: balanced accuracy 0.5.
    assertThat(cases)
        .extracting(TestCase::severity)
        .containsExactly(Severity.HIGH, Severity.NONE, Severity.NONE);
    assertThat(cases.get(0).metrics()).containsEntry("num_eval_rows", 1475.0);
  }

  @Test
  void tinyTableByHand() {
    // x copies p in the reference; the evaluation has 8 rows of a (x = u) and 2 of b whose x is
    // u too: every row is predicted a. Recall a 1, b 0: balanced accuracy 0.5, accuracy 0.8.
    List<String> ref = Tiny.rows("p,x", "a,u", 60, "b,v", 60);
    List<String> eval = Tiny.rows("p,x", "a,u", 80, "b,u", 20, ",v", 5);
    TestContext ctx = Tiny.context(db, dir, ref, eval, List.of("p"));
    TestCase c = test.run(ctx, TestParams.defaults(test)).get(0);
    assertThat(c.metrics())
        .containsEntry("balanced_accuracy", 0.5)
        .containsEntry("accuracy", 0.8)
        .containsEntry("num_ref_rows", 120.0)
        .containsEntry("num_eval_rows", 100.0);
    assertThat(c.status()).isEqualTo(TestStatus.PASS);
    assertThat(c.details().get("groups"))
        .isEqualTo(
            List.of(
                Map.of("group", "a", "ref_size", 60L, "eval_size", 80L, "recall", 1.0),
                Map.of("group", "b", "ref_size", 60L, "eval_size", 20L, "recall", 0.0)));
  }

  @Test
  void parametersChooseTheFeatures() {
    List<String> data = Tiny.rows("p,x,y2", "a,u,k", 60, "b,v,k", 60);
    TestContext ctx = Tiny.context(db, dir, data, data, List.of("p"));
    TestParams params = TestParams.defaults(test);
    TestCase onlyY =
        test.run(ctx, params.with("non_protected_train_features", List.of("y2"))).get(0);
    // y2 is constant: nothing to predict from, every row is the first class.
    assertThat(onlyY.metrics()).containsEntry("balanced_accuracy", 0.5);
    assertThat(test.run(ctx, params).get(0).metrics()).containsEntry("balanced_accuracy", 1.0);
    assertThatThrownBy(
            () -> test.run(ctx, params.with("non_protected_train_features", List.of("p"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "tests_config.predict_protected_features.non_protected_train_features");
    TestCase few = test.run(ctx, params.with("min_sample_size", 121)).get(0);
    assertThat(few.description())
        .isEqualTo(
            "Skipped: 120 reference and 120 evaluation rows have a value of 'p'; min_sample_size"
                + " is 121");
    // p has 2 values: not above max_protected_feature_cardinality 2.
    TestCase two = test.run(ctx, params.with("max_protected_feature_cardinality", 2)).get(0);
    assertThat(two.status()).isEqualTo(TestStatus.FAIL);
    assertThat(
            test.run(ctx, params.with("max_categorical_train_feature_cardinality", 1))
                .get(0)
                .details())
        .containsEntry("train_features", List.of("y2"));
  }

  @Test
  void tooManyProtectedValuesSkip() {
    List<String> data = Tiny.rows("p,x", "a,u", 40, "b,v", 40, "c,w", 40);
    TestContext ctx = Tiny.context(db, dir, data, data, List.of("p"));
    TestCase c =
        test.run(ctx, TestParams.defaults(test).with("max_protected_feature_cardinality", 2))
            .get(0);
    assertThat(c.description())
        .isEqualTo(
            "Skipped: 'p' has 3 reference values, above max_protected_feature_cardinality 2");
  }
}
