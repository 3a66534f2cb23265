// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.model.Model;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * (A copy of the engine tests' ModelJars.) Compiles Java model sources with javax.tools and packs
 * the classes into a jar.
 */
public final class ModelJars {

  private ModelJars() {}

  /**
   * Compiles {@code sources} (fully qualified class name to source text) against the model API and
   * writes them to {@code dir/name}.
   */
  public static Path jar(Path dir, String name, Map<String, String> sources) {
    try {
      Path src = Files.createDirectories(dir.resolve(name + "-src"));
      Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
      List<String> args = new ArrayList<>();
      args.addAll(List.of("--release", "17", "-d", classes.toString(), "-cp", apiClassPath()));
      for (Map.Entry<String, String> e : sources.entrySet()) {
        Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue());
        args.add(file.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int rc = javac.run(null, null, null, args.toArray(new String[0]));
      if (rc != 0) {
        throw new IllegalStateException("javac failed: " + rc);
      }
      Path jar = dir.resolve(name);
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream j = new JarOutputStream(out);
          Stream<Path> walk = Files.walk(classes)) {
        for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
          j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
          j.write(Files.readAllBytes(p));
          j.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String apiClassPath() {
    try {
      return Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
