// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.ManagedImageStatus;
import dev.rime.api.PipLibrary;
import dev.rime.api.PipLibraryFilter;
import dev.rime.api.PipRequirement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class ManagedImageStoreTest extends StoreTestBase {

  ManagedImageStore images;

  @BeforeEach
  void setUp() {
    images = database.managedImages();
  }

  private ManagedImageRecord building(String name, String buildId) {
    ManagedImageRecord r =
        ManagedImageRecord.building(
            name,
            List.of(new PipRequirement("xgboost", "==1.0.2"), PipRequirement.of("tensorflow")),
            "3.11",
            buildId,
            5_000L);
    images.insert(r);
    return r;
  }

  private void ready(String name, String buildId, PipLibrary... libraries) {
    assertThat(
            images.markReady(
                name,
                buildId,
                "/images/" + name + "/venv/bin/python",
                "r1",
                List.of(libraries),
                9_000L))
        .isTrue();
  }

  @Test
  void storesANewImageBuildingForTheFirstTime() {
    ManagedImageRecord r = building("xgb", "b1");
    assertThat(images.get("xgb")).contains(r);
    assertThat(images.get("xgb").orElseThrow().toApi().status())
        .isEqualTo(ManagedImageStatus.STATUS_BUILDING_FIRST_TIME);
    assertThat(images.get("other")).isEmpty();
  }

  @Test
  void aDuplicateNameIsRefusedAndTheFirstImageKept() {
    building("xgb", "b1");
    assertThatThrownBy(() -> building("xgb", "b2")).isInstanceOf(DuplicateKeyException.class);
    assertThat(images.get("xgb").orElseThrow().buildId()).isEqualTo("b1");
  }

  @Test
  void readyRecordsPythonRunnerAndLibrariesOfTheCurrentBuildOnly() {
    building("xgb", "b1");
    assertThat(images.markReady("xgb", "old", "/x", "r1", List.of(), 6_000L)).isFalse();
    ready("xgb", "b1", new PipLibrary("numpy", "2.4.6"), new PipLibrary("XGBoost", "1.0.2"));
    ManagedImageRecord r = images.get("xgb").orElseThrow();
    assertThat(r.status()).isEqualTo(ManagedImageStatus.STATUS_READY);
    assertThat(r.pythonPath()).isEqualTo("/images/xgb/venv/bin/python");
    assertThat(r.runnerVersion()).isEqualTo("r1");
    assertThat(r.updatedAtMillis()).isEqualTo(9_000L);
    assertThat(r.libraries())
        .containsExactly(new PipLibrary("numpy", "2.4.6"), new PipLibrary("XGBoost", "1.0.2"));
  }

  @Test
  void failedClearsPythonAndLibraries() {
    building("xgb", "b1");
    ready("xgb", "b1", new PipLibrary("numpy", "2.4.6"));
    assertThat(
            images.restartBuild("xgb", "b1", ManagedImageStatus.STATUS_REBUILDING, "b2", 10_000L))
        .isTrue();
    assertThat(images.markFailed("xgb", "b1", "stale", 11_000L)).isFalse();
    assertThat(images.markFailed("xgb", "b2", "ERROR: No matching distribution", 12_000L)).isTrue();
    ManagedImageRecord r = images.get("xgb").orElseThrow();
    assertThat(r.status()).isEqualTo(ManagedImageStatus.STATUS_FAILED);
    assertThat(r.errorMessage()).isEqualTo("ERROR: No matching distribution");
    assertThat(r.pythonPath()).isNull();
    assertThat(r.libraries()).isEmpty();
  }

  @Test
  void restartingABuildNeedsTheExpectedBuildId() {
    building("xgb", "b1");
    assertThat(
            images.restartBuild("xgb", "zz", ManagedImageStatus.STATUS_REBUILDING, "b2", 10_000L))
        .isFalse();
    assertThat(
            images.restartBuild(
                "xgb", "b1", ManagedImageStatus.STATUS_BUILDING_FIRST_TIME, "b2", 10_000L))
        .isTrue();
    assertThat(images.get("xgb").orElseThrow().buildId()).isEqualTo("b2");
    assertThatThrownBy(
            () -> images.restartBuild("xgb", "b2", ManagedImageStatus.STATUS_READY, "b3", 1L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyAReadyImageOfAnotherRunnerVersionBecomesOutdated() {
    building("a", "b1");
    ready("a", "b1");
    building("b", "b1");
    assertThat(images.markOutdated("a", "r1", 10_000L)).isFalse();
    assertThat(images.markOutdated("b", "r2", 10_000L)).isFalse();
    assertThat(images.markOutdated("a", "r2", 10_000L)).isTrue();
    assertThat(images.get("a").orElseThrow().status())
        .isEqualTo(ManagedImageStatus.STATUS_OUTDATED);
  }

  @Test
  void filtersMatchTheIntersectionOnNormalizedNamesAndExactVersions() {
    building("both", "b");
    ready("both", "b", new PipLibrary("catboost", "1.0.3"), new PipLibrary("TensorFlow", "2.1"));
    building("cat-only", "b");
    ready("cat-only", "b", new PipLibrary("catboost", "1.0.3"));
    building("old-cat", "b");
    ready(
        "old-cat",
        "b",
        new PipLibrary("catboost", "0.26"),
        new PipLibrary("tensorflow", "2.1"),
        new PipLibrary("typing_extensions", "4.0"));
    building("nothing-yet", "b");

    assertThat(names(List.of())).containsExactly("both", "cat-only", "nothing-yet", "old-cat");
    assertThat(names(List.of(new PipLibraryFilter("catboost", "1.0.3"))))
        .containsExactly("both", "cat-only");
    assertThat(names(List.of(new PipLibraryFilter("catboost", "1.0.4")))).isEmpty();
    assertThat(
            names(
                List.of(
                    new PipLibraryFilter("catboost", "1.0.3"),
                    new PipLibraryFilter("tensorflow", null))))
        .containsExactly("both");
    // pip's name normalization: case and runs of - _ . are the same name
    assertThat(names(List.of(new PipLibraryFilter("TENSORFLOW", null))))
        .containsExactly("both", "old-cat");
    assertThat(names(List.of(new PipLibraryFilter("Typing.Extensions", "4.0"))))
        .containsExactly("old-cat");
  }

  @Test
  void pagesFollowTheNameAfterTheCursor() {
    for (String n : List.of("d", "a", "c", "b")) {
      building(n, "b");
    }
    assertThat(images.list(List.of(), null, 2))
        .extracting(ManagedImageRecord::name)
        .containsExactly("a", "b");
    assertThat(images.list(List.of(), "b", 2))
        .extracting(ManagedImageRecord::name)
        .containsExactly("c", "d");
    assertThat(images.list(List.of(), "d", 2)).isEmpty();
  }

  @Test
  void deleteRemovesTheImageAndItsLibraries() {
    building("xgb", "b1");
    ready("xgb", "b1", new PipLibrary("xgboost", "1.0.2"));
    assertThat(images.delete("xgb")).isTrue();
    assertThat(images.delete("xgb")).isFalse();
    assertThat(images.get("xgb")).isEmpty();
    assertThat(names(List.of(new PipLibraryFilter("xgboost", null)))).isEmpty();
    // the name is free again, and the new image starts without the old one's libraries
    building("xgb", "b2");
    assertThat(images.get("xgb").orElseThrow().libraries()).isEmpty();
    assertThat(images.markReady("xgb", "b1", "/x", "r1", List.of(), 1L)).isFalse();
  }

  private List<String> names(List<PipLibraryFilter> filters) {
    return images.list(filters, null, 100).stream().map(ManagedImageRecord::name).toList();
  }
}
