// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The wait loops' shared parts: reading again while the server cannot be reached, and pausing. */
final class Polling {

  private Polling() {}

  /**
   * {@code read}, retried while the server cannot be reached or answers 502/503/504 or UNAVAILABLE:
   * prints {@code reconnecting to the RIME backend...} and pauses {@code retryPauseSec} between
   * tries, until the client's reconnect timeout has passed without an answer.
   *
   * @param waitingFor what the caller waits for, for the message when the thread is interrupted
   * @throws ServerUnreachableException when the server stays unreachable
   */
  static <T> T reconnecting(
      RimeClient client, Supplier<T> read, double retryPauseSec, String waitingFor) {
    long giveUpAt = 0;
    boolean failing = false;
    while (true) {
      try {
        return read.get();
      } catch (ServerUnreachableException | RimeServerException e) {
        if (e instanceof RimeServerException && !isTransient(e)) {
          throw e;
        }
        long now = System.nanoTime();
        if (!failing) {
          failing = true;
          giveUpAt = now + client.reconnectTimeout().toNanos();
        } else if (now - giveUpAt >= 0) {
          throw new ServerUnreachableException(
              "Gave up reconnecting to the RIME backend at "
                  + client.baseUri()
                  + " after "
                  + Transport.human(client.reconnectTimeout())
                  + ": "
                  + e.getMessage(),
              e);
        }
        client.out().println("reconnecting to the RIME backend...");
        pause(retryPauseSec, waitingFor);
      }
    }
  }

  /** Whether a server's answer says it is only unavailable for now. */
  static boolean isTransient(RimeException e) {
    int s = e.httpStatus();
    return s == 502 || s == 503 || s == 504 || "UNAVAILABLE".equals(e.code());
  }

  /** Sleeps {@code seconds}; an interrupt ends the wait with "Interrupted while waiting for …". */
  static void pause(double seconds, String waitingFor) {
    long nanos = (long) (seconds * 1e9);
    if (nanos <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RimeException("Interrupted while waiting for " + waitingFor, null, null, 0, e);
    }
  }
}
