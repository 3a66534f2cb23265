// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.PipLibrary;
import org.junit.jupiter.api.Test;

class VenvBuildTest {

  @Test
  void aFailureSaysPipsErrorLines() {
    String output =
        "Looking in links: /opt/wheels\n"
            + "ERROR: Could not find a version that satisfies the requirement x==9 (from versions: 1)\n"
            + "ERROR: No matching distribution found for x==9\n";
    assertThat(VenvBuild.errors(output))
        .isEqualTo(
            "ERROR: Could not find a version that satisfies the requirement x==9 (from versions: 1)\n"
                + "ERROR: No matching distribution found for x==9");
  }

  @Test
  void withoutErrorLinesTheLastTenLinesAreShown() {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      out.append("line ").append(i).append('\n');
    }
    assertThat(VenvBuild.errors(out.toString())).startsWith("line 3\n").endsWith("line 12");
    assertThat(VenvBuild.errors("")).isEqualTo("no output");
  }

  @Test
  void readsPipListsJsonLine() throws Exception {
    assertThat(
            VenvBuild.parseList(
                "[notice] something\n[{\"name\": \"numpy\", \"version\": \"2.4.6\"}]\n"))
        .containsExactly(new PipLibrary("numpy", "2.4.6"));
    assertThatThrownBy(() -> VenvBuild.parseList("no list here"))
        .isInstanceOf(VenvBuild.BuildFailed.class)
        .hasMessageContaining("pip list printed no list");
  }
}
