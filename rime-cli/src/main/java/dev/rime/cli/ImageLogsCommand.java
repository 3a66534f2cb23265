// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.sdk.ImageBuilder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rime image logs}: the log of an image's latest build. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Print the log of a managed image's latest build (pip's output).")
final class ImageLogsCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", description = "Image name.")
  String name;

  @Option(names = "--tail", description = "Only the last this many lines.")
  Integer tail;

  @Override
  public Integer call() {
    ImageBuilder builder = connection.client().getImageBuilder(name);
    System.out.print(tail == null ? builder.getLogs() : builder.getLogs(tail));
    return 0;
  }
}
