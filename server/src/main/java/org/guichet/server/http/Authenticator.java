package org.guichet.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.service.Authentication;

/** Resolves the bearer token of every protected request; 401 when it is missing, unknown, expired or revoked. */
public final class Authenticator implements Handler<RoutingContext> {

    private final Authentication authentication;

    public Authenticator(Authentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public void handle(RoutingContext ctx) {
        authentication.authenticate(bearer(ctx))
                .onSuccess(principal -> {
                    ctx.put(Reply.PRINCIPAL, principal);
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }

    public static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
