// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import dev.rime.api.ErrorResponse;

/** A refused request: the contract's error code, a message for people, and the field at fault. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorResponse.Code code;
  private final String field;

  public ApiException(ErrorResponse.Code code, String message, String field) {
    super(message);
    this.code = code;
    this.field = field;
  }

  public static ApiException notFound(String what, String id, String field) {
    return new ApiException(
        ErrorResponse.Code.NOT_FOUND, what + " '" + id + "' does not exist", field);
  }

  public static ApiException invalid(String message, String field) {
    return new ApiException(ErrorResponse.Code.INVALID_ARGUMENT, message, field);
  }

  public ErrorResponse.Code code() {
    return code;
  }

  public String field() {
    return field;
  }

  public ErrorResponse toResponse() {
    return new ErrorResponse(code.name(), getMessage(), field);
  }
}
