// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.ContinuousTestRun;
import dev.rime.api.CtBin;
import dev.rime.api.CtInstance;
import dev.rime.api.TimeSeriesResponse.Point;
import dev.rime.api.result.ContinuousRunResult.TimeSeriesValue;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class CtStoreTest extends StoreTestBase {

  static final long DAY = 86400;
  static final long JAN_1 = 1_704_067_200L; // 2024-01-01T00:00:00Z

  CtStore ct;

  @BeforeEach
  void setUp() {
    ct = database.ct();
    project("p1");
    project("p2");
    pendingJob("j1", "p1", 1);
    for (String run : List.of("ref", "b1", "b2", "b3", "b1-again")) {
      database.testRuns().insert(TestRunStoreTest.summary(run), List.of(), 5);
    }
  }

  CtInstance instance(String id, String project) {
    CtInstance c = new CtInstance(id, "ct " + id, DAY, "ref", project, false, 7);
    ct.insert(c, null, 7_000);
    return c;
  }

  CtBin bin(long start, String run) {
    return new CtBin(start, start + DAY, 100, run, "j1", 9);
  }

  @Test
  void anInstanceIsStoredAndReadBack() {
    CtInstance c = instance("c1", "p1");
    assertThat(ct.get("c1")).contains(c);
    assertThat(ct.get("nope")).isEmpty();
    assertThat(ct.getActive("p1")).isEmpty();
  }

  @Test
  void theJobThatCreatedAnInstanceFindsIt() {
    CtInstance c = new CtInstance("c1", "from job", 3600, "ref", "p1", false, 7);
    ct.insert(c, "j1", 7_000);
    assertThat(ct.findCreatedBy("j1")).contains(c);
    assertThat(ct.findCreatedBy("j2")).isEmpty();
  }

  @Test
  void activatingOneDeactivatesTheOtherOfItsProjectOnly() {
    instance("a", "p1");
    instance("b", "p1");
    instance("other", "p2");
    assertThat(ct.setActive("other", true)).isTrue();

    assertThat(ct.setActive("a", true)).isTrue();
    assertThat(ct.getActive("p1").orElseThrow().ctInstanceId()).isEqualTo("a");
    assertThat(ct.setActive("b", true)).isTrue();

    assertThat(ct.getActive("p1").orElseThrow().ctInstanceId()).isEqualTo("b");
    assertThat(ct.get("a").orElseThrow().isActive()).isFalse();
    assertThat(ct.getActive("p2").orElseThrow().ctInstanceId())
        .as("another project's instance stays active")
        .isEqualTo("other");

    assertThat(ct.setActive("b", false)).isTrue();
    assertThat(ct.getActive("p1")).isEmpty();
    assertThat(ct.setActive("nope", true)).isFalse();
  }

  @Test
  void aSecondActiveInstanceOfAProjectIsRefusedByTheSchema() {
    ct.insert(new CtInstance("a", "a", DAY, "ref", "p1", true, 7), null, 7_000);
    assertThatThrownBy(
            () -> ct.insert(new CtInstance("b", "b", DAY, "ref", "p1", true, 7), null, 7_000))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(ct.get("b")).isEmpty();
  }

  @Test
  void binsAreListedOldestFirstAndKeptUnlessReplaced() {
    instance("c1", "p1");
    assertThat(ct.putBin("c1", bin(JAN_1 + DAY, "b2"), List.of(), false)).isTrue();
    assertThat(ct.putBin("c1", bin(JAN_1, "b1"), List.of(), false)).isTrue();

    assertThat(ct.putBin("c1", bin(JAN_1, "b1-again"), List.of(), false))
        .as("kept without replace")
        .isFalse();
    assertThat(ct.listBins("c1")).extracting(CtBin::testRunId).containsExactly("b1", "b2");
    assertThat(ct.binStarts("c1")).containsExactly(JAN_1, JAN_1 + DAY);

    assertThat(ct.putBin("c1", bin(JAN_1, "b1-again"), List.of(), true)).isTrue();
    assertThat(ct.listBins("c1")).containsExactly(bin(JAN_1, "b1-again"), bin(JAN_1 + DAY, "b2"));
  }

  @Test
  void aMetricsSeriesIsOneFeatureOrTheOverallValueOverTheBins() {
    instance("c1", "p1");
    ct.putBin(
        "c1",
        bin(JAN_1 + DAY, "b2"),
        List.of(
            new TimeSeriesValue("prediction_psi", null, 0.25),
            new TimeSeriesValue("feature_psi", "age", 0.5),
            new TimeSeriesValue("feature_psi", "fare", 0.0)),
        false);
    ct.putBin(
        "c1",
        bin(JAN_1, "b1"),
        List.of(
            new TimeSeriesValue("prediction_psi", null, 0.125),
            new TimeSeriesValue("feature_psi", "age", null)),
        false);

    assertThat(ct.series("c1", "prediction_psi", null))
        .containsExactly(
            new Point(JAN_1, JAN_1 + DAY, 0.125), new Point(JAN_1 + DAY, JAN_1 + 2 * DAY, 0.25));
    assertThat(ct.series("c1", "feature_psi", "age"))
        .as("an undefined value is a null point")
        .containsExactly(
            new Point(JAN_1, JAN_1 + DAY, null), new Point(JAN_1 + DAY, JAN_1 + 2 * DAY, 0.5));
    assertThat(ct.series("c1", "feature_psi", "fare"))
        .containsExactly(new Point(JAN_1 + DAY, JAN_1 + 2 * DAY, 0.0));
    assertThat(ct.series("c1", "feature_psi", null)).as("no overall value").isEmpty();
    assertThat(ct.metrics("c1")).containsExactly("feature_psi", "prediction_psi");
  }

  @Test
  void replacingABinReplacesItsValues() {
    instance("c1", "p1");
    ct.putBin(
        "c1",
        bin(JAN_1, "b1"),
        List.of(
            new TimeSeriesValue("prediction_psi", null, 0.125),
            new TimeSeriesValue("abnormality_rate", "age", 0.5)),
        false);
    ct.putBin(
        "c1",
        bin(JAN_1, "b1-again"),
        List.of(new TimeSeriesValue("prediction_psi", null, 0.375)),
        true);

    assertThat(ct.series("c1", "prediction_psi", null))
        .containsExactly(new Point(JAN_1, JAN_1 + DAY, 0.375));
    assertThat(ct.series("c1", "abnormality_rate", "age")).isEmpty();
  }

  @Test
  void aMetricTwiceInOneBinIsRefusedAndNothingIsStored() {
    instance("c1", "p1");
    assertThatThrownBy(
            () ->
                ct.putBin(
                    "c1",
                    bin(JAN_1, "b1"),
                    List.of(
                        new TimeSeriesValue("feature_psi", "age", 0.1),
                        new TimeSeriesValue("feature_psi", "age", 0.2)),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feature_psi of feature age twice");
    assertThat(ct.listBins("c1")).isEmpty();
  }

  @Test
  void nonFiniteValuesAreStoredAsUndefined() {
    instance("c1", "p1");
    ct.putBin(
        "c1",
        bin(JAN_1, "b1"),
        List.of(new TimeSeriesValue("prediction_psi", null, Double.NaN)),
        false);
    assertThat(ct.series("c1", "prediction_psi", null))
        .containsExactly(new Point(JAN_1, JAN_1 + DAY, null));
  }

  @Test
  void whatAJobDidIsStoredWithItsListsAndReadBack() {
    instance("c1", "p1");
    ContinuousTestRun run =
        new ContinuousTestRun(
            "j1",
            "c1",
            "incremental",
            "ts",
            1000,
            2,
            java.util.Arrays.asList("not a date", null),
            List.of(JAN_1 + DAY),
            List.of(JAN_1));
    ct.insertRun(run);
    assertThat(ct.getRun("j1")).contains(run);
    assertThat(ct.getRun("j2")).isEmpty();
  }
}
