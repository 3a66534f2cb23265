// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real HTTP server on a random loopback port that answers with canned responses and records every
 * request. Answers are queued per {@code METHOD path}; the last one of a queue repeats.
 */
final class FakeRimeServer implements AutoCloseable {

  /** A request as the server got it. */
  record Request(
      String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

    /** The decoded values of a query parameter, in order. */
    List<String> query(String name) {
      List<String> values = new ArrayList<>();
      if (rawQuery == null || rawQuery.isEmpty()) {
        return values;
      }
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        if (k.equals(name)) {
          values.add(
              eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      return values;
    }

    /** Names of every query parameter, in order, repeated as sent. */
    List<String> queryNames() {
      List<String> names = new ArrayList<>();
      if (rawQuery != null && !rawQuery.isEmpty()) {
        for (String pair : rawQuery.split("&")) {
          int eq = pair.indexOf('=');
          names.add(eq < 0 ? pair : pair.substring(0, eq));
        }
      }
      return names;
    }

    /** The first value of a header (case-insensitive), or null. */
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private record Answer(int status, String contentType, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, Deque<Answer>> answers = new HashMap<>();

  private FakeRimeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static FakeRimeServer start() {
    try {
      return new FakeRimeServer();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Queues a JSON answer to {@code method path} (path without query). */
  FakeRimeServer json(String method, String path, int status, String body) {
    return answer(method, path, new Answer(status, "application/json", body));
  }

  /** Queues a plain-text answer. */
  FakeRimeServer text(String method, String path, int status, String body) {
    return answer(method, path, new Answer(status, "text/plain; charset=utf-8", body));
  }

  private synchronized FakeRimeServer answer(String method, String path, Answer a) {
    answers.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(a);
    return this;
  }

  /** {@code http://127.0.0.1:<port>}. */
  String url() {
    return "http://127.0.0.1:" + port();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** A client of this server with key {@code test-key}, printing to {@code out}. */
  RimeClient client(java.io.PrintStream out) {
    return RimeClient.builder().address(url()).apiKey("test-key").out(out).build();
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The only request received; fails when there were others. */
  synchronized Request onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requests);
    }
    return requests.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Answer answer;
    synchronized (this) {
      requests.add(
          new Request(method, path, exchange.getRequestURI().getRawQuery(), headers, body));
      Deque<Answer> queue = answers.get(method + " " + path);
      if (queue == null || queue.isEmpty()) {
        answer =
            new Answer(
                599, "text/plain", "fake server: no answer queued for " + method + " " + path);
      } else {
        answer = queue.size() > 1 ? queue.poll() : queue.peek();
      }
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
