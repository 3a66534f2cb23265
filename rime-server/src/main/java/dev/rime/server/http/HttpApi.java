// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.http;

import dev.rime.api.ErrorResponse;
import dev.rime.api.HealthResponse;
import dev.rime.api.Json;
import dev.rime.api.Operation;
import dev.rime.server.service.ApiException;
import dev.rime.server.service.ApiKeyService;
import dev.rime.server.service.ContinuousTestService;
import dev.rime.server.service.JobService;
import dev.rime.server.service.ManagedImageService;
import dev.rime.server.service.ProjectService;
import dev.rime.server.service.ResultService;
import dev.rime.server.service.StressTestService;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin application: routes for every operation, the key filter, errors as JSON. */
public final class HttpApi {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String ERROR_WRITTEN = "rime.errorWritten";

  private HttpApi() {}

  /** The services behind the API. */
  public record Services(
      ProjectService projects,
      StressTestService stressTests,
      JobService jobs,
      ResultService results,
      ApiKeyService apiKeys,
      ManagedImageService images,
      String version,
      ContinuousTestService continuousTests) {}

  /** Every operation's handler. */
  public static Routes routes(Services s) {
    Routes routes = new Routes();
    routes.on(Operation.HEALTH, ctx -> ctx.json(new HealthResponse("ok", s.version())));
    ProjectHandlers.register(routes, s.projects());
    JobHandlers.register(routes, s.stressTests(), s.jobs());
    TestRunHandlers.register(routes, s.results());
    ApiKeyHandlers.register(routes, s.apiKeys());
    ImageHandlers.register(routes, s.images());
    ContinuousTestHandlers.register(routes, s.continuousTests());
    return routes;
  }

  /** A configured, not yet started, Javalin application. */
  public static Javalin create(Services services, String host, int port) {
    Map<Operation, io.javalin.http.Handler> handlers = routes(services).all();
    String openapi = openapiYaml();
    return Javalin.create(
        cfg -> {
          cfg.startup.showJavalinBanner = false;
          cfg.jetty.host = host;
          cfg.jetty.port = port;
          cfg.jsonMapper(new JavalinJackson3(Json.lenient(), false));
          cfg.routes.before("/v1/*", Auth.filter(services.apiKeys()));
          cfg.routes.get(
              "/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openapi));
          handlers.forEach(
              (op, h) ->
                  cfg.routes.addHttpHandler(HandlerType.findOrCreate(op.method()), op.path(), h));
          cfg.routes.exception(
              ApiException.class,
              (e, ctx) -> {
                ctx.attribute(ERROR_WRITTEN, true);
                ctx.status(e.code().httpStatus()).json(e.toResponse());
              });
          cfg.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.attribute(ERROR_WRITTEN, true);
                ctx.status(500)
                    .json(
                        new ErrorResponse(
                            ErrorResponse.Code.INTERNAL.name(), "internal error: " + e, null));
              });
          cfg.routes.error(
              404,
              ctx -> {
                if (ctx.attribute(ERROR_WRITTEN) == null) {
                  ctx.json(
                      new ErrorResponse(
                          ErrorResponse.Code.NOT_FOUND.name(),
                          "no such endpoint: " + ctx.method() + " " + ctx.path(),
                          null));
                }
              });
          cfg.routes.error(
              405,
              ctx -> {
                if (ctx.attribute(ERROR_WRITTEN) == null) {
                  ctx.json(
                      new ErrorResponse(
                          ErrorResponse.Code.INVALID_ARGUMENT.name(),
                          "method " + ctx.method() + " is not allowed on " + ctx.path(),
                          null));
                }
              });
        });
  }

  /** The contract, served at {@code /openapi.yaml}. */
  public static String openapiYaml() {
    try (InputStream in = Operation.class.getResourceAsStream("openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from rime-api");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
