// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the address a user gives into the server's base URI. A bare domain ({@code
 * my_vpc.rime.com}) means https; a bare {@code localhost}, {@code 127.0.0.1} or {@code [::1]} (with
 * or without a port) means http; an explicit http or https URL is kept as given, minus a trailing
 * slash.
 */
final class Address {

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  private Address() {}

  static URI parse(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException(
          "address must not be blank: give a domain (my_vpc.rime.com) or a URL"
              + " (http://localhost:8080)");
    }
    String a = address.trim();
    int schemeEnd = a.indexOf("://");
    String scheme = schemeEnd < 0 ? null : a.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    String rest = schemeEnd < 0 ? a : a.substring(schemeEnd + 3);
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    if (scheme != null) {
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException(
            "address '" + address + "' has scheme '" + scheme + "'; use http or https");
      }
      return toUri(scheme + "://" + rest, address);
    }
    a = rest;
    int slash = a.indexOf('/');
    String hostPort = slash < 0 ? a : a.substring(0, slash);
    String host = hostOf(hostPort).toLowerCase(Locale.ROOT);
    return toUri((LOCAL_HOSTS.contains(host) ? "http" : "https") + "://" + a, address);
  }

  private static String hostOf(String hostPort) {
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      return close < 0 ? hostPort : hostPort.substring(0, close + 1);
    }
    int colon = hostPort.indexOf(':');
    return colon < 0 ? hostPort : hostPort.substring(0, colon);
  }

  private static URI toUri(String text, String address) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(
          "address '" + address + "' is not a valid URL: " + e.getMessage(), e);
    }
    if (uri.getAuthority() == null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "address '" + address + "' must be a host with an optional port and path");
    }
    return uri;
  }
}
