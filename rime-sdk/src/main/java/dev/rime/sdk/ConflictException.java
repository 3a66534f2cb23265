// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

/**
 * The request conflicts with the server's current state (HTTP 409). The server says which conflict
 * with its code, thrown as {@link AlreadyExistsException} or {@link FailedPreconditionException};
 * this class itself is thrown for a 409 without a known code. Catch it to handle both.
 */
public class ConflictException extends RimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message the server's message
   * @param code the server's error code, or null when the answer had none
   * @param field the request field at fault, or null
   * @param httpStatus the HTTP status of the answer
   */
  public ConflictException(String message, String code, String field, int httpStatus) {
    super(message, code, field, httpStatus, null);
  }
}
