// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

/**
 * The server's state does not allow the request now, e.g. revoking the last admin key (HTTP 409,
 * code {@code FAILED_PRECONDITION}).
 */
public final class FailedPreconditionException extends ConflictException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message the server's message
   * @param code the server's error code
   * @param field the request field at fault, or null
   * @param httpStatus the HTTP status of the answer
   */
  public FailedPreconditionException(String message, String code, String field, int httpStatus) {
    super(message, code, field, httpStatus);
  }
}
