// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs store calls on a handle: the current transaction's when one is open on this thread, a fresh
 * one otherwise. Stores call {@link #call}; services group calls with {@link #inTransaction}, so
 * stores never pass handles around and still share one transaction when they must.
 */
public final class Db {

  private final Jdbi jdbi;
  private final ThreadLocal<Handle> current = new ThreadLocal<>();

  public Db(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Runs {@code callback} on the current transaction's handle, or on a handle of its own. */
  public <T> T call(HandleCallback<T, RuntimeException> callback) {
    Handle handle = current.get();
    if (handle != null) {
      return callback.withHandle(handle);
    }
    return jdbi.withHandle(callback);
  }

  /**
   * Runs {@code work} in one transaction: every store call inside it commits together or not at
   * all. Nested calls join the outer transaction.
   */
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    return jdbi.inTransaction(
        handle -> {
          current.set(handle);
          try {
            return work.get();
          } finally {
            current.remove();
          }
        });
  }

  /** {@link #inTransaction(Supplier)} for work without a result. */
  public void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
