// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rime image delete}. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete a managed image (its build stops; its environment is removed).")
final class ImageDeleteCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", description = "Image name.")
  String name;

  @Override
  public Integer call() {
    connection.client().deleteManagedImage(name);
    System.out.println("deleted managed image " + name);
    return 0;
  }
}
