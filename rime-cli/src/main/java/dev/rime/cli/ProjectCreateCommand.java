// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.sdk.RimeProject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rime project create}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create a project; prints its id.")
final class ProjectCreateCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Option(names = "--name", required = true, description = "Project name.")
  String name;

  @Option(names = "--description", defaultValue = "", description = "A short blurb.")
  String description;

  @Override
  public Integer call() {
    RimeProject p = connection.client().createProject(name, description);
    System.out.println(p.projectId());
    return 0;
  }
}
