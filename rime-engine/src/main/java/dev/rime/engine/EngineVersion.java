// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The engine's version, from the Maven-filtered resource {@code engine-version.properties}. */
public final class EngineVersion {

  private static final String VERSION = load();

  private EngineVersion() {}

  /** The version, e.g. {@code 0.1.0}; {@code unknown} when the resource is missing. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = EngineVersion.class.getResourceAsStream("engine-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
