// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.Calls;
import dev.rime.api.Operation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every operation of the contract has exactly one public SDK method that calls it. */
class ContractCoverageTest {

  private static final List<Class<?>> PUBLIC_API =
      List.of(
          RimeClient.class,
          StressTestJob.class,
          ImageBuilder.class,
          RimeCtInstance.class,
          ContinuousTestJob.class);

  @Test
  void every_operation_has_exactly_one_sdk_method() {
    Map<Operation, List<String>> callers = new EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      callers.put(op, new ArrayList<>());
    }
    for (Class<?> type : PUBLIC_API) {
      for (Method m : type.getDeclaredMethods()) {
        Calls calls = m.getAnnotation(Calls.class);
        if (calls != null) {
          assertThat(Modifier.isPublic(m.getModifiers()))
              .as("%s.%s is annotated @Calls but not public", type.getSimpleName(), m.getName())
              .isTrue();
          callers.get(calls.value()).add(type.getSimpleName() + "." + m.getName());
        }
      }
    }

    assertThat(callers).allSatisfy((op, methods) -> assertThat(methods).as(op.name()).hasSize(1));
  }
}
