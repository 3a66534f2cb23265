// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

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

  private static JsonMapper build(boolean strict) {
    JsonMapper.Builder b =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            // a key given twice is a mistake in the document, not "the last one wins"
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    if (strict) {
      // 1.5 is not an integer and 5 is not a string: say so instead of truncating or converting
      b.withCoercionConfig(
              LogicalType.Integer,
              c ->
                  c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.Boolean,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
    return b.build();
  }
}
