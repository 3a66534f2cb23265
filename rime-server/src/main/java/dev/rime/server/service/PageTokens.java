// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import dev.rime.server.store.JobQuery;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page tokens: where the next page starts, base64url-encoded with a kind prefix so a token
 * of one list is refused by another. Empty string means "no more pages".
 */
final class PageTokens {

  private PageTokens() {}

  static String jobs(JobQuery.Cursor c) {
    return c == null ? "" : encode("jobs:" + c.createdAtMillis() + ":" + c.jobId());
  }

  static JobQuery.Cursor jobs(String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    String[] parts = decode(token, "jobs:").split(":", 2);
    try {
      return new JobQuery.Cursor(Long.parseLong(parts[0]), parts[1]);
    } catch (RuntimeException e) {
      throw bad();
    }
  }

  static String testCases(Integer afterSeq) {
    return afterSeq == null ? "" : encode("cases:" + afterSeq);
  }

  static int testCases(String token) {
    if (token == null || token.isEmpty()) {
      return -1;
    }
    try {
      return Integer.parseInt(decode(token, "cases:"));
    } catch (NumberFormatException e) {
      throw bad();
    }
  }

  /** Where a page of managed images starts: after {@code afterName}, for these filters. */
  record ImagesCursor(String afterName, List<String> filters) {}

  static String images(String afterName, List<String> filters) {
    return afterName == null
        ? ""
        : encode(
            "images:"
                + dev.rime.api.Json.lenient()
                    .writeValueAsString(new ImagesCursor(afterName, filters)));
  }

  static ImagesCursor images(String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    try {
      ImagesCursor c =
          dev.rime.api.Json.lenient().readValue(decode(token, "images:"), ImagesCursor.class);
      if (c.afterName() == null || c.filters() == null) {
        throw bad();
      }
      return c;
    } catch (RuntimeException e) {
      throw bad();
    }
  }

  private static String encode(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token, String prefix) {
    String s;
    try {
      s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw bad();
    }
    if (!s.startsWith(prefix)) {
      throw bad();
    }
    return s.substring(prefix.length());
  }

  private static ApiException bad() {
    return ApiException.invalid("page_token is not a token this list gave out", "page_token");
  }
}
