// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import java.util.Map;
import java.util.Optional;

/**
 * Checks a test-run config before a job is queued, so a misspelt key fails the request (naming the
 * key) instead of a job minutes later. Only static checks: files are looked at by the job.
 */
@FunctionalInterface
public interface ConfigValidator {

  /** The first problem found, or empty when the config is acceptable. */
  Optional<Problem> check(Map<String, Object> testRunConfig);

  /** A problem with the config: the dotted key at fault and what is wrong. */
  record Problem(String key, String message) {}
}
