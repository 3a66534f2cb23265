// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import dev.rime.engine.EngineException;
import dev.rime.engine.config.TestRunConfig;
import java.util.Map;
import java.util.Optional;

/** The engine's own static config checks, run when a job is submitted. */
public final class EngineConfigValidator implements ConfigValidator {

  @Override
  public Optional<Problem> check(Map<String, Object> testRunConfig) {
    try {
      TestRunConfig.parse(testRunConfig);
      return Optional.empty();
    } catch (EngineException e) {
      return Optional.of(new Problem(e.key() == null ? "" : e.key(), e.getMessage()));
    }
  }
}
