// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

/**
 * Base of every failure the SDK reports. Unchecked. When the server answered with an {@link
 * dev.rime.api.ErrorResponse}, {@link #code()} and {@link #field()} carry its code and the request
 * field (or config key) at fault; {@link #httpStatus()} is the HTTP status of the answer, or 0 when
 * there was no answer.
 *
 * <p>Each failure has its own subclass ({@link NotFoundException}, {@link InvalidConfigException},
 * {@link ServerUnreachableException}, ...); this class itself is thrown only for answers the
 * contract does not foresee (an unexpected HTTP status, an unreadable body).
 */
public class RimeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String field;
  private final int httpStatus;

  /**
   * @param message what went wrong, for people
   * @param code the server's error code (e.g. {@code NOT_FOUND}), or null
   * @param field the request field or config key at fault, or null
   * @param httpStatus the HTTP status of the server's answer, or 0 when there was none
   * @param cause the underlying failure, or null
   */
  public RimeException(String message, String code, String field, int httpStatus, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.field = field;
    this.httpStatus = httpStatus;
  }

  /** The server's error code ({@link dev.rime.api.ErrorResponse.Code} name), or null. */
  public String code() {
    return code;
  }

  /** The request field or config key the server named as at fault, or null. */
  public String field() {
    return field;
  }

  /** HTTP status of the server's answer; 0 when the server did not answer. */
  public int httpStatus() {
    return httpStatus;
  }
}
