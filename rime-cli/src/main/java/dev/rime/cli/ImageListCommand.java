// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.ManagedImage;
import dev.rime.api.PipLibraryFilter;
import dev.rime.api.PipRequirement;
import dev.rime.sdk.ManagedImagePage;
import dev.rime.sdk.RimeClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rime image list}: images with the given libraries installed. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List managed images, optionally those with given libraries installed.")
final class ImageListCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Option(
      names = "--library",
      description = "Keep images with this library installed: NAME or NAME==VERSION; repeatable.")
  List<String> libraries = new ArrayList<>();

  @Option(names = "--page-size", defaultValue = "100", description = "Images per page.")
  int pageSize;

  @Option(names = "--page-token", description = "Token of the page to show (printed after a page).")
  String pageToken;

  @Override
  public Integer call() {
    List<PipLibraryFilter> filters = new ArrayList<>();
    for (String l : libraries) {
      try {
        PipLibraryFilter f = PipLibraryFilter.parse(l);
        filters.add(RimeClient.pipLibraryFilter(f.name(), f.version()));
      } catch (IllegalArgumentException e) {
        throw new Errors.UserError("--library " + l + ": " + e.getMessage());
      }
    }
    ManagedImagePage page = connection.client().listManagedImages(filters, pageToken, pageSize);
    System.out.printf(
        Locale.ROOT, "%-32s  %-26s  %-6s  %s%n", "NAME", "STATUS", "PYTHON", "REQUIREMENTS");
    for (ManagedImage i : page.images()) {
      System.out.printf(
          Locale.ROOT,
          "%-32s  %-26s  %-6s  %s%n",
          i.name(),
          i.status(),
          i.pythonVersion() == null ? "" : i.pythonVersion(),
          i.pipRequirements().stream().map(PipRequirement::toPip).collect(Collectors.joining(" ")));
    }
    if (page.hasNextPage()) {
      System.out.println("next page: --page-token " + page.nextPageToken());
    }
    return 0;
  }
}
