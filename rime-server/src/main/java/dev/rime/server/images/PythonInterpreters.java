// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Finds the python a managed image's environment is made from: the default one ({@code
 * $RIME_IMAGE_PYTHON}, else {@code python3} on the PATH) or, for a requested version X.Y, {@code
 * pythonX.Y} on the PATH. Each is asked for its real executable and version, so a launcher shim
 * that cannot run that version is not taken for one.
 */
public final class PythonInterpreters {

  /** The python images are made from unless a version is asked for. */
  public static final String DEFAULT_ENV = "RIME_IMAGE_PYTHON";

  private static final Pattern VERSION = Pattern.compile("3\\.\\d{1,2}");

  /** A python: its executable and version X.Y. */
  public record Interpreter(Path executable, String version) {}

  private final String defaultCommand;

  /** {@code $RIME_IMAGE_PYTHON}, else {@code python3}. */
  public PythonInterpreters() {
    this(
        System.getenv(DEFAULT_ENV) == null || System.getenv(DEFAULT_ENV).isBlank()
            ? "python3"
            : System.getenv(DEFAULT_ENV).trim());
  }

  public PythonInterpreters(String defaultCommand) {
    this.defaultCommand = defaultCommand;
  }

  /** Whether {@code version} is written X.Y (3.x). */
  public static boolean isVersion(String version) {
    return version != null && VERSION.matcher(version).matches();
  }

  /**
   * The python for {@code version} (null: the default one).
   *
   * @throws IllegalArgumentException with a message saying what was tried, when there is none
   */
  public Interpreter find(String version) {
    Optional<Interpreter> fallback = probe(defaultCommand);
    if (version == null) {
      return fallback.orElseThrow(
          () ->
              new IllegalArgumentException(
                  "no python to build managed images with: '"
                      + defaultCommand
                      + "' does not run; install Python 3 or set "
                      + DEFAULT_ENV));
    }
    if (fallback.isPresent() && fallback.get().version().equals(version)) {
      return fallback.get();
    }
    return probe("python" + version)
        .filter(i -> i.version().equals(version))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no Python "
                        + version
                        + " on this server: python"
                        + version
                        + " is not on the PATH or does not run"
                        + fallback.map(i -> "; the default python is " + i.version()).orElse("")));
  }

  private static Optional<Interpreter> probe(String command) {
    try {
      Process p =
          new ProcessBuilder(
                  List.of(
                      command,
                      "-c",
                      "import sys; print(sys.executable); print('%d.%d' % sys.version_info[:2])"))
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String[] lines = out.strip().split("\n");
      if (p.exitValue() != 0 || lines.length != 2 || !isVersion(lines[1].trim())) {
        return Optional.empty();
      }
      return Optional.of(new Interpreter(Path.of(lines[0].trim()), lines[1].trim()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
