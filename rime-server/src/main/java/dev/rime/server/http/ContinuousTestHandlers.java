// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import dev.rime.api.CreateCtInstanceRequest;
import dev.rime.api.Operation;
import dev.rime.api.StartContinuousTestRequest;
import dev.rime.api.StartIncrementalContinuousTestRequest;
import dev.rime.server.service.ContinuousTestService;

final class ContinuousTestHandlers {

  private ContinuousTestHandlers() {}

  static void register(Routes routes, ContinuousTestService ct) {
    routes
        .on(
            Operation.CREATE_CT_INSTANCE,
            ctx ->
                ctx.status(201).json(ct.create(Requests.body(ctx, CreateCtInstanceRequest.class))))
        .on(Operation.GET_CT_INSTANCE, ctx -> ctx.json(ct.get(ctx.pathParam("ct_instance_id"))))
        .on(
            Operation.GET_ACTIVE_CT_INSTANCE,
            ctx -> ctx.json(ct.getActive(ctx.pathParam("project_id"))))
        .on(
            Operation.ACTIVATE_CT_INSTANCE,
            ctx -> ctx.json(ct.setActive(ctx.pathParam("ct_instance_id"), true)))
        .on(
            Operation.DEACTIVATE_CT_INSTANCE,
            ctx -> ctx.json(ct.setActive(ctx.pathParam("ct_instance_id"), false)))
        .on(
            Operation.START_CONTINUOUS_TEST_FROM_REFERENCE,
            ctx ->
                ctx.status(201)
                    .json(
                        ct.startFromReference(
                            Requests.body(ctx, StartContinuousTestRequest.class))))
        .on(
            Operation.START_INCREMENTAL_CONTINUOUS_TEST,
            ctx ->
                ctx.status(201)
                    .json(
                        ct.startIncremental(
                            ctx.pathParam("ct_instance_id"),
                            Requests.body(ctx, StartIncrementalContinuousTestRequest.class))))
        .on(Operation.LIST_CT_BINS, ctx -> ctx.json(ct.listBins(ctx.pathParam("ct_instance_id"))))
        .on(Operation.GET_CONTINUOUS_TEST_RUN, ctx -> ctx.json(ct.getRun(ctx.pathParam("job_id"))))
        .on(
            Operation.GET_CT_TIME_SERIES,
            ctx ->
                ctx.json(
                    ct.timeSeries(
                        ctx.pathParam("ct_instance_id"),
                        ctx.queryParam("metric"),
                        ctx.queryParam("feature"))));
  }
}
