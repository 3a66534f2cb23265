// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Json;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * CSV as RFC 4180 writes it: CRLF line ends, a field quoted when it holds a comma, a quote, CR or
 * LF, quotes doubled inside. Cells: null is empty, lists and maps are their JSON text, numbers and
 * booleans their Java text ({@code 0.25}, {@code 1234.0}, {@code true}).
 */
final class Csv {

  private static final String EOL = "\r\n";

  private Csv() {}

  /** The text of a cell, unquoted; null stays null. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof List || value instanceof Map) {
      return Json.lenient().writeValueAsString(value);
    }
    return String.valueOf(value);
  }

  static void writeRecord(Writer out, List<?> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String text = text(values.get(i));
      if (text != null) {
        out.write(quote(text));
      }
    }
    out.write(EOL);
  }

  static String quote(String text) {
    boolean needs =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\r') >= 0
            || text.indexOf('\n') >= 0;
    return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
