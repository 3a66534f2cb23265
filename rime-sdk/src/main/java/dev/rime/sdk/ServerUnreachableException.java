// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

/**
 * No answer from the server: connection refused, unknown host, connect or request timeout, or a
 * connection dropped mid-answer. Also thrown when {@link StressTestJob#getStatus(boolean, boolean,
 * double)} gives up reconnecting while it waits.
 */
public final class ServerUnreachableException extends RimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what could not be reached and why
   * @param cause the I/O failure (or the last failure, after retries)
   */
  public ServerUnreachableException(String message, Throwable cause) {
    super(message, null, null, 0, cause);
  }
}
