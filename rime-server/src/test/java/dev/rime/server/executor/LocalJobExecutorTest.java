// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.Json;
import dev.rime.engine.JobFolder;
import dev.rime.server.store.JobRecord;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJobExecutorTest {

  @Test
  void childrenGetAnAbsoluteClassPath() {
    // java -jar rime.jar gives the relative "rime.jar"; children start in their job folder
    String cwd = Path.of("").toAbsolutePath().toString();
    String cp =
        "rime.jar" + File.pathSeparator + "/opt/lib/a.jar" + File.pathSeparator + "lib/../b.jar";
    assertThat(LocalJobExecutor.Settings.absoluteClassPath(cp))
        .isEqualTo(
            cwd
                + "/rime.jar"
                + File.pathSeparator
                + "/opt/lib/a.jar"
                + File.pathSeparator
                + cwd
                + "/b.jar");
  }

  @Test
  void aJobInAManagedImageGetsTheImagesPythonOrFailsToStartSayingWhy(@TempDir Path tmp)
      throws Exception {
    LocalJobExecutor executor =
        new LocalJobExecutor(
            LocalJobExecutor.Settings.defaults(tmp.resolve("jobs"), new Capacity(1000, 1000))
                .withMainClass(FakeJobMain.class.getName()));
    try {
      JobRecord job =
          JobRecord.pending(
              "j1",
              "p",
              "succeed",
              "{\"run_name\":\"succeed\"}",
              "/base",
              500,
              500,
              "tab",
              null,
              1L);
      assertThatThrownBy(() -> executor.launch(job))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no managed images");

      executor.useManagedImages(
          name -> {
            throw new IllegalStateException(
                "managed image '" + name + "' cannot run jobs: its status is STATUS_REBUILDING");
          });
      assertThatThrownBy(() -> executor.launch(job))
          .hasMessage("managed image 'tab' cannot run jobs: its status is STATUS_REBUILDING");

      executor.useManagedImages(name -> Path.of("/images", name, "venv/bin/python"));
      RunningJob run = executor.launch(job);
      run.exited().get(60, TimeUnit.SECONDS);
      assertThat(
              Json.lenient()
                  .readValue(tmp.resolve("jobs/j1").resolve(JobFolder.CONFIG).toFile(), Json.MAP))
          .containsEntry("python", "/images/tab/venv/bin/python");
    } finally {
      executor.close();
    }
  }
}
