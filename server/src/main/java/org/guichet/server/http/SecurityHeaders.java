package org.guichet.server.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.ClientAddress;
import org.guichet.server.domain.HttpSettings;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The headers every answer carries, set before any route runs so that a route may replace one (an embeddable page
 * would answer with {@code SecurityHeaders.policy(nodes, "https://example.org")} and drop X-Frame-Options):
 * a Content-Security-Policy that lets the apps load only their own files (no inline script or style anywhere), nosniff,
 * a Referrer-Policy that keeps a visitor's ticket address to this site, no framing, and HSTS when the browser came
 * over TLS.
 */
final class SecurityHeaders implements Handler<RoutingContext> {

    static final String HSTS = "max-age=31536000";

    private final String policy;
    private final ClientAddress proxies;

    /** @param otherNodes every node's public address: a screen checks that the next one answers before moving to it */
    SecurityHeaders(List<String> otherNodes, HttpSettings settings) {
        this.policy = policy(otherNodes, "'none'");
        this.proxies = settings.proxies();
    }

    /**
     * The policy: own files only, images also as data: URIs (the API documentation's style sheet has some), and
     * requests to the listed origins (and their WebSocket form) besides this one.
     */
    static String policy(List<String> connectTo, String frameAncestors) {
        List<String> connect = new ArrayList<>(List.of("'self'"));
        for (String origin : connectTo) {
            connect.add(origin);
            URI uri = URI.create(origin);
            connect.add(("https".equals(uri.getScheme()) ? "wss" : "ws") + origin.substring(uri.getScheme().length()));
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
               + "connect-src " + String.join(" ", connect) + "; media-src 'self'; object-src 'none'; "
               + "base-uri 'none'; form-action 'self'; frame-ancestors " + frameAncestors;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        MultiMap headers = ctx.response().headers();
        headers.set("Content-Security-Policy", policy)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin")
                .set("X-Frame-Options", "DENY");
        String forwardedProto = request.getHeader("X-Forwarded-Proto");
        if (HttpSettings.overTls(request.isSSL(), forwardedProto != null && fromTrustedProxy(request),
                forwardedProto)) {
            headers.set("Strict-Transport-Security", HSTS);
        }
        ctx.next();
    }

    private boolean fromTrustedProxy(HttpServerRequest request) {
        return request.remoteAddress() != null && proxies.isTrusted(request.remoteAddress().hostAddress());
    }
}
