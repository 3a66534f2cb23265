// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.sdk.RimeProject;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rime project list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List projects.")
final class ProjectListCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Override
  public Integer call() {
    System.out.printf(Locale.ROOT, "%-36s  %-24s  %s%n", "PROJECT ID", "NAME", "DESCRIPTION");
    for (RimeProject p : connection.client().listProjects()) {
      System.out.printf(
          Locale.ROOT,
          "%-36s  %-24s  %s%n",
          p.projectId(),
          p.name() + (p.isDefault() ? " (default)" : ""),
          p.description());
    }
    return 0;
  }
}
