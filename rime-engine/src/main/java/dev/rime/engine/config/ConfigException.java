// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import dev.rime.engine.EngineException;

/**
 * A config that cannot be run: an unknown or misspelt key, a wrong type, a missing required key, or
 * a key this engine does not support yet. {@link #key()} is the dotted key at fault (e.g. {@code
 * data_info.label_col}) and the message starts with it.
 */
public class ConfigException extends EngineException {

  public ConfigException(String key, String message) {
    super(key, message);
  }
}
