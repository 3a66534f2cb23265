// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import dev.rime.api.Operation;
import dev.rime.server.service.ResultService;

final class TestRunHandlers {

  private TestRunHandlers() {}

  static void register(Routes routes, ResultService results) {
    routes
        .on(
            Operation.GET_TEST_RUN,
            ctx ->
                ctx.json(
                    results.getTestRun(ctx.pathParam("test_run_id"), ctx.queryParam("version"))))
        .on(
            Operation.LIST_TEST_CASES,
            ctx ->
                ctx.json(
                    results.listTestCases(
                        ctx.pathParam("test_run_id"),
                        ctx.queryParam("version"),
                        Requests.intParam(ctx, "page_size"),
                        ctx.queryParam("page_token"))));
  }
}
