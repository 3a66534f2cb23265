// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rime ct deactivate}. */
@Command(
    name = "deactivate",
    mixinStandardHelpOptions = true,
    description = "Make a CT instance inactive.")
final class CtDeactivateCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", paramLabel = "CT_INSTANCE_ID", description = "The CT instance.")
  String ctInstanceId;

  @Override
  public Integer call() {
    CtCommand.print(connection.client().getCtInstance(ctInstanceId).deactivateCtInstance());
    return 0;
  }
}
