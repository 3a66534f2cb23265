// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * Keeps the managed images that have a library installed: by name (compared as pip compares names)
 * and, when {@code version} is given, at exactly that version.
 */
public record PipLibraryFilter(String name, String version) {

  /** The filter as a query value: {@code name} or {@code name==version}. */
  public String toQuery() {
    return version == null || version.isBlank() ? name : name + "==" + version;
  }

  /**
   * Reads a query value written by {@link #toQuery()}.
   *
   * @throws IllegalArgumentException when the name is not a library name or the version is empty
   */
  public static PipLibraryFilter parse(String value) {
    int at = value.indexOf("==");
    String name = (at < 0 ? value : value.substring(0, at)).trim();
    String version = at < 0 ? null : value.substring(at + 2).trim();
    if (!PipRequirement.isName(name)
        || (version != null && (version.isEmpty() || version.contains(" ")))) {
      throw new IllegalArgumentException(
          "pip library filter '" + value + "' is not 'name' or 'name==version'");
    }
    return new PipLibraryFilter(name, version);
  }
}
