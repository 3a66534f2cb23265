// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import dev.rime.api.CreateManagedImageRequest;
import dev.rime.api.Operation;
import dev.rime.server.service.ManagedImageService;

final class ImageHandlers {

  private ImageHandlers() {}

  static void register(Routes routes, ManagedImageService images) {
    routes
        .on(
            Operation.CREATE_MANAGED_IMAGE,
            ctx ->
                ctx.status(201)
                    .json(images.create(Requests.body(ctx, CreateManagedImageRequest.class))))
        .on(
            Operation.LIST_MANAGED_IMAGES,
            ctx ->
                ctx.json(
                    images.list(
                        ctx.queryParams("pip_library"),
                        Requests.intParam(ctx, "page_size"),
                        ctx.queryParam("page_token"))))
        .on(Operation.GET_MANAGED_IMAGE, ctx -> ctx.json(images.get(ctx.pathParam("name"))))
        .on(Operation.DELETE_MANAGED_IMAGE, ctx -> ctx.json(images.delete(ctx.pathParam("name"))))
        .on(
            Operation.GET_MANAGED_IMAGE_LOGS,
            ctx ->
                ctx.contentType("text/plain; charset=utf-8")
                    .result(
                        images.logs(ctx.pathParam("name"), Requests.intParam(ctx, "tail_lines"))));
  }
}
