package org.guichet.server.http;

import org.guichet.server.domain.Failure;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.guichet.server.ServerContext;
import org.guichet.server.realtime.EventBusBridge;

/**
 * REST API under /api/v1, the event-bus bridge, and the static web apps: every jar on the class path may bring pages under
 * {@code web/} (web/display from display-client, web/counter, web/supervisor, web/shared), and WebJars under /webjars.
 */
public final class HttpVerticle extends VerticleBase {

    private final ServerContext context;
    private final int port;
    private HttpServer server;
    private Router api;

    public HttpVerticle(ServerContext context, int port) {
        this.context = context;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        Router root = Router.router(vertx);
        api = Router.router(vertx);
        api.route().handler(BodyHandler.create(false).setBodyLimit(256 * 1024));

        new PublicRoutes(context.queue(), context.catalogs(), context.pool()).mount(root, api);
        AuthRoutes authRoutes = new AuthRoutes(context.auth());
        authRoutes.mountPublic(api);

        api.route().handler(new Authenticator(context.auth()));
        authRoutes.mount(api);
        new SiteRoutes(context.catalogs(), context.summaries(), context.pool(), context.clock()).mount(api);
        new TicketRoutes(context.queue(), context.catalogs()).mount(api);
        new CounterRoutes(context.counters(), context.queue(), context.catalogs(), context.clock()).mount(api);
        new DeviceRoutes(context.pool(), context.clock(), vertx.eventBus()).mount(api);
        new AgentRoutes(context.catalogs(), context.pool(), context.clock()).mount(api);
        new AdminRoutes(context.deployments(), context.catalogs(), context.auth(), context.pool()).mount(api);
        new StatsRoutes(context).mount(api);
        api.route().handler(ctx -> ctx.fail(Failure.notFound("No such endpoint: "
                + ctx.request().method() + " " + ctx.request().path())));

        root.route("/api/v1/*").subRouter(api);
        // A visitor's ticket page, opened from the QR code printed on the ticket.
        root.getWithRegex("/ticket/[A-Za-z0-9_-]{16,64}").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8").sendFile("web/ticket/index.html"));
        root.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
        root.route("/eventbus/*").subRouter(new EventBusBridge(vertx, context.auth(), context.catalogs()).router());
        root.route("/*").handler(StaticHandler.create("web").setIndexPage("index.html"));
        FailureHandler failureHandler = new FailureHandler();
        api.route().failureHandler(failureHandler);
        root.route().failureHandler(failureHandler);

        return vertx.createHttpServer()
                .requestHandler(root)
                .listen(port)
                .onSuccess(listening -> server = listening);
    }

    /** "METHOD /path" of every API route, e.g. "POST /tickets/:ticketId/call"; the OpenAPI document must list them. */
    public java.util.List<String> apiEndpoints() {
        java.util.List<String> endpoints = new java.util.ArrayList<>();
        api.getRoutes().forEach(route -> {
            if (route.getPath() != null && route.methods() != null) {
                route.methods().forEach(method -> endpoints.add(method.name() + " " + route.getPath()));
            }
        });
        return endpoints;
    }

    public int actualPort() {
        return server.actualPort();
    }
}
