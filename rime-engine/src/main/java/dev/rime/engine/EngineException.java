// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

/**
 * An error that stops a run before any test ran, with a message meant for the user: it names the
 * config key, file or column at fault. Tests never throw it; a test's own failure becomes a test
 * case.
 */
public class EngineException extends RuntimeException {

  private final String key;

  /**
   * @param key the config key at fault (dotted, e.g. {@code data_info.label_col}), or null
   * @param message what is wrong, without the key (the key is prefixed here)
   */
  public EngineException(String key, String message) {
    super(key == null ? message : key + ": " + message);
    this.key = key;
  }

  /** Same, keeping the cause. */
  public EngineException(String key, String message, Throwable cause) {
    super(key == null ? message : key + ": " + message, cause);
    this.key = key;
  }

  /** The dotted config key at fault, or null when no single key is. */
  public String key() {
    return key;
  }
}
