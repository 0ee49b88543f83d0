package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;

/** Small helpers every *Routes class uses to answer. */
public final class Reply {

    public static final String PRINCIPAL = "principal";
    /** The client's address, put by the API router before any route. */
    public static final String CLIENT_ADDRESS = "clientAddress";

    private Reply() {
    }

    public static void json(RoutingContext ctx, int status, Future<?> result) {
        result.onSuccess(value -> send(ctx, status, value)).onFailure(ctx::fail);
    }

    public static void json(RoutingContext ctx, Future<?> result) {
        json(ctx, 200, result);
    }

    public static void send(RoutingContext ctx, int status, Object value) {
        if (ctx.response().ended()) {
            return;
        }
        if (value == null) {
            ctx.response().setStatusCode(204).end();
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8");
        ctx.json(value);
    }

    /**
     * Where the request came from, for the audit log and log-in throttling: the client's address as the API router
     * found it ({@link org.guichet.server.domain.ClientAddress}: X-Forwarded-For only from a trusted proxy), else the
     * connection's remote address.
     */
    public static String address(RoutingContext ctx) {
        String client = ctx.get(CLIENT_ADDRESS);
        if (client != null) {
            return client;
        }
        var remote = ctx.request().remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }

    public static Principal principal(RoutingContext ctx) {
        Principal principal = ctx.get(PRINCIPAL);
        if (principal == null) {
            throw Failure.unauthenticated("Log in first.");
        }
        return principal;
    }
}
