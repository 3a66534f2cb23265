// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pip requirement of a managed image: a library name (PEP 508) and an optional PEP 440 version
 * specifier such as {@code ==1.0.2} or {@code >=0.1.2,<0.2}.
 */
public record PipRequirement(String name, String versionSpecifier) {

  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]");
  private static final String CLAUSE = "\\s*(?:~=|===|==|!=|<=|>=|<|>)\\s*[A-Za-z0-9_.*+!-]+\\s*";
  private static final Pattern SPECIFIER = Pattern.compile(CLAUSE + "(?:," + CLAUSE + ")*");

  /** A requirement without a version specifier (any version). */
  public static PipRequirement of(String name) {
    return new PipRequirement(name, null);
  }

  /** What pip is given: {@code name} followed by the specifier, if any. */
  public String toPip() {
    return versionSpecifier == null || versionSpecifier.isBlank()
        ? name
        : name + versionSpecifier.replace(" ", "");
  }

  /**
   * What is wrong with this requirement, if anything: a name that is not a PEP 508 name, or a
   * specifier that is not a comma-separated list of PEP 440 clauses.
   */
  public Optional<String> problem() {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.of(
          "pip requirement name '"
              + name
              + "' is not a library name (letters, digits, '.', '_' and '-', starting and ending"
              + " with a letter or digit)");
    }
    if (versionSpecifier != null
        && !versionSpecifier.isBlank()
        && !SPECIFIER.matcher(versionSpecifier).matches()) {
      return Optional.of(
          "version specifier '"
              + versionSpecifier
              + "' of "
              + name
              + " is not a PEP 440 specifier such as '==1.0.2', '>=0.1.2' or '>=1,<2'");
    }
    return Optional.empty();
  }

  /** Whether {@code name} is a PEP 508 library name. */
  public static boolean isName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** A library name as pip compares names (PEP 503): lower case, runs of {@code -_.} as one '-'. */
  public static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
