// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFolderTest {

  @TempDir Path dir;

  @Test
  void namesAreTheProtocols() {
    assertThat(JobFolder.CONFIG).isEqualTo("config.json");
    assertThat(JobFolder.PROGRESS).isEqualTo("progress.json");
    assertThat(JobFolder.RESULT).isEqualTo("result.json");
    assertThat(JobFolder.EXIT).isEqualTo("exit.json");
    assertThat(JobFolder.LOG).isEqualTo("job.log");
  }

  @Test
  void writesThenReplacesWithoutLeavingTheTempFile() throws IOException {
    Path target = dir.resolve(JobFolder.PROGRESS);
    JobFolder.writeAtomically(target, "{\"tests_completed\": 0}");
    assertThat(target).hasContent("{\"tests_completed\": 0}");
    JobFolder.writeAtomically(target, "{\"tests_completed\": 1, \"name\": \"Zürich ✓\"}");
    assertThat(Files.readString(target))
        .isEqualTo("{\"tests_completed\": 1, \"name\": \"Zürich ✓\"}");
    assertThat(dir.resolve("progress.json.tmp")).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aMissingFolderIsAnIoException() {
    assertThatThrownBy(
            () -> JobFolder.writeAtomically(dir.resolve("nope").resolve(JobFolder.EXIT), "{}"))
        .isInstanceOf(IOException.class);
  }
}
