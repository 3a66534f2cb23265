// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.ErrorResponse;
import dev.rime.api.Json;
import dev.rime.api.Operation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * One HTTP exchange per contract operation: builds the request (path, query, API key header, JSON
 * body), sends it, and turns the answer into a value or into the one exception for its failure.
 */
final class Transport {

  private static final int MAX_BODY_IN_MESSAGE = 300;

  private final URI baseUri;
  private final String apiKey;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final HttpClient http;

  Transport(URI baseUri, String apiKey, Duration connectTimeout, Duration requestTimeout) {
    this.baseUri = baseUri;
    this.apiKey = apiKey;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  URI baseUri() {
    return baseUri;
  }

  /** Calls {@code op} and reads its JSON answer as {@code type}. */
  <T> T json(Operation op, List<String> pathValues, Query query, Object body, Class<T> type) {
    byte[] answer = send(op, pathValues, query, body);
    try {
      T value = Json.lenient().readValue(answer, type);
      if (value == null) {
        throw new RimeException(
            "The server answered " + describe(op) + " with an empty body", null, null, 200, null);
      }
      return value;
    } catch (JacksonException e) {
      throw new RimeException(
          "The server's answer to "
              + describe(op)
              + " is not a valid "
              + type.getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          null,
          null,
          200,
          e);
    }
  }

  /** Calls {@code op} and returns its answer as text. */
  String text(Operation op, List<String> pathValues, Query query) {
    return new String(send(op, pathValues, query, null), StandardCharsets.UTF_8);
  }

  private byte[] send(Operation op, List<String> pathValues, Query query, Object body) {
    String path = op.path(pathValues.toArray(new String[0]));
    String target = path + query.toQueryString();
    String what = op.method() + " " + target;
    HttpResponse<byte[]> response;
    try {
      response = http.send(request(op, target, body), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ServerUnreachableException(
          "Cannot reach the RIME server at " + baseUri + " (" + what + "): " + reason(e), e);
    } catch (IllegalArgumentException e) {
      // The JDK client refuses host names it cannot use (e.g. with an underscore).
      throw new ServerUnreachableException(
          "Cannot reach the RIME server at " + baseUri + " (" + what + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RimeException("Interrupted while calling " + what, null, null, 0, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    throw error(status, response.body(), what);
  }

  private HttpRequest request(Operation op, String target, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUri + target))
            .timeout(requestTimeout)
            .header("Accept", "application/json, text/plain");
    if (op.needsKey() && apiKey != null && !apiKey.isEmpty()) {
      request.header(Operation.API_KEY_HEADER, apiKey);
    }
    if (body == null) {
      return request.method(op.method(), HttpRequest.BodyPublishers.noBody()).build();
    }
    return request
        .header("Content-Type", "application/json")
        .method(
            op.method(),
            HttpRequest.BodyPublishers.ofString(Json.lenient().writeValueAsString(body)))
        .build();
  }

  private String reason(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException) {
        return "unknown host " + baseUri.getHost();
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection within " + human(connectTimeout);
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer within " + human(requestTimeout);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    return e.getClass().getSimpleName();
  }

  static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String describe(Operation op) {
    return op.operationId() + " (" + op.method() + " " + op.path() + ")";
  }

  /**
   * The exception for an error answer: by the {@link ErrorResponse} code when the body has a known
   * one, else by the HTTP status.
   */
  static RimeException error(int status, byte[] body, String what) {
    ErrorResponse err = parseError(body);
    String code = err == null ? null : err.code();
    String field = err == null ? null : err.field();
    String message;
    if (err != null && err.message() != null && !err.message().isBlank()) {
      message = err.message();
    } else {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
      if (text.length() > MAX_BODY_IN_MESSAGE) {
        text = text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
      }
      message = "HTTP " + status + " from " + what + (text.isEmpty() ? "" : ": " + text);
    }
    ErrorResponse.Code known = null;
    if (code != null) {
      for (ErrorResponse.Code c : ErrorResponse.Code.values()) {
        if (c.name().equals(code)) {
          known = c;
        }
      }
    }
    if (known != null) {
      switch (known) {
        case INVALID_CONFIG:
          return new InvalidConfigException(message, code, field, status);
        case INVALID_ARGUMENT:
          return new InvalidArgumentException(message, code, field, status);
        case UNAUTHENTICATED:
          return new UnauthenticatedException(message, code, field, status);
        case PERMISSION_DENIED:
          return new PermissionDeniedException(message, code, field, status);
        case NOT_FOUND:
          return new NotFoundException(message, code, field, status);
        case ALREADY_EXISTS:
          return new AlreadyExistsException(message, code, field, status);
        case FAILED_PRECONDITION:
          return new FailedPreconditionException(message, code, field, status);
        case UNAVAILABLE:
        case INTERNAL:
          return new RimeServerException(message, code, field, status);
      }
    }
    switch (status) {
      case 400:
        return new InvalidArgumentException(message, code, field, status);
      case 401:
        return new UnauthenticatedException(message, code, field, status);
      case 403:
        return new PermissionDeniedException(message, code, field, status);
      case 404:
        return new NotFoundException(message, code, field, status);
      case 409:
        return new ConflictException(message, code, field, status);
      default:
        if (status >= 500 && status < 600) {
          return new RimeServerException(message, code, field, status);
        }
        return new RimeException(message, code, field, status, null);
    }
  }

  private static ErrorResponse parseError(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      Map<String, Object> map = Json.lenient().readValue(body, Json.MAP);
      if (map == null
          || !(map.get("code") instanceof String || map.get("message") instanceof String)) {
        return null;
      }
      return Json.lenient().convertValue(map, ErrorResponse.class);
    } catch (JacksonException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Query parameters in order; null values are left out, a name may repeat. */
  static final class Query {
    private final List<String[]> params = new ArrayList<>();

    static Query none() {
      return new Query();
    }

    Query add(String name, Object value) {
      if (value != null && !(value instanceof String && ((String) value).isEmpty())) {
        params.add(new String[] {name, String.valueOf(value)});
      }
      return this;
    }

    String toQueryString() {
      if (params.isEmpty()) {
        return "";
      }
      StringBuilder out = new StringBuilder("?");
      for (String[] p : params) {
        if (out.length() > 1) {
          out.append('&');
        }
        out.append(encode(p[0])).append('=').append(encode(p[1]));
      }
      return out.toString();
    }

    private static String encode(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }
}
