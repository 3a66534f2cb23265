// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.ManagedImage;
import dev.rime.api.ManagedImageStatus;
import dev.rime.server.TestServer;
import dev.rime.server.executor.Capacity;
import dev.rime.server.store.Database;
import dev.rime.server.store.ManagedImageRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds across server stops, with real pip builds: a stop during a build leaves the image building
 * (never READY), and the next start builds it again from the start in a new folder; an image built
 * for another runner version becomes OUTDATED and is rebuilt; deleting an image stops its build.
 */
class ImageBuildsRestartTest {

  @TempDir Path tmp;

  static final Map<String, Object> TABULATE =
      Map.of(
          "name",
          "tab",
          "pip_requirements",
          List.of(Map.of("name", "tabulate", "version_specifier", "==0.8.10")));

  @Test
  void aStopDuringABuildBuildsAgainAndAnOutdatedImageIsRebuilt() throws Exception {
    Path data = tmp.resolve("data");
    try (TestServer a = TestServer.withFakeEngine(data, new Capacity(1000, 1000))) {
      a.post("/v1/images", TABULATE).expect(201);
      waitFor(() -> log(a, "tab").contains("[rime] installing the requirements"));
    } // stops the build half-way
    try (Database db = Database.sqlite(data)) {
      ManagedImageRecord left = db.managedImages().get("tab").orElseThrow();
      assertThat(left.status()).isEqualTo(ManagedImageStatus.STATUS_BUILDING_FIRST_TIME);
      assertThat(left.pythonPath()).isNull();
      assertThat(left.libraries()).isEmpty();
    }

    try (TestServer b = TestServer.withFakeEngine(data, new Capacity(1000, 1000))) {
      ManagedImage ready = waitUntilBuilt(b, "tab");
      assertThat(ready.status())
          .as(ready.errorMessage())
          .isEqualTo(ManagedImageStatus.STATUS_READY);
      assertThat(log(b, "tab")).contains("was interrupted by a server stop");
      assertThat(ready.runnerVersion()).isEqualTo(RunnerEnvironment.fromEngine().version());
      try (Stream<Path> builds = Files.list(data.resolve("images").resolve("tab"))) {
        assertThat(builds.count()).as("build folders").isEqualTo(1);
      }
      // as if an older RIME had built it
      b.server
          .database()
          .db()
          .call(
              h ->
                  h.execute(
                      "UPDATE managed_images SET runner_version = 'older' WHERE name = 'tab'"));
    }

    try (TestServer c = TestServer.withFakeEngine(data, new Capacity(1000, 1000))) {
      ManagedImageStatus first = image(c, "tab").status();
      assertThat(first)
          .isIn(ManagedImageStatus.STATUS_OUTDATED, ManagedImageStatus.STATUS_REBUILDING);
      ManagedImage rebuilt = waitUntilBuilt(c, "tab");
      assertThat(rebuilt.status()).isEqualTo(ManagedImageStatus.STATUS_READY);
      assertThat(rebuilt.runnerVersion()).isEqualTo(RunnerEnvironment.fromEngine().version());
      assertThat(log(c, "tab")).contains("rebuilding for model runner").contains("(was older)");
      assertThat(rebuilt.pipLibraries())
          .extracting(l -> l.name() + "==" + l.version())
          .contains("tabulate==0.8.10");
    }
  }

  @Test
  void deletingAnImageStopsItsBuildAndRemovesItsFiles() throws Exception {
    Path data = tmp.resolve("data");
    try (TestServer s = TestServer.withFakeEngine(data, new Capacity(1000, 1000))) {
      s.post("/v1/images", TABULATE).expect(201);
      waitFor(() -> log(s, "tab").contains("[rime] installing the requirements"));
      assertThat(s.send("DELETE", "/v1/images/tab", null, s.adminKey).expect(200).json())
          .containsEntry("status", "STATUS_BUILDING_FIRST_TIME");
      s.get("/v1/images/tab").expect(404);
      assertThat(data.resolve("images").resolve("tab")).doesNotExist();
      Thread.sleep(1000);
      s.get("/v1/images/tab").expect(404);
      assertThat(data.resolve("images").resolve("tab")).doesNotExist();
    }
  }

  @Test
  void requestsAreCheckedFieldByField() throws Exception {
    try (TestServer s = TestServer.withFakeEngine(tmp.resolve("data"), new Capacity(1000, 1000))) {
      assertThat(s.post("/v1/images", Map.of("name", "9lives")).expect(400).json())
          .containsEntry("field", "name");
      assertThat(s.post("/v1/images", Map.of("name", "a__b")).expect(400).json())
          .containsEntry("field", "name");
      assertThat(
              s.post(
                      "/v1/images",
                      Map.of(
                          "name",
                          "ok",
                          "pip_requirements",
                          List.of(
                              Map.of("name", "numpy"),
                              Map.of("name", "x", "version_specifier", "=1"))))
                  .expect(400)
                  .json())
          .containsEntry("field", "pip_requirements[1].version_specifier");
      assertThat(
              s.post(
                      "/v1/images",
                      Map.of(
                          "name",
                          "ok",
                          "pip_requirements",
                          List.of(Map.of("name", "Scikit_Learn"), Map.of("name", "scikit-learn"))))
                  .expect(400)
                  .json())
          .containsEntry("field", "pip_requirements[1].name");
      assertThat(
              s.post("/v1/images", Map.of("name", "ok", "python_version", "three"))
                  .expect(400)
                  .json())
          .containsEntry("field", "python_version");
      assertThat(s.post("/v1/images", Map.of("name", "ok", "colour", "red")).expect(400).json())
          .containsEntry("field", "colour");
      assertThat(s.get("/v1/images?page_size=0").expect(400).json())
          .containsEntry("field", "page_size");
      assertThat(s.get("/v1/images?page_token=garbage").expect(400).json())
          .containsEntry("field", "page_token");
      assertThat(s.get("/v1/images?pip_library==1.0").expect(400).json())
          .containsEntry("field", "pip_library");
      s.get("/v1/images/nope/logs").expect(404);
      assertThat(s.get("/v1/images").expect(200).json()).containsEntry("next_page_token", "");
    }
  }

  private static ManagedImage image(TestServer s, String name) {
    return s.get("/v1/images/" + name).expect(200).as(ManagedImage.class);
  }

  private static String log(TestServer s, String name) {
    return s.get("/v1/images/" + name + "/logs").expect(200).body();
  }

  private static ManagedImage waitUntilBuilt(TestServer s, String name) throws Exception {
    waitFor(
        () ->
            !image(s, name).status().isBuilding()
                && image(s, name).status() != ManagedImageStatus.STATUS_OUTDATED);
    return image(s, name);
  }

  private static void waitFor(java.util.function.BooleanSupplier done) throws Exception {
    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(200);
    }
  }
}
