// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

/**
 * The server rejected a request argument (HTTP 400, code {@code INVALID_ARGUMENT}); {@link
 * #field()} names it, e.g. {@code version} for a result schema version the server does not know, or
 * {@code page_size}. A rejected stress-test config is the subclass {@link InvalidConfigException}.
 */
public class InvalidArgumentException extends RimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message the server's message
   * @param code the server's error code, or null when the answer had none
   * @param field the request field at fault, or null
   * @param httpStatus the HTTP status of the answer
   */
  public InvalidArgumentException(String message, String code, String field, int httpStatus) {
    super(message, code, field, httpStatus, null);
  }

  /**
   * @param message what went wrong
   * @param code the server's error code, or null
   * @param field the request field at fault, or null
   * @param httpStatus the HTTP status of the answer
   * @param cause the server's original error, when this one adds to it
   */
  public InvalidArgumentException(
      String message, String code, String field, int httpStatus, Throwable cause) {
    super(message, code, field, httpStatus, cause);
  }
}
