// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

/** What the request would create exists already (HTTP 409, code {@code ALREADY_EXISTS}). */
public final class AlreadyExistsException extends ConflictException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message the server's message
   * @param code the server's error code
   * @param field the request field at fault, or null
   * @param httpStatus the HTTP status of the answer
   */
  public AlreadyExistsException(String message, String code, String field, int httpStatus) {
    super(message, code, field, httpStatus);
  }
}
