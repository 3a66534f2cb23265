// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.ManagedImage;
import dev.rime.api.PipLibrary;
import dev.rime.api.PipRequirement;
import dev.rime.sdk.RimeClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rime image get}: one image, its requirements and installed libraries. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Show a managed image; --wait follows its build with a progress bar.")
final class ImageGetCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", description = "Image name.")
  String name;

  @Option(names = "--wait", description = "Wait for its build to end first.")
  boolean waitForEnd;

  @Override
  public Integer call() throws InterruptedException {
    RimeClient client = connection.client();
    if (waitForEnd) {
      ImageCreateCommand.waitFor(client.getImageBuilder(name));
    }
    ManagedImage i = client.getManagedImage(name);
    System.out.println("name:            " + i.name());
    System.out.println("status:          " + i.status());
    System.out.println("python version:  " + i.pythonVersion());
    System.out.println("runner version:  " + (i.runnerVersion() == null ? "" : i.runnerVersion()));
    if (i.errorMessage() != null) {
      System.out.println("error:           " + i.errorMessage());
    }
    System.out.println("requirements:");
    for (PipRequirement r : i.pipRequirements()) {
      System.out.println("  " + r.toPip());
    }
    System.out.println("installed libraries:");
    for (PipLibrary l : i.pipLibraries()) {
      System.out.println("  " + l.name() + "==" + l.version());
    }
    return 0;
  }
}
