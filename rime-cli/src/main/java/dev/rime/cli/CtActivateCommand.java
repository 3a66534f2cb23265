// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rime ct activate}. */
@Command(
    name = "activate",
    mixinStandardHelpOptions = true,
    description = "Make a CT instance its project's active one (deactivating the other).")
final class CtActivateCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", paramLabel = "CT_INSTANCE_ID", description = "The CT instance.")
  String ctInstanceId;

  @Override
  public Integer call() {
    CtCommand.print(connection.client().getCtInstance(ctInstanceId).activateCtInstance());
    return 0;
  }
}
