// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import dev.rime.engine.EngineException;

/**
 * The model could not score some rows: it raised, returned the wrong length or shape, returned NaN,
 * ran past its timeout, or its process died. The message names the model and the batch (e.g. {@code
 * Python model /m/model.py, batch rows 50000-99999: ValueError: ...}); {@link #modelLog()} has what
 * the model wrote to its standard error, when there is any.
 */
public class ModelException extends EngineException {

  private final String modelLog;

  public ModelException(String message, String modelLog, Throwable cause) {
    super("model_info.path", message, cause);
    this.modelLog = modelLog;
  }

  public ModelException(String message) {
    this(message, null, null);
  }

  /** The model's own output (standard error) around the failure, or null. */
  public String modelLog() {
    return modelLog;
  }
}
