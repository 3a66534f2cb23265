// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** JSON parse errors as people read them: where (line and column) and what, in one line. */
final class JsonErrors {

  private JsonErrors() {}

  /** e.g. {@code config file c.json is not valid JSON at line 3, column 7: Unexpected character} */
  static String describe(String what, JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 0
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    int nl = message.indexOf('\n');
    return what
        + " is not valid JSON"
        + where
        + ": "
        + (nl < 0 ? message : message.substring(0, nl));
  }
}
