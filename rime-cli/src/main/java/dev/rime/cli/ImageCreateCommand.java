// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.ManagedImage;
import dev.rime.api.ManagedImageStatus;
import dev.rime.api.PipRequirement;
import dev.rime.sdk.ImageBuilder;
import dev.rime.sdk.RimeClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rime image create}: creates a managed image, optionally waits with a progress bar. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create a managed image from pip requirements; prints its name.")
final class ImageCreateCommand implements Callable<Integer> {

  /** The build's steps, as its log names them, in order. */
  static final List<String> STEPS =
      List.of(
          "creating the environment",
          "installing the requirements",
          "listing the installed libraries",
          "checking the runner's libraries import");

  @Mixin Connection connection;

  @Parameters(index = "0", description = "Image name, e.g. xgboost102 (a-z, 0-9, '_' and '-').")
  String name;

  @Option(
      names = "--pip",
      description = "A pip requirement, NAME or NAME<specifier> (e.g. xgboost==1.0.2); repeatable.")
  List<String> pip = new ArrayList<>();

  @Option(names = "--python", description = "Python version X.Y (default: the server's python).")
  String pythonVersion;

  @Option(
      names = "--wait",
      description = "Wait for the build to end, with a progress bar; exit 1 unless it is READY.")
  boolean waitForEnd;

  @Override
  public Integer call() throws InterruptedException {
    List<PipRequirement> requirements = new ArrayList<>();
    for (String p : pip) {
      requirements.add(parse(p));
    }
    RimeClient client = connection.client();
    ImageBuilder builder = client.createManagedImage(name, requirements, pythonVersion);
    System.out.println(builder.name());
    if (!waitForEnd) {
      return 0;
    }
    return waitFor(builder);
  }

  /** Waits for the build with a progress bar of its steps; 0 when READY, else 1. */
  static int waitFor(ImageBuilder builder) throws InterruptedException {
    ManagedImage image = builder.getStatus();
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(builder.name())
            .setInitialMax(STEPS.size())
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .hideEta()
            .build()) {
      while (image.status().isBuilding()) {
        show(bar, image, builder.getLogs());
        Thread.sleep(1000);
        image = builder.getStatus();
      }
      if (image.status() == ManagedImageStatus.STATUS_READY) {
        bar.stepTo(STEPS.size());
      }
      bar.setExtraMessage(image.status().name());
    }
    System.out.println("Managed image " + builder.name() + " is " + image.status());
    if (image.status() != ManagedImageStatus.STATUS_READY) {
      if (image.errorMessage() != null) {
        System.out.println(image.errorMessage());
      }
      System.out.println("Build log: rime image logs " + builder.name());
      return 1;
    }
    System.out.println(image.pipLibraries().size() + " libraries installed");
    return 0;
  }

  private static void show(ProgressBar bar, ManagedImage image, String log) {
    int step = 0;
    String last = "";
    for (String line : log.lines().toList()) {
      for (int i = 0; i < STEPS.size(); i++) {
        if (line.startsWith("[rime] " + STEPS.get(i) + ":")) {
          step = Math.max(step, i);
        }
      }
      if (!line.isBlank() && !line.startsWith("[rime]")) {
        last = line.strip();
      }
    }
    bar.stepTo(step);
    if (last.length() > 50) {
      last = last.substring(0, 47) + "...";
    }
    bar.setExtraMessage(image.status().name() + (last.isEmpty() ? "" : " " + last));
  }

  /** {@code name} or {@code name<specifier>}, e.g. {@code xgboost==1.0.2}. */
  static PipRequirement parse(String value) {
    String v = value.trim();
    int at = 0;
    while (at < v.length() && "=<>!~ ".indexOf(v.charAt(at)) < 0) {
      at++;
    }
    String spec = v.substring(at).trim();
    try {
      return RimeClient.pipRequirement(v.substring(0, at), spec.isEmpty() ? null : spec);
    } catch (IllegalArgumentException e) {
      throw new Errors.UserError("--pip " + value + ": " + e.getMessage());
    }
  }
}
