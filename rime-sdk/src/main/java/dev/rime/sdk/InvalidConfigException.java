// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

/**
 * The server rejected the stress-test config (HTTP 400, code {@code INVALID_CONFIG}); {@link
 * #key()} names the config key at fault, e.g. {@code data_info.ref_path}.
 */
public final class InvalidConfigException extends InvalidArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message the server's message
   * @param code the server's error code
   * @param key the config key at fault, or null
   * @param httpStatus the HTTP status of the answer
   */
  public InvalidConfigException(String message, String code, String key, int httpStatus) {
    super(message, code, key, httpStatus);
  }

  /** The config key at fault (dotted, e.g. {@code data_info.label_col}), or null. */
  public String key() {
    return field();
  }
}
