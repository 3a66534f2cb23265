// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.images;

import dev.rime.api.Json;
import dev.rime.api.PipLibrary;
import dev.rime.api.PipRequirement;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One build of a managed image into its own folder: {@code python -m venv --without-pip venv}, then
 * the base python's pip installs into it ({@code pip --python venv/bin/python install}) the
 * runner's libraries and the image's requirements, with the runner's pins as constraints; then
 * {@code pip list} records what was installed and the runner's libraries are imported once. Every
 * command and its output go to {@code build.log} in the folder as they run.
 */
final class VenvBuild {

  /** The log of a build, in its folder. */
  static final String LOG = "build.log";

  /** What a successful build made. */
  record Result(Path python, List<PipLibrary> libraries) {}

  /** A build step failed; the message is what to tell the user (pip's errors). */
  static final class BuildFailed extends Exception {
    private static final long serialVersionUID = 1L;

    BuildFailed(String message) {
      super(message);
    }
  }

  /** The build was cancelled (image deleted, server stopping). */
  static final class Cancelled extends Exception {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("cancelled");
    }
  }

  private static final int MAX_MESSAGE = 4000;

  private final Path dir;
  private final Path basePython;
  private final List<PipRequirement> requirements;
  private final RunnerEnvironment runner;
  private final Duration timeout;
  private final Path log;
  private volatile Process current;
  private volatile boolean cancelled;

  VenvBuild(
      Path dir,
      Path basePython,
      List<PipRequirement> requirements,
      RunnerEnvironment runner,
      Duration timeout) {
    this.dir = dir;
    this.basePython = basePython;
    this.requirements = List.copyOf(requirements);
    this.runner = runner;
    this.timeout = timeout;
    this.log = dir.resolve(LOG);
  }

  /** Appends a line of RIME's own to the build log. */
  void note(String line) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        log,
        "[rime] " + line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  Result run() throws BuildFailed, Cancelled, IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Path venv = dir.resolve("venv");
    Path python = venv.resolve("bin").resolve("python");
    note("build started at " + Instant.now() + " with " + basePython);
    step(
        "creating the environment",
        List.of(base(), "-m", "venv", "--without-pip", str(venv)),
        deadline);

    Set<String> named = new LinkedHashSet<>();
    for (PipRequirement r : requirements) {
      named.add(PipRequirement.normalize(r.name()));
    }
    Path constraints = dir.resolve("constraints.txt");
    Files.writeString(
        constraints,
        String.join("\n", runner.constraintsExcept(named)) + "\n",
        StandardCharsets.UTF_8);
    List<String> install =
        new ArrayList<>(
            List.of(
                base(),
                "-m",
                "pip",
                "--python",
                str(python),
                "install",
                "--no-input",
                "--no-compile",
                "--disable-pip-version-check",
                "-c",
                str(constraints)));
    for (String lib : runner.libraries()) {
      if (!named.contains(PipRequirement.normalize(lib))) {
        install.add(lib);
      }
    }
    for (PipRequirement r : requirements) {
      install.add(r.toPip());
    }
    step("installing the requirements", install, deadline);

    String listed =
        step(
            "listing the installed libraries",
            List.of(
                base(),
                "-m",
                "pip",
                "--python",
                str(python),
                "list",
                "--format",
                "json",
                "--disable-pip-version-check"),
            deadline);
    List<PipLibrary> libraries = parseList(listed);

    String imports =
        runner.libraries().stream()
            .filter(l -> l.matches("[A-Za-z_][A-Za-z0-9_]*"))
            .collect(Collectors.joining(", "));
    if (!imports.isEmpty()) {
      step(
          "checking the runner's libraries import",
          List.of(str(python), "-c", "import " + imports),
          deadline);
    }
    note("build succeeded at " + Instant.now() + ": " + libraries.size() + " libraries");
    return new Result(python, libraries);
  }

  /** Stops the running step and makes the build end with {@link Cancelled}. */
  void cancel() {
    cancelled = true;
    Process p = current;
    if (p != null) {
      kill(p);
    }
  }

  /** Runs a command, its output appended to the log; returns that output. */
  private String step(String what, List<String> command, long deadline)
      throws BuildFailed, Cancelled, IOException, InterruptedException {
    if (cancelled) {
      throw new Cancelled();
    }
    note(what + ": " + String.join(" ", command));
    long from = Files.size(log);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = pb.environment();
    env.remove("PYTHONPATH");
    env.remove("PYTHONHOME");
    env.remove("VIRTUAL_ENV");
    env.put("PIP_NO_INPUT", "1");
    env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    Process p = pb.start();
    current = p;
    try {
      p.getOutputStream().close();
      long left = deadline - System.nanoTime();
      boolean ended;
      try {
        ended = left > 0 && p.waitFor(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        kill(p);
        throw e;
      }
      if (!ended) {
        kill(p);
        if (cancelled) {
          throw new Cancelled();
        }
        throw new BuildFailed(
            what
                + " did not finish within the build's time limit of "
                + timeout.toMinutes()
                + " min");
      }
    } finally {
      current = null;
    }
    String output = readFrom(from);
    if (cancelled) {
      throw new Cancelled();
    }
    if (p.exitValue() != 0) {
      note(what + " failed with exit code " + p.exitValue());
      throw new BuildFailed(what + " failed (exit code " + p.exitValue() + "): " + errors(output));
    }
    return output;
  }

  private String readFrom(long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long length = f.length() - offset;
      byte[] bytes = new byte[(int) Math.max(0, Math.min(length, 8L << 20))];
      f.seek(offset);
      f.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** pip's {@code ERROR:} lines, else the output's last lines. */
  static String errors(String output) {
    List<String> lines = output.lines().map(String::stripTrailing).toList();
    List<String> errors = lines.stream().filter(l -> l.startsWith("ERROR:")).toList();
    List<String> chosen =
        errors.isEmpty() ? lines.subList(Math.max(0, lines.size() - 10), lines.size()) : errors;
    String message = String.join("\n", chosen).strip();
    if (message.isEmpty()) {
      return "no output";
    }
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE) + " ... (see the build log)";
  }

  /** The JSON array of {@code pip list --format json}, in its output. */
  static List<PipLibrary> parseList(String output) throws BuildFailed {
    String json =
        output
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("[") && l.endsWith("]") && !l.startsWith("[notice]"))
            .reduce((a, b) -> b)
            .orElse(null);
    if (json == null) {
      throw new BuildFailed("pip list printed no list: " + errors(output));
    }
    List<Map<String, Object>> rows;
    try {
      rows =
          Json.lenient()
              .readValue(
                  json, new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() {});
    } catch (RuntimeException e) {
      throw new BuildFailed("cannot read pip list's output: " + e.getMessage());
    }
    List<PipLibrary> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      out.add(new PipLibrary(String.valueOf(row.get("name")), String.valueOf(row.get("version"))));
    }
    return out;
  }

  private String base() {
    return basePython.toString();
  }

  private static String str(Path p) {
    return p.toAbsolutePath().toString();
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
