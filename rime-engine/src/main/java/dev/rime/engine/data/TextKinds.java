// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

/**
 * The patterns of the text kinds (e-mail, URL, domain) and the SQL that tests them. The patterns
 * are deliberately conservative (ASCII, no quoted local parts, no IP-literal e-mail domains, no
 * IPv6 URL hosts) so that a column is only given a text kind when its values plainly are addresses;
 * they are RE2 syntax, as DuckDB's {@code regexp_full_match} reads them.
 *
 * <ul>
 *   <li>domain: two or more dot-separated labels of letters, digits and inner hyphens (1-63
 *       characters each), the last one 2-63 letters: {@code example.com}, {@code a-b.co.uk};
 *   <li>e-mail: a dot-atom local part (letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, dots only
 *       between them), {@code @}, a domain: {@code first.last+tag@example.com};
 *   <li>URL: a scheme ({@code [A-Za-z][A-Za-z0-9+.-]*}), {@code ://}, optional user info ending in
 *       {@code @}, a host that is a domain, {@code localhost} or a dotted IPv4 address, an optional
 *       port, and optionally a path, query or fragment without white space.
 * </ul>
 */
public final class TextKinds {

  /** Share of the non-missing reference values that must match for a column to get a kind. */
  public static final double MIN_SHARE = 0.95;

  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

  /** A domain name. */
  public static final String DOMAIN = "(?:" + LABEL + "\\.)+[A-Za-z]{2,63}";

  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

  /** An e-mail address. */
  public static final String EMAIL = ATOM + "(?:\\." + ATOM + ")*@" + DOMAIN;

  private static final String SCHEME = "[A-Za-z][A-Za-z0-9+.-]*://(?:[^\\s/?#@]+@)?";

  /** A URL. */
  public static final String URL =
      SCHEME
          + "(?:"
          + DOMAIN
          + "|localhost|(?:[0-9]{1,3}\\.){3}[0-9]{1,3})(?::[0-9]{1,5})?(?:[/?#]\\S*)?";

  private TextKinds() {}

  /** The pattern of a text kind. */
  public static String pattern(FeatureType kind) {
    switch (kind) {
      case EMAIL:
        return EMAIL;
      case URL:
        return URL;
      case DOMAIN:
        return DOMAIN;
      default:
        throw new IllegalArgumentException("not a text kind: " + kind);
    }
  }

  /** Whether a feature type is one of the text kinds. */
  public static boolean isTextKind(FeatureType type) {
    return type == FeatureType.EMAIL || type == FeatureType.URL || type == FeatureType.DOMAIN;
  }

  /** What a value of the kind is called in messages, e.g. {@code e-mail address}. */
  public static String noun(FeatureType kind) {
    switch (kind) {
      case EMAIL:
        return "e-mail address";
      case URL:
        return "URL";
      case DOMAIN:
        return "domain";
      default:
        throw new IllegalArgumentException("not a text kind: " + kind);
    }
  }

  /** The plural of {@link #noun}, e.g. {@code e-mail addresses}. */
  public static String plural(FeatureType kind) {
    return kind == FeatureType.EMAIL ? "e-mail addresses" : noun(kind) + "s";
  }

  /** SQL: true when the VARCHAR {@code text} is a value of the kind (null for null). */
  public static String matches(FeatureType kind, String text) {
    return "regexp_full_match(" + text + ", " + Sql.str(pattern(kind)) + ")";
  }

  /**
   * SQL: the domain of a well-formed value, lower-cased: the part after {@code @} of an e-mail
   * address, the host of a URL, the domain itself; null for a missing or malformed value.
   */
  public static String domain(FeatureType kind, String text) {
    return "(CASE WHEN " + matches(kind, text) + " THEN " + domainPart(kind, text) + " END)";
  }

  /** SQL: {@link #domain} of a value already known to be well-formed (meaningless for others). */
  public static String domainPart(FeatureType kind, String text) {
    switch (kind) {
      case EMAIL:
        return "lower(regexp_extract(" + text + ", '@([^@]+)$', 1))";
      case URL:
        return "lower(regexp_extract("
            + text
            + ", "
            + Sql.str("^" + SCHEME + "([^:/?#\\s]+)")
            + ", 1))";
      case DOMAIN:
        return "lower(" + text + ")";
      default:
        throw new IllegalArgumentException("not a text kind: " + kind);
    }
  }
}
