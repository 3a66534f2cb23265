// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import dev.rime.api.Operation;
import io.javalin.http.Handler;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The handler of each operation of the contract; each may be registered once. */
public final class Routes {

  private final Map<Operation, Handler> handlers = new EnumMap<>(Operation.class);

  Routes on(Operation operation, Handler handler) {
    if (handlers.putIfAbsent(operation, handler) != null) {
      throw new IllegalStateException(operation + " registered twice");
    }
    return this;
  }

  /** Every registered operation and its handler. */
  public Map<Operation, Handler> all() {
    return Collections.unmodifiableMap(handlers);
  }
}
