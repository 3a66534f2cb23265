// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
