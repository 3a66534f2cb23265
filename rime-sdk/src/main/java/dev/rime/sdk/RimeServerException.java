// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

/**
 * The server failed or is unavailable (HTTP 5xx, codes {@code INTERNAL} and {@code UNAVAILABLE}).
 */
public final class RimeServerException extends RimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message the server's message
   * @param code the server's error code, or null when the answer had none
   * @param field the request field at fault, or null
   * @param httpStatus the HTTP status of the answer
   */
  public RimeServerException(String message, String code, String field, int httpStatus) {
    super(message, code, field, httpStatus, null);
  }
}
