// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

/**
 * The API key is valid but may not do this, e.g. a USER key managing keys (HTTP 403, code {@code
 * PERMISSION_DENIED}).
 */
public final class PermissionDeniedException extends RimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message the server's message
   * @param code the server's error code, or null when the answer had none
   * @param field the request field at fault, or null
   * @param httpStatus the HTTP status of the answer
   */
  public PermissionDeniedException(String message, String code, String field, int httpStatus) {
    super(message, code, field, httpStatus, null);
  }
}
