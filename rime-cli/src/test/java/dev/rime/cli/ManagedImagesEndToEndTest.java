// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.CustomImage;
import dev.rime.api.JobStatus;
import dev.rime.api.ManagedImage;
import dev.rime.api.ManagedImageStatus;
import dev.rime.api.PipLibrary;
import dev.rime.sdk.AlreadyExistsException;
import dev.rime.sdk.FailedPreconditionException;
import dev.rime.sdk.ImageBuilder;
import dev.rime.sdk.InvalidArgumentException;
import dev.rime.sdk.ManagedImagePage;
import dev.rime.sdk.NotFoundException;
import dev.rime.sdk.RimeClient;
import dev.rime.sdk.StressTestJob;
import dev.rime.sdk.StressTestOptions;
import dev.rime.server.RimeServer;
import dev.rime.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managed images end to end, through the Java SDK and the CLI, against a real server that builds
 * real environments from PyPI: two images with different pinned versions of a small pure-Python
 * library (tabulate 0.8.10 and 0.9.0, no dependencies) built side by side, found by filters on that
 * library; a stress test whose Python model imports the library succeeds in its image and fails
 * clearly without it; an unsatisfiable requirement ends FAILED with pip's message.
 */
class ManagedImagesEndToEndTest {

  @TempDir static Path tmp;
  static RimeServer server;
  static RimeClient client;
  static ByteArrayOutputStream printed = new ByteArrayOutputStream();
  static ManagedImage old;
  static ManagedImage recent;
  static ImageBuilder impossible;

  @BeforeAll
  static void buildImages() throws IOException {
    server = RimeServer.start(ServerConfig.defaults(tmp.resolve("data")).withPort(0));
    String key = Files.readString(server.adminKeyFile()).trim();
    client =
        RimeClient.builder()
            .address(server.url())
            .apiKey(key)
            .out(new PrintStream(printed, true, StandardCharsets.UTF_8))
            .build();
    // both builds run side by side (the server builds two at once), in folders of their own
    ImageBuilder a =
        client.createManagedImage(
            "tabulate-old", List.of(RimeClient.pipRequirement("tabulate", "==0.8.10")));
    ImageBuilder b =
        client.createManagedImage(
            "tabulate-new", List.of(RimeClient.pipRequirement("tabulate", "==0.9.0")));
    assertThat(a.getStatus().status()).isEqualTo(ManagedImageStatus.STATUS_BUILDING_FIRST_TIME);
    old = a.getStatus(true, true, 0.5);
    recent = b.getStatus(false, true, 0.5);
    impossible =
        client.createManagedImage(
            "impossible", List.of(RimeClient.pipRequirement("tabulate", "==0.0.99")));
    impossible.getStatus(false, true, 0.5);
  }

  @AfterAll
  static void stop() {
    server.scheduler().stopRunningJobs();
    server.close();
  }

