// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of the contract: snake_case names, records as objects, enums by name. {@link
 * #strict()} rejects unknown properties (the server reading requests, so a misspelt field is an
 * error that names it); {@link #lenient()} ignores them (clients reading answers from a newer
 * server).
 */
public final class Json {

  private static final JsonMapper STRICT = build(true);
  private static final JsonMapper LENIENT = build(false);

  /** Type of a JSON object read as a map. */
  public static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Json() {}

  /** Mapper that fails on unknown properties. */
  public static JsonMapper strict() {
    return STRICT;
  }

  /** Mapper that ignores unknown properties. */
  public static JsonMapper lenient() {
    return LENIENT;
  }

  private static JsonMapper build(boolean failOnUnknown) {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, failOnUnknown)
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
        .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
        .build();
  }
}
