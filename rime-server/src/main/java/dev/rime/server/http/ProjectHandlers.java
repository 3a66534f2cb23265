// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import dev.rime.api.CreateProjectRequest;
import dev.rime.api.ListProjectsResponse;
import dev.rime.api.Operation;
import dev.rime.server.service.ProjectService;

final class ProjectHandlers {

  private ProjectHandlers() {}

  static void register(Routes routes, ProjectService projects) {
    routes
        .on(
            Operation.CREATE_PROJECT,
            ctx ->
                ctx.status(201)
                    .json(projects.create(Requests.body(ctx, CreateProjectRequest.class))))
        .on(Operation.LIST_PROJECTS, ctx -> ctx.json(new ListProjectsResponse(projects.list())))
        .on(Operation.GET_PROJECT, ctx -> ctx.json(projects.get(ctx.pathParam("project_id"))));
  }
}
