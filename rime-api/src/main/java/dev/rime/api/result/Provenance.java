// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.result;

import java.util.Map;

/**
 * Where a result came from: engine version, the config as given, the seed, and the runtime. With
 * the datasets' SHA-256 in the summary this is enough to reproduce the run.
 */
public record Provenance(
    String engineVersion,
    Map<String, Object> config,
    long randomSeed,
    String javaVersion,
    String duckdbVersion) {}
