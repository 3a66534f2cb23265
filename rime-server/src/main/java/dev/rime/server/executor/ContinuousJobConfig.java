// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import dev.rime.api.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a continuous-test job ({@code FIREWALL_BATCH_TEST}) is asked to do, stored as the job's
 * config JSON: {@code {"test_run_config": {...}, "continuous": {"mode", "skip_bins"},
 * "ct_instance": {...}}}. The first two sections go to the job folder's {@code config.json} as the
 * engine expects them; {@code ct_instance} is for the server only (which instance, its name,
 * whether bins are overridden).
 *
 * @param testRunConfig the stress-test config, with {@code continuous_info}
 * @param mode {@link #FROM_REFERENCE} or {@link #INCREMENTAL}
 * @param skipBins start times (seconds since the epoch) of bins the engine need not test
 * @param ctInstanceId the instance an incremental run adds bins to; null from a reference
 * @param ctInstanceName the name of the instance a run from a reference creates; null otherwise
 * @param overrideExistingBins whether bins the instance has are tested again and replaced
 */
public record ContinuousJobConfig(
    Map<String, Object> testRunConfig,
    String mode,
    List<Long> skipBins,
    String ctInstanceId,
    String ctInstanceName,
    boolean overrideExistingBins) {

  public static final String FROM_REFERENCE = "from_reference";
  public static final String INCREMENTAL = "incremental";

  /** The job's stored config JSON. */
  public String toJson() {
    Map<String, Object> instance = new LinkedHashMap<>();
    instance.put("ct_instance_id", ctInstanceId);
    instance.put("name", ctInstanceName);
    instance.put("override_existing_bins", overrideExistingBins);
    Map<String, Object> all = engineSections();
    all.put("ct_instance", instance);
    return Json.lenient().writeValueAsString(all);
  }

  /** The sections the engine reads: {@code test_run_config} and {@code continuous}. */
  public Map<String, Object> engineSections() {
    Map<String, Object> continuous = new LinkedHashMap<>();
    continuous.put("mode", mode);
    continuous.put("skip_bins", skipBins);
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("test_run_config", testRunConfig);
    all.put("continuous", continuous);
    return all;
  }

  /** Reads a continuous-test job's stored config JSON. */
  @SuppressWarnings("unchecked")
  public static ContinuousJobConfig parse(String json) {
    Map<String, Object> all = Json.lenient().readValue(json, Json.MAP);
    Map<String, Object> continuous = (Map<String, Object>) all.get("continuous");
    Map<String, Object> instance = (Map<String, Object>) all.get("ct_instance");
    List<Long> skip = new ArrayList<>();
    for (Object o : (List<Object>) continuous.getOrDefault("skip_bins", List.of())) {
      skip.add(((Number) o).longValue());
    }
    return new ContinuousJobConfig(
        (Map<String, Object>) all.get("test_run_config"),
        (String) continuous.get("mode"),
        skip,
        instance == null ? null : (String) instance.get("ct_instance_id"),
        instance == null ? null : (String) instance.get("name"),
        instance != null && Boolean.TRUE.equals(instance.get("override_existing_bins")));
  }
}
