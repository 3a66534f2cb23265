// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import dev.rime.engine.EngineException;

/**
 * Data that cannot be tested: a missing or unreadable file, an empty dataset, a missing or invalid
 * label or prediction column. The message names the config key, the file and the column.
 */
public class DataException extends EngineException {

  public DataException(String key, String message) {
    super(key, message);
  }

  public DataException(String key, String message, Throwable cause) {
    super(key, message, cause);
  }
}