  @Test
  void imagesBuiltSideBySideAreReadyWithTheirOwnLibraries() {
    assertThat(old.status()).as(old.errorMessage()).isEqualTo(ManagedImageStatus.STATUS_READY);
    assertThat(recent.status())
        .as(recent.errorMessage())
        .isEqualTo(ManagedImageStatus.STATUS_READY);
    assertThat(old.pipLibraries()).contains(new PipLibrary("tabulate", "0.8.10"));
    assertThat(recent.pipLibraries()).contains(new PipLibrary("tabulate", "0.9.0"));
    // the runner's libraries at the versions python/runner/requirements.txt pins
    for (ManagedImage i : List.of(old, recent)) {
      assertThat(i.pipLibraries())
          .contains(new PipLibrary("numpy", "2.4.6"), new PipLibrary("pandas", "3.1.1"));
      assertThat(i.pythonVersion()).matches("3\\.\\d+");
      assertThat(i.runnerVersion()).hasSize(16);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Status: STATUS_READY");
    assertThat(client.hasManagedImage("tabulate-old", true)).isTrue();
    assertThat(client.hasManagedImage("impossible", false)).isTrue();
    assertThat(client.hasManagedImage("impossible", true)).isFalse();
    assertThat(client.hasManagedImage("nope", false)).isFalse();
  }

  @Test
  void filtersFindTheImageWithThatLibraryAndVersionOnly() {
    assertThat(
            names(
                client.listManagedImages(
                    List.of(RimeClient.pipLibraryFilter("tabulate", "0.8.10")))))
        .containsExactly("tabulate-old");
    assertThat(
            names(
                client.listManagedImages(
                    List.of(RimeClient.pipLibraryFilter("tabulate", "0.9.0")))))
        .containsExactly("tabulate-new");
    assertThat(
            names(
                client.listManagedImages(
                    List.of(RimeClient.pipLibraryFilter("tabulate", "0.8.9")))))
        .isEmpty();
    assertThat(
            names(
                client.listManagedImages(
                    List.of(
                        RimeClient.pipLibraryFilter("Tabulate"),
                        RimeClient.pipLibraryFilter("numpy", "2.4.6")))))
        .containsExactly("tabulate-new", "tabulate-old");
    // the failed image has no libraries, so only an unfiltered list shows it
    assertThat(names(client.listManagedImages(List.of())))
        .containsExactly("impossible", "tabulate-new", "tabulate-old");
  }

  @Test
  void pagesFollowTheirTokenWithTheFirstCallsFilters() {
    List<String> seen = new ArrayList<>();
    ManagedImagePage page =
        client.listManagedImages(List.of(RimeClient.pipLibraryFilter("tabulate")), null, 1);
    seen.addAll(names(page));
    assertThat(page.hasNextPage()).isTrue();
    page = client.listManagedImages(null, page.nextPageToken(), 1);
    seen.addAll(names(page));
    assertThat(page.hasNextPage()).isFalse();
    assertThat(seen).containsExactly("tabulate-new", "tabulate-old");

    String token =
        client
            .listManagedImages(List.of(RimeClient.pipLibraryFilter("tabulate")), null, 1)
            .nextPageToken();
    assertThatThrownBy(
            () -> client.listManagedImages(List.of(RimeClient.pipLibraryFilter("numpy")), token, 1))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("other pip_library filters");
  }

  @Test
  void anUnsatisfiableRequirementEndsFailedWithPipsMessage() {
    ManagedImage failed = impossible.getStatus();
    assertThat(failed.status()).isEqualTo(ManagedImageStatus.STATUS_FAILED);
    assertThat(failed.errorMessage())
        .contains("No matching distribution found for tabulate==0.0.99");
    assertThat(failed.pipLibraries()).isEmpty();
    assertThat(impossible.getLogs())
        .contains("ERROR: Could not find a version that satisfies the requirement tabulate==0.0.99")
        .contains("[rime] build failed");
    assertThat(impossible.getLogs(1).lines().count()).isEqualTo(1);
    ByteArrayOutputStream verbose = new ByteArrayOutputStream();
    RimeClient.builder()
        .address(server.url())
        .apiKey(apiKey())
        .out(new PrintStream(verbose, true, StandardCharsets.UTF_8))
        .build()
        .getImageBuilder("impossible")
        .getStatus(true, false, 0);
    assertThat(verbose.toString(StandardCharsets.UTF_8))
        .contains("Status: STATUS_FAILED")
        .contains("Error: installing the requirements failed (exit code 1)")
        .contains("Build log (last 30 lines):")
        .contains("[rime] build failed");
  }

  @Test
  void aPythonModelImportingTheLibraryRunsInItsImageAndFailsClearlyWithout() throws IOException {
    Map<String, Object> config = modelConfig(tmp.resolve("model"));
    StressTestJob inImage =
        client.startStressTest(
            config,
            StressTestOptions.builder()
                .rimeManagedImage("tabulate-old")
                .ramRequestMegabytes(1000)
                .cpuRequestMillicores(1000)
                .build());
    StressTestJob withoutImage =
        client.startStressTest(
            config,
            StressTestOptions.builder()
                .ramRequestMegabytes(1000)
                .cpuRequestMillicores(1000)
                .build());
    assertThat(inImage.getStatus(false, true, 0.3).status())
        .as(() -> inImage.job().errorMessage() + "\n" + inImage.getLogs(40))
        .isEqualTo(JobStatus.SUCCEEDED);
    assertThat(inImage.getTestCasesResult().testCases()).isNotEmpty();

    assertThat(withoutImage.getStatus(false, true, 0.3).status()).isEqualTo(JobStatus.FAILING);
    assertThat(withoutImage.job().errorMessage())
        .contains("ModuleNotFoundError")
        .contains("No module named 'tabulate'");
  }

  @Test
  void jobsNamingAnImageThatIsNotReadyOrMissingFailFast() throws IOException {
    Map<String, Object> config = modelConfig(tmp.resolve("model-refused"));
    assertThatThrownBy(
            () ->
                client.startStressTest(
                    config, StressTestOptions.builder().rimeManagedImage("impossible").build()))
        .isInstanceOf(FailedPreconditionException.class)
        .hasMessageContaining("status is STATUS_FAILED")
        .hasMessageContaining("tabulate==0.0.99");
    assertThatThrownBy(
            () ->
                client.startStressTest(
                    config, StressTestOptions.builder().rimeManagedImage("nope").build()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("managed image 'nope' does not exist");
    assertThatThrownBy(
            () ->
                client.startStressTest(
                    config,
                    StressTestOptions.builder()
                        .customImage(CustomImage.of("company/engine-with-xgboost:1"))
                        .build()))
        .isInstanceOf(FailedPreconditionException.class)
        .hasMessageContaining("cannot run the container image 'company/engine-with-xgboost:1'");
  }

  @Test
  void createRefusesBadNamesRequirementsAndDuplicates() {
    assertThatThrownBy(() -> client.createManagedImage("Bad Name", List.of()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("is not valid")
        .extracting(e -> ((InvalidArgumentException) e).field())
        .isEqualTo("name");
    assertThatThrownBy(() -> client.createManagedImage("tabulate-old", List.of()))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> RimeClient.pipRequirement("tabulate", "0.8.10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PEP 440 specifier");
    assertThatThrownBy(() -> RimeClient.pipRequirement("--index-url=http://evil", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a library name");
    assertThatThrownBy(() -> client.createManagedImage("py-none", List.of(), "3.99"))
        .isInstanceOf(FailedPreconditionException.class)
        .hasMessageContaining("no Python 3.99 on this server");
    assertThat(client.hasManagedImage("py-none", false)).isFalse();
  }

  @Test
  void theCliListsShowsAndDeletesImages() {
    String[] conn = {"--server", server.url(), "--api-key", apiKey()};
    Cli.Result list =
        Cli.run(concat(new String[] {"image", "list", "--library", "tabulate==0.9.0"}, conn));
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out())
        .contains("tabulate-new")
        .contains("STATUS_READY")
        .doesNotContain("tabulate-old");

    Cli.Result get = Cli.run(concat(new String[] {"image", "get", "tabulate-old"}, conn));
    assertThat(get.out()).contains("status:          STATUS_READY").contains("  tabulate==0.8.10");

    Cli.Result failing =
        Cli.run(
            concat(
                new String[] {
                  "image", "create", "cli-impossible", "--pip", "tabulate==0.0.98", "--wait"
                },
                conn));
    assertThat(failing.exitCode()).isEqualTo(1);
    assertThat(failing.out())
        .contains("Managed image cli-impossible is STATUS_FAILED")
        .contains("No matching distribution found for tabulate==0.0.98");

    Cli.Result badPip =
        Cli.run(concat(new String[] {"image", "create", "x", "--pip", "tabulate=0.1"}, conn));
    assertThat(badPip.exitCode()).isEqualTo(2);
    assertThat(badPip.err()).contains("--pip tabulate=0.1");

    assertThat(Cli.run(concat(new String[] {"image", "delete", "cli-impossible"}, conn)).exitCode())
        .isZero();
    assertThat(client.hasManagedImage("cli-impossible", false)).isFalse();
    Cli.Result again = Cli.run(concat(new String[] {"image", "delete", "cli-impossible"}, conn));
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("managed image 'cli-impossible' does not exist");
  }

  private static String apiKey() {
    try {
      return Files.readString(server.adminKeyFile()).trim();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static List<String> names(ManagedImagePage page) {
    return page.images().stream().map(ManagedImage::name).toList();
  }

  /**
   * A binary-classification config whose Python model imports tabulate (any version) and scores
   * {@code x}; 200 reference and 200 evaluation rows.
   */
  private static Map<String, Object> modelConfig(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("model.py"),
        String.join(
            "\n",
            "import numpy as np",
            "import tabulate  # only in the managed image",
            "",
            "def predict_df(df):",
            "    return np.clip(df['x'].to_numpy(dtype=float), 0.0, 1.0)",
            ""));
    for (String set : List.of("ref", "eval")) {
      StringBuilder csv = new StringBuilder("x,color,label\n");
      for (int i = 0; i < 200; i++) {
        double x = ((i * 37) % 200) / 200.0;
        csv.append(x).append(',').append(i % 3 == 0 ? "red" : "blue").append(',');
        csv.append(x > 0.5 ? 1 : 0).append('\n');
      }
      Files.writeString(dir.resolve(set + ".csv"), csv.toString());
    }
    Map<String, Object> dataInfo = new LinkedHashMap<>();
    dataInfo.put("label_col", "label");
    dataInfo.put("ref_path", dir.resolve("ref.csv").toString());
    dataInfo.put("eval_path", dir.resolve("eval.csv").toString());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("run_name", "tabulate model");
    config.put("data_info", dataInfo);
    config.put("model_info", Map.of("path", dir.resolve("model.py").toString()));
    config.put("model_task", "Binary Classification");
    return config;
  }
}
