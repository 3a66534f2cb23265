// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code rime demo}, the README's first command, end to end. */
class DemoCommandTest {

  @Test
  void theDemoRunsTheTitanicExampleAndShowsFailingCases() {
    Path repo = Path.of("").toAbsolutePath().getParent();
    Cli.Result r =
        Cli.run("demo", "--config", repo.resolve("examples/titanic/config.json").toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("Job 'Titanic' started at")
        .contains("tests completed")
        .contains("Status: SUCCEEDED")
        .contains("Run 'Titanic' (Binary Classification)")
        .contains("Failing test cases")
        .contains("Unseen Categorical")
        .contains("embarked");
  }

  @Test
  void byDefaultTheDemoRunsTheTitanicPythonModelWithTransformationsAndAttacks() {
    Path repo = Path.of("").toAbsolutePath().getParent();
    String home = System.getProperty("rime.home");
    System.setProperty("rime.home", repo.toString());
    try {
      Cli.Result r = Cli.run("demo");
      assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
      assertThat(r.out())
          .contains("Status: SUCCEEDED")
          .contains("Run 'Titanic (Python model)' (Binary Classification)")
          .contains("AUC")
          .contains("Test cases by category:")
          .containsPattern("\\n  Transformations +\\d+ +\\d+ +[1-9]\\d* ")
          .containsPattern("\\n  Attacks +[1-9]\\d* ")
          .contains("Null Substitution");
    } finally {
      if (home == null) {
        System.clearProperty("rime.home");
      } else {
        System.setProperty("rime.home", home);
      }
    }
  }
}
