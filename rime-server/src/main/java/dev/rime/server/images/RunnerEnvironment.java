// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.images;

import dev.rime.api.PipRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What every managed image holds for RIME's model runner, read from the engine's jar: the runner's
 * libraries ({@code image-requirements.txt}: numpy, pandas), the pinned versions they are installed
 * at ({@code requirements.txt}, given to pip as constraints), and the runner's version, a hash of
 * the runner script and both files. An image built for another runner version is OUTDATED.
 *
 * @param libraries the runner's libraries, installed into every image
 * @param constraints the pinned requirement lines ({@code name==version}), comments dropped
 * @param version the first 16 hex digits of the SHA-256 of the runner and its two requirement files
 */
public record RunnerEnvironment(List<String> libraries, List<String> constraints, String version) {

  private static final String RESOURCES = "/dev/rime/engine/model/";

  public RunnerEnvironment {
    libraries = List.copyOf(libraries);
    constraints = List.copyOf(constraints);
  }

  /** The runner shipped in the engine's jar. */
  public static RunnerEnvironment fromEngine() {
    String runner = resource("rime_runner.py");
    String pinned = resource("requirements.txt");
    String image = resource("image-requirements.txt");
    return of(runner, pinned, image);
  }

  /** The runner given by its script and requirement files' text. */
  public static RunnerEnvironment of(String runner, String pinned, String image) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(runner, pinned, image)) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      String version = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
      return new RunnerEnvironment(lines(image), lines(pinned), version);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The constraint lines, without those for libraries the image's requirements name (their own
   * specifiers win; a conflict with another pin is then pip's resolution error).
   */
  public List<String> constraintsExcept(Set<String> normalizedNames) {
    List<String> out = new ArrayList<>();
    for (String line : constraints) {
      String name = line.split("[=<>!~;\\[ ]", 2)[0];
      if (!normalizedNames.contains(PipRequirement.normalize(name))) {
        out.add(line);
      }
    }
    return out;
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      int hash = line.indexOf('#');
      String l = (hash < 0 ? line : line.substring(0, hash)).trim();
      if (!l.isEmpty()) {
        out.add(l);
      }
    }
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = RunnerEnvironment.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException(
            name + " is missing from the engine's jar (" + RESOURCES + name + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from the engine's jar", e);
    }
  }
}
