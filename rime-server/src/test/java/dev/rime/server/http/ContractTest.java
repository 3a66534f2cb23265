// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Operation;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The contract is defined once: openapi.yaml, {@link Operation} and the server's routes agree. */
class ContractTest {

  record Op(String id, String method, String path) {}

  static Set<Op> openapiOperations() {
    JsonNode spec = new YAMLMapper().readTree(HttpApi.openapiYaml());
    Set<Op> ops = new HashSet<>();
    for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
      Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().properties().iterator();
      while (methods.hasNext()) {
        Map.Entry<String, JsonNode> m = methods.next();
        ops.add(
            new Op(
                m.getValue().get("operationId").asString(),
                m.getKey().toUpperCase(),
                path.getKey()));
      }
    }
    return ops;
  }

  @Test
  void openapiAndTheOperationEnumListTheSameOperations() {
    Set<Op> fromEnum =
        java.util.Arrays.stream(Operation.values())
            .map(o -> new Op(o.operationId(), o.method(), o.path()))
            .collect(Collectors.toSet());
    assertThat(openapiOperations()).containsExactlyInAnyOrderElementsOf(fromEnum);
  }

  @Test
  void operationsWithoutKeyAreTheOnesOpenapiExempts() {
    JsonNode spec = new YAMLMapper().readTree(HttpApi.openapiYaml());
    for (Operation o : Operation.values()) {
      JsonNode op = spec.get("paths").get(o.path()).get(o.method().toLowerCase());
      boolean exempt = op.has("security") && op.get("security").isEmpty();
      assertThat(exempt).as(o.operationId()).isEqualTo(!o.needsKey());
      assertThat(o.path().startsWith("/v1/")).as(o.operationId()).isEqualTo(o.needsKey());
    }
  }

  @Test
  void theServerRoutesEveryOperation() {
    HttpApi.Services none = new HttpApi.Services(null, null, null, null, null, null, "test", null);
    assertThat(HttpApi.routes(none).all().keySet()).containsExactlyInAnyOrder(Operation.values());
  }
}
