package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.guichet.server.ServerContext;

import java.util.function.Consumer;

/** REST API under /api/v1, the web apps, and (added by the realtime layer) the event-bus bridge. */
public final class HttpVerticle extends VerticleBase {

    private final ServerContext context;
    private final int port;
    private final Consumer<Router> extraRoutes;
    private HttpServer server;

    public HttpVerticle(ServerContext context, int port, Consumer<Router> extraRoutes) {
        this.context = context;
        this.port = port;
        this.extraRoutes = extraRoutes;
    }

    @Override
    public Future<?> start() {
        Router root = Router.router(vertx);
        Router api = Router.router(vertx);
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
        new AdminRoutes(context.deployments(), context.catalogs(), context.auth(), context.pool()).mount(api);
        api.route().handler(ctx -> ctx.fail(ApiException.notFound("No such endpoint: "
                + ctx.request().method() + " " + ctx.request().path())));

        root.route("/api/v1/*").subRouter(api);
        extraRoutes.accept(root);
        FailureHandler failureHandler = new FailureHandler();
        api.route().failureHandler(failureHandler);
        root.route().failureHandler(failureHandler);

        return vertx.createHttpServer()
                .requestHandler(root)
                .listen(port)
                .onSuccess(listening -> server = listening);
    }

    public int actualPort() {
        return server.actualPort();
    }
}
