// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunnerEnvironmentTest {

  static final String PINNED =
      "# pins\nnumpy==2.4.6\npandas==3.1.1  # runner\n\nscikit-learn==1.9.1\n";

  @Test
  void readsLibrariesAndPinsWithoutComments() {
    RunnerEnvironment r = RunnerEnvironment.of("print(1)", PINNED, "# libs\nnumpy\npandas\n");
    assertThat(r.libraries()).containsExactly("numpy", "pandas");
    assertThat(r.constraints())
        .containsExactly("numpy==2.4.6", "pandas==3.1.1", "scikit-learn==1.9.1");
  }

  @Test
  void theImagesOwnRequirementsReplaceTheRunnersPinsOfTheSameLibrary() {
    RunnerEnvironment r = RunnerEnvironment.of("", PINNED, "numpy\n");
    // normalized names, as the build passes them: Scikit_Learn is scikit-learn
    assertThat(r.constraintsExcept(Set.of("scikit-learn", "numpy")))
        .containsExactly("pandas==3.1.1");
    assertThat(r.constraintsExcept(Set.of())).hasSize(3);
  }

  @Test
  void theVersionChangesWithTheRunnerOrEitherFile() {
    String v = RunnerEnvironment.of("a", PINNED, "numpy").version();
    assertThat(v).hasSize(16).matches("[0-9a-f]+");
    assertThat(RunnerEnvironment.of("a", PINNED, "numpy").version()).isEqualTo(v);
    for (RunnerEnvironment other :
        List.of(
            RunnerEnvironment.of("b", PINNED, "numpy"),
            RunnerEnvironment.of("a", PINNED + "x==1\n", "numpy"),
            RunnerEnvironment.of("a", PINNED, "pandas"))) {
      assertThat(other.version()).isNotEqualTo(v);
    }
  }

  @Test
  void theEnginesRunnerShipsItsRequirementFiles() {
    RunnerEnvironment r = RunnerEnvironment.fromEngine();
    assertThat(r.libraries()).contains("numpy", "pandas");
    assertThat(r.constraints()).anyMatch(l -> l.startsWith("numpy=="));
  }
}
