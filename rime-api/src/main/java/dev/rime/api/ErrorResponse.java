// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * Every error answer: a stable code, a message for people, and the request field (or config key) at
 * fault when there is one.
 */
public record ErrorResponse(String code, String message, String field) {

  /** Codes the server answers with, and the HTTP status each goes with. */
  public enum Code {
    INVALID_ARGUMENT(400),
    INVALID_CONFIG(400),
    UNAUTHENTICATED(401),
    PERMISSION_DENIED(403),
    NOT_FOUND(404),
    ALREADY_EXISTS(409),
    FAILED_PRECONDITION(409),
    UNAVAILABLE(503),
    INTERNAL(500);

    private final int httpStatus;

    Code(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }
}
