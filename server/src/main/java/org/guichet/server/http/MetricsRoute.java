package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: this node's meters in Prometheus's text format, for the bearer of the metrics token only
 * (compared by the settings, in constant time). Mounted only when a token is configured: otherwise the address is
 * not found, like any other.
 */
public final class MetricsRoute implements Handler<RoutingContext> {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String BEARER = "Bearer ";

    private final Predicate<String> acceptsToken;
    private final Supplier<Future<String>> scrape;

    public MetricsRoute(Predicate<String> acceptsToken, Supplier<Future<String>> scrape) {
        this.acceptsToken = acceptsToken;
        this.scrape = scrape;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        String presented = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
        if (!acceptsToken.test(presented)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            ctx.fail(Failure.unauthenticated(presented == null
                    ? "The metrics are for the bearer of the metrics token (Authorization: Bearer ...)."
                    : "This is not the metrics token."));
            return;
        }
        scrape.get().onSuccess(text -> ctx.response().putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store").end(text)).onFailure(ctx::fail);
    }
}
