// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import dev.rime.api.Json;
import dev.rime.server.service.ApiException;
import io.javalin.http.Context;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Reading request bodies and query parameters, with errors that name the field at fault. */
final class Requests {

  private Requests() {}

  /** The JSON body as {@code type}; unknown fields and wrong types are errors naming the field. */
  static <T> T body(Context ctx, Class<T> type) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw ApiException.invalid("the request needs a JSON body", null);
    }
    try {
      T value = Json.strict().readValue(body, type);
      if (value == null) {
        throw ApiException.invalid("the request body may not be null", null);
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      String field = path(e);
      throw ApiException.invalid("unknown field '" + field + "'", field);
    } catch (JacksonException e) {
      String field = path(e);
      String what = e.getOriginalMessage();
      int nl = what == null ? -1 : what.indexOf('\n');
      throw ApiException.invalid(
          (field == null ? "malformed JSON body" : "field '" + field + "' is malformed")
              + ": "
              + (nl < 0 ? what : what.substring(0, nl)),
          field);
    }
  }

  static Integer intParam(Context ctx, String name) {
    Long v = longParam(ctx, name);
    if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
      throw ApiException.invalid(name + " is out of range: " + v, name);
    }
    return v == null ? null : v.intValue();
  }

  static Long longParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name + " must be a whole number, not '" + v + "'", name);
    }
  }

  private static String path(JacksonException e) {
    if (e.getPath() == null || e.getPath().isEmpty()) {
      return null;
    }
    return e.getPath().stream()
        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
